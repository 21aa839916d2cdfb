// The articles of one issue as everything shows them — reader, search index, citations: each
// page segmented, its corrections applied, continuations linked across the pages, and then the
// librarians' link and unlink corrections on top of what the linker found.
import type { Article, CatalogIssue, ContinuationLink } from '../types'
import { linkContinuations, correctedPageArticles } from './articles'
import { entriesByPage } from './corrections'
import type { CorrectionEntry, LinkEntry, UnlinkEntry } from './corrections'
import { blockAt, markOf, resolveAnchor } from './corrections-apply'
import type { EntryOutcome } from './corrections-apply'
import type { SegmentRules } from './segment-rules'

export interface IssueArticles {
  perPage: Article[][]
  outcomes: EntryOutcome[]
}

/** `pageTexts[i]` is the decoded text of `issue.pages[i]`; `entries` may hold other issues'. */
export function issueArticles(
  issue: CatalogIssue,
  pageTexts: readonly string[],
  rules: SegmentRules | undefined,
  entries: readonly CorrectionEntry[] = [],
): IssueArticles {
  const byPage = entriesByPage(entries, issue.id)
  const outcomes: EntryOutcome[] = []
  const perPage = issue.pages.map((p, i) => {
    const r = correctedPageArticles(
      issue.id,
      p.number,
      pageTexts[i] ?? '',
      rules,
      byPage.get(p.number) ?? [],
      p.articles,
    )
    outcomes.push(...r.outcomes)
    return r.articles
  })
  const all = perPage.flat()
  linkContinuations(all)
  for (const [page, list] of byPage) {
    const known = issue.pages.findIndex((p) => p.number === page)
    for (const e of list) {
      if (known < 0) {
        outcomes.push({
          id: e.id,
          status: 'refused',
          problem: `issue ${issue.id} has no page ${page}`,
        })
        continue
      }
      if (e.kind === 'link' || e.kind === 'unlink')
        outcomes.push(applyLink(e, issue, pageTexts, perPage))
    }
  }
  return { perPage, outcomes }
}

function articleAt(
  issue: CatalogIssue,
  pageTexts: readonly string[],
  perPage: Article[][],
  page: number,
  anchor: LinkEntry['anchor'],
): { article?: Article; moved: boolean; problem?: string } {
  const i = issue.pages.findIndex((p) => p.number === page)
  if (i < 0) return { moved: false, problem: `issue ${issue.id} has no page ${page}` }
  const at = resolveAnchor(pageTexts[i] ?? '', anchor)
  if (!at)
    return {
      moved: false,
      problem: `stale anchor on page ${page}: the text at ${anchor.start}–${anchor.end} ("${anchor.head}…") is not on the page`,
    }
  const articles = perPage[i] as Article[]
  const k = blockAt(
    articles.map((a) => ({ start: a.sourceRange[0], end: a.sourceRange[1] })),
    at.start,
    at.end,
  )
  const article = k === undefined ? undefined : articles[k]
  return article
    ? { article, moved: at.moved }
    : { moved: at.moved, problem: `no block of page ${page} lies at ${at.start}–${at.end}` }
}

/** Drops the pairing of `link` (and the answering link of its partner). */
function unpair(link: ContinuationLink, self: Article, all: Map<string, Article>): void {
  const partner = link.targetArticleId ? all.get(link.targetArticleId) : undefined
  delete link.targetArticleId
  for (const l of partner?.continuations ?? [])
    if (l.targetArticleId === self.id) delete l.targetArticleId
}

function mark(a: Article, e: CorrectionEntry): void {
  ;(a.corrections ??= []).push(markOf(e))
}

function applyLink(
  e: LinkEntry | UnlinkEntry,
  issue: CatalogIssue,
  pageTexts: readonly string[],
  perPage: Article[][],
): EntryOutcome {
  const from = articleAt(issue, pageTexts, perPage, e.page, e.anchor)
  if (!from.article) return { id: e.id, status: 'stale', problem: from.problem as string }
  const source = from.article
  const all = new Map(perPage.flat().map((a) => [a.id, a]))
  if (e.kind === 'unlink') {
    const links = source.continuations.filter(
      (l) => l.kind !== 'see' && (e.toPage === undefined || l.targetPage === e.toPage),
    )
    const paired = links.filter((l) => l.targetArticleId)
    if (!paired.length)
      return { id: e.id, status: 'redundant', problem: `${source.id} continues nowhere` }
    for (const l of paired) unpair(l, source, all)
    mark(source, e)
    return { id: e.id, status: from.moved ? 'reanchored' : 'applied' }
  }
  const to = articleAt(issue, pageTexts, perPage, e.to.page, e.to.anchor)
  if (!to.article) return { id: e.id, status: 'stale', problem: to.problem as string }
  const target = to.article
  if (target.page === source.page)
    return { id: e.id, status: 'refused', problem: 'a continuation links two different pages' }
  const side = (a: Article, kind: ContinuationLink['kind'], page: number): ContinuationLink => {
    let link = a.continuations.find((l) => l.kind === kind && l.targetPage === page)
    if (!link) {
      // No printed marker: a link without one (empty range, so the text shows nothing).
      link = {
        kind,
        marker: '',
        targetPage: page,
        targetExists: true,
        range: [a.text.length, a.text.length],
      }
      a.continuations.push(link)
    }
    unpair(link, a, all)
    return link
  }
  const on = side(source, 'continued-on', target.page)
  const back = side(target, 'continued-from', source.page)
  on.targetArticleId = target.id
  back.targetArticleId = source.id
  mark(source, e)
  mark(target, e)
  return { id: e.id, status: from.moved || to.moved ? 'reanchored' : 'applied' }
}
