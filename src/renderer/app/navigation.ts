// Route transformations for reading: which page and article a pane shows, stepping through
// pages, articles, issues and matches, opening things in one pane or beside it. Pure functions
// of the route and of archive data already loaded.
import type { Article, IssueSummary, IssueView, PageView } from '../../shared/types'
import type { AppRoute, PaneRef, PaneState } from './route'
import { parsePaneRef } from './route'

export interface Resolved {
  page: PageView
  article: Article | undefined
}

/** The page and article a reference points at, defaulting to the first of each. */
export function resolveRef(ref: PaneRef, issue: IssueView): Resolved | undefined {
  const page =
    ref.page === undefined ? issue.pages[0] : issue.pages.find((p) => p.number === ref.page)
  if (!page) return undefined
  const article =
    ref.article === undefined
      ? page.articles[0]
      : page.articles.find((a) => a.index === ref.article)
  return { page, article }
}

export type Where = 'active' | 'other' | 0 | 1

export function paneIndex(route: AppRoute, where: Where): 0 | 1 {
  if (where === 0 || where === 1) return where
  if (where === 'active') return route.active
  if (route.panes.length === 0) return 0
  return route.active === 0 ? 1 : 0
}

/** Sets pane `i`; opening pane B without a pane A fills A instead. */
export function withPane(route: AppRoute, i: 0 | 1, pane: PaneState): AppRoute {
  const panes = [...route.panes]
  const at = Math.min(i, panes.length)
  panes[at] = pane
  return { ...route, panes }
}

export function openRef(
  route: AppRoute,
  ref: PaneRef,
  where: Where = 'active',
  extra: Omit<PaneState, 'ref'> = {},
): AppRoute {
  const next = withPane(route, paneIndex(route, where), { ref, ...extra })
  // What is opened is read: the results page gives way to the reader.
  if (next.resultsView) {
    const reading = { ...next }
    delete reading.resultsView
    return reading
  }
  return next
}

export function openArticleId(
  route: AppRoute,
  articleId: string,
  where: Where = 'active',
  q?: string,
): AppRoute {
  const ref = parsePaneRef(articleId)
  if (!ref) return route
  return openRef(route, ref, where, q ? { q } : {})
}

export function toggleSplit(route: AppRoute): AppRoute {
  if (route.panes.length >= 2) {
    const keep = route.panes[route.active] as PaneState
    return { ...route, panes: [keep], active: 0, sync: false }
  }
  const first = route.panes[0]
  if (!first) return route
  return { ...route, panes: [first, { ref: first.ref }], active: 1 }
}

export function closePane(route: AppRoute, i: 0 | 1): AppRoute {
  const panes = route.panes.filter((_, j) => j !== i)
  return { ...route, panes, active: 0, sync: false }
}

export function swapPanes(route: AppRoute): AppRoute {
  if (route.panes.length < 2) return route
  const [a, b] = route.panes as [PaneState, PaneState]
  return { ...route, panes: [b, a], active: route.active === 0 ? 1 : 0 }
}

export function updatePane(route: AppRoute, i: 0 | 1, change: Partial<PaneState>): AppRoute {
  const pane = route.panes[i]
  if (!pane) return route
  const next: PaneState = { ...pane, ...change }
  for (const k of Object.keys(next) as (keyof PaneState)[]) {
    if (next[k] === undefined) delete next[k]
  }
  return withPane(route, i, next)
}

/** Next/previous page of the same issue (first article); undefined at either end. */
export function stepPage(
  route: AppRoute,
  i: 0 | 1,
  dir: 1 | -1,
  issue: IssueView,
): AppRoute | undefined {
  const pane = route.panes[i]
  const at = pane && resolveRef(pane.ref, issue)
  if (!pane || !at) return undefined
  const idx = issue.pages.indexOf(at.page) + dir
  const page = issue.pages[idx]
  if (!page) return undefined
  const ref = { issueId: issue.id, page: page.number }
  return withPane(route, i, pane.q ? { ref, q: pane.q } : { ref })
}

/** Next/previous article, crossing into the next/previous page at the ends. */
export function stepArticle(
  route: AppRoute,
  i: 0 | 1,
  dir: 1 | -1,
  issue: IssueView,
): AppRoute | undefined {
  const pane = route.panes[i]
  const at = pane && resolveRef(pane.ref, issue)
  if (!pane || !at?.article) return undefined
  const articles = issue.pages.flatMap((p) => p.articles)
  const next = articles[articles.indexOf(at.article) + dir]
  if (!next) return undefined
  const ref = { issueId: issue.id, page: next.page, article: next.index }
  return withPane(route, i, pane.q ? { ref, q: pane.q } : { ref })
}

/** Issues of one paper, oldest first. */
export function issuesOfPaper(issues: readonly IssueSummary[], paper: string): IssueSummary[] {
  return issues.filter((x) => x.paper === paper).sort((a, b) => a.date.localeCompare(b.date))
}

export function neighbourIssue(
  issues: readonly IssueSummary[],
  issueId: string,
  dir: 1 | -1,
): IssueSummary | undefined {
  const current = issues.find((x) => x.id === issueId)
  if (!current) return undefined
  const same = issuesOfPaper(issues, current.paper)
  return same[same.findIndex((x) => x.id === issueId) + dir]
}

/** For each other paper, its issue of the same date, else the one nearest in time. */
export function sameDateElsewhere(
  issues: readonly IssueSummary[],
  issueId: string,
): { issue: IssueSummary; exact: boolean }[] {
  const current = issues.find((x) => x.id === issueId)
  if (!current) return []
  const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000
  const best = new Map<string, IssueSummary>()
  for (const x of issues) {
    if (x.paper === current.paper) continue
    const prev = best.get(x.paper)
    const dist = Math.abs(day(x.date) - day(current.date))
    if (!prev || dist < Math.abs(day(prev.date) - day(current.date))) best.set(x.paper, x)
  }
  return [...best.values()]
    .map((issue) => ({ issue, exact: issue.date === current.date }))
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) ||
        Math.abs(day(a.issue.date) - day(current.date)) -
          Math.abs(day(b.issue.date) - day(current.date)),
    )
}

export function stepIssue(
  route: AppRoute,
  i: 0 | 1,
  dir: 1 | -1,
  issues: readonly IssueSummary[],
): AppRoute | undefined {
  const pane = route.panes[i]
  if (!pane) return undefined
  const next = neighbourIssue(issues, pane.ref.issueId, dir)
  return next ? withPane(route, i, { ref: { issueId: next.id } }) : undefined
}

/** Moves the current match of pane `i`, wrapping around. */
export function stepHit(route: AppRoute, i: 0 | 1, dir: 1 | -1, total: number): AppRoute {
  const pane = route.panes[i]
  if (!pane || total <= 0) return route
  const hit = ((((pane.hit ?? 0) + dir) % total) + total) % total
  return updatePane(route, i, { hit: hit === 0 ? undefined : hit })
}
