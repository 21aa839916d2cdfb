// The searchable form of an archive: one normalized text per article, concatenated, with the
// article's coordinates in flat columns and the n-gram index over it. It is self-contained, so
// that a persisted copy answers queries — and shows their hits — without segmenting any page:
// each article's headline, body range and the page's wrap width are kept, so a snippet needs
// only its page's text.
import { layoutPage } from '../archive/articles'
import type { CatalogIssue } from '../types'
import { normalize, NORMALIZER_VERSION } from '../text/normalize'
import { buildNgramIndex, DOC_SEPARATOR } from './ngram'
import type { NgramIndexData } from './ngram'

/** Version of the article segmentation; a change invalidates persisted indexes. */
export const SEGMENTER_VERSION = 2

/**
 * The one set of options the index is built and loaded with. It is stored in the index file
 * and compared on load: an index built under other rules is rebuilt, never misread.
 */
export const INDEX_OPTIONS = {
  normalizer: NORMALIZER_VERSION,
  segmenter: SEGMENTER_VERSION,
  grams: [1, 2],
  fields: ['headline', 'text'],
} as const

export interface IssueRow {
  id: string
  paper: string
  date: string
}

export interface DocColumns {
  /** Normalized texts joined by DOC_SEPARATOR; each doc is headline SEP body. */
  text: string
  /** starts[d]..starts[d+1]-1 is doc d (the trailing separator excluded); length docs+1. */
  starts: Uint32Array
  /** Where doc d's headline ends (absolute offset of its separator). */
  headEnds: Uint32Array
  issue: Uint32Array
  page: Uint16Array
  article: Uint16Array
  /** The body's range in the page text and the page's wrap width (see layoutPage). */
  bodyStart: Uint32Array
  bodyEnd: Uint32Array
  width: Uint16Array
  /** Display headlines joined by DOC_SEPARATOR; headlineStarts has length docs+1. */
  headlines: string
  headlineStarts: Uint32Array
}

export interface SearchIndex {
  issues: IssueRow[]
  docs: DocColumns
  ngram: NgramIndexData
}

/** One article to index. */
export interface DocInput {
  issue: number
  page: number
  article: number
  headline: string
  text: string
  bodyStart: number
  bodyEnd: number
  width: number
}

/** One row of the columns, once its text is normalized. */
interface DocRow extends Omit<DocInput, 'text'> {
  /** Normalized headline, separator, normalized body. */
  norm: string
  headLength: number
}

export function docCount(index: SearchIndex): number {
  return index.docs.issue.length
}

/** The documents of one issue, from its decoded pages (same segmentation as the reader's). */
export function issueDocInputs(
  issueIdx: number,
  issue: CatalogIssue,
  pageTexts: readonly string[],
): DocInput[] {
  return issue.pages.flatMap((p, i) => {
    const { width, items } = layoutPage(issue.id, p.number, pageTexts[i] ?? '')
    return items.map(({ article, bodyStart, bodyEnd }) => ({
      issue: issueIdx,
      page: p.number,
      article: article.index,
      headline: article.headline,
      text: article.text,
      bodyStart,
      bodyEnd,
      width,
    }))
  })
}

function rowOf(input: DocInput): DocRow {
  const head = normalize(input.headline)
  const { text: _text, ...rest } = input
  return { ...rest, norm: head + DOC_SEPARATOR + normalize(input.text), headLength: head.length }
}

/** Row `d` of an existing index, without normalizing anything again. */
function rowAt(index: SearchIndex, d: number, issue: number): DocRow {
  const c = index.docs
  return {
    issue,
    page: c.page[d] as number,
    article: c.article[d] as number,
    headline: headlineOf(index, d),
    bodyStart: c.bodyStart[d] as number,
    bodyEnd: c.bodyEnd[d] as number,
    width: c.width[d] as number,
    norm: docText(index, d),
    headLength: (c.headEnds[d] as number) - (c.starts[d] as number),
  }
}

