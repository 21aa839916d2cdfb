// The archive's articles as OpenSearch documents, issue by issue, in exactly the order and form
// the embedded engine indexes them (index-helpers.ts collectDocs + search-index.ts): the same
// segmentation, corrections and normalizedDoc, so `ord` is the engine's document number and
// `text` its normalized document.
import { paperRules } from '../../../shared/archive/catalog'
import { DOC_SEPARATOR } from '../../../shared/search/ngram'
import { INDEX_OPTIONS, issueDocInputs } from '../../../shared/search/search-index'
import { normalizedDoc } from '../../../shared/search/segment'
import { normalize } from '../../../shared/text/normalize'
import type { Catalog } from '../../../shared/types'
import { ArchiveError, readPageText } from '../../archive-dir'
import { correctionEntries } from '../../corrections-store'
import type { OsDocument } from './mapping'

/** Each issue's rank by date, issues of one date in catalog order (the engine's date order). */
export function issueRanks(catalog: Catalog): number[] {
  const order = catalog.issues
    .map((issue, i) => ({ date: issue.date, i }))
    .sort((a, b) => a.date.localeCompare(b.date))
  const rank = new Array<number>(catalog.issues.length)
  order.forEach((o, r) => (rank[o.i] = r))
  return rank
}

/**
 * Yields the documents of each issue in catalog order (the catalog sorted as ArchiveService
 * sorts it). An issue whose pages cannot be read is left out with a message, as the embedded
 * index leaves it out.
 */
export function* archiveDocuments(
  dir: string,
  catalog: Catalog,
  log?: (message: string) => void,
): Generator<OsDocument[]> {
  const corrections = correctionEntries(dir, catalog)
  const ranks = issueRanks(catalog)
  let ord = 0
  for (let i = 0; i < catalog.issues.length; i++) {
    const issue = catalog.issues[i] as Catalog['issues'][number]
    let inputs
    try {
      const texts = issue.pages.map((p) => readPageText(dir, p))
      inputs = issueDocInputs(i, issue, texts, paperRules(catalog.papers, issue.paper), corrections)
    } catch (e) {
      if (!(e instanceof ArchiveError)) throw e
      log?.(`Issue ${issue.id} is not searchable: ${e.message}`)
      continue
    }
    const docs: OsDocument[] = inputs.map((input, k) => {
      const title = input.title ?? input.headline
      const { norm, headLength } = normalizedDoc(title, input.text, INDEX_OPTIONS.fields)
      return {
        id: `${issue.id}/p${input.page}/a${input.article}`,
        ord: ord + k,
        issue: issue.id,
        issue_rank: ranks[i] as number,
        paper: issue.paper,
        date: issue.date,
        year: issue.date.slice(0, 4),
        month: issue.date.slice(0, 7),
        page: input.page,
        type: input.type ?? 'article',
        part: false,
        text: norm,
        head: norm.slice(0, headLength),
        // What the engine verifies `byline:` terms against (segment.ts rowOf).
        byline: normalize(input.byline ?? ''),
        display: { headline: input.headline, title, body: input.text },
      }
    })
    // A story continued across pages: every part carries the whole story's text.
    const heads = new Map<number, number[]>()
    inputs.forEach((input, k) => {
      const back = input.storyBack ?? 0
      if (back > 0) heads.set(k - back, [...(heads.get(k - back) ?? [k - back]), k])
    })
    for (const parts of heads.values()) {
      const joined = (f: 'text' | 'head' | 'byline'): string =>
        parts.map((k) => (docs[k] as OsDocument)[f]).join(DOC_SEPARATOR)
      const story = {
        part: true,
        story_text: joined('text'),
        story_head: joined('head'),
        story_byline: joined('byline'),
      }
      for (const k of parts) Object.assign(docs[k] as OsDocument, story)
    }
    ord += docs.length
    yield docs
  }
}