/** Lays rows out in columns and indexes their text: the one place an index is assembled. */
function assemble(
  issues: IssueRow[],
  rows: DocRow[],
  onProgress?: (f: number) => void,
): SearchIndex {
  const n = rows.length
  const starts = new Uint32Array(n + 1)
  const headEnds = new Uint32Array(n)
  const issue = new Uint32Array(n)
  const page = new Uint16Array(n)
  const article = new Uint16Array(n)
  const bodyStart = new Uint32Array(n)
  const bodyEnd = new Uint32Array(n)
  const width = new Uint16Array(n)
  const headlineStarts = new Uint32Array(n + 1)
  let offset = 0
  let hOffset = 0
  rows.forEach((r, d) => {
    starts[d] = offset
    headEnds[d] = offset + r.headLength
    offset += r.norm.length + 1
    issue[d] = r.issue
    page[d] = r.page
    article[d] = r.article
    bodyStart[d] = r.bodyStart
    bodyEnd[d] = r.bodyEnd
    width[d] = Math.min(r.width, 0xffff)
    headlineStarts[d] = hOffset
    hOffset += r.headline.length + 1
  })
  starts[n] = offset
  headlineStarts[n] = hOffset
  const norms = rows.map((r) => r.norm)
  const ngram = buildNgramIndex(norms, onProgress)
  const headlines = rows.map((r) => r.headline).join(DOC_SEPARATOR) + DOC_SEPARATOR
  const text = norms.join(DOC_SEPARATOR) + DOC_SEPARATOR
  return {
    issues,
    docs: {
      text,
      starts,
      headEnds,
      issue,
      page,
      article,
      bodyStart,
      bodyEnd,
      width,
      headlines,
      headlineStarts,
    },
    ngram,
  }
}

/** Builds the in-memory index. `onProgress` gets 0..1. */
export function buildSearchIndex(
  issues: IssueRow[],
  inputs: readonly DocInput[],
  onProgress?: (fraction: number) => void,
): SearchIndex {
  const rows = inputs.map((input, d) => {
    if (onProgress && d % 2000 === 0) onProgress((0.3 * d) / Math.max(1, inputs.length))
    return rowOf(input)
  })
  return assemble(issues, rows, onProgress && ((f) => onProgress(0.3 + 0.7 * f)))
}

/**
 * Adds issues to an existing index without touching the old articles' text again: only the new
 * documents are normalized; the n-gram lists are rebuilt over the combined normalized text (one
 * fast pass) because character ids are shared across the whole index. `inputs` is consumed once,
 * in order, so a caller can stream documents (a batch import reads one page at a time) and only
 * their normalized text is kept. Their `issue` numbers count from 0 among `issues`.
 */
export function extendSearchIndex(
  old: SearchIndex,
  issues: IssueRow[],
  inputs: Iterable<DocInput>,
): SearchIndex {
  const base = old.issues.length
  const rows: DocRow[] = []
  for (let d = 0; d < docCount(old); d++) rows.push(rowAt(old, d, old.docs.issue[d] as number))
  for (const input of inputs) rows.push(rowOf({ ...input, issue: base + input.issue }))
  return assemble([...old.issues, ...issues], rows)
}

/** The index without the issues in `drop`, again without normalizing any text. */
export function withoutIssues(old: SearchIndex, drop: ReadonlySet<string>): SearchIndex {
  const remap = new Int32Array(old.issues.length).fill(-1)
  const issues: IssueRow[] = []
  old.issues.forEach((row, i) => {
    if (drop.has(row.id)) return
    remap[i] = issues.length
    issues.push(row)
  })
  const rows: DocRow[] = []
  for (let d = 0; d < docCount(old); d++) {
    const to = remap[old.docs.issue[d] as number] as number
    if (to >= 0) rows.push(rowAt(old, d, to))
  }
  return assemble(issues, rows)
}

/** Normalized text of doc `d`: headline, separator, body. */
export function docText(index: SearchIndex, d: number): string {
  return index.docs.text.slice(index.docs.starts[d], (index.docs.starts[d + 1] as number) - 1)
}

/** The display headline of doc `d`. */
export function headlineOf(index: SearchIndex, d: number): string {
  const { headlines, headlineStarts } = index.docs
  return headlines.slice(headlineStarts[d], (headlineStarts[d + 1] as number) - 1)
}

export function articleIdOf(index: SearchIndex, d: number): string {
  const issue = index.issues[index.docs.issue[d] as number] as IssueRow
  return `${issue.id}/p${index.docs.page[d]}/a${index.docs.article[d]}`
}
