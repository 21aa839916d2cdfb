// A human name for a view, for bookmarks and the window title.
import { peekIssue, useIssue } from './data'
import type { I18n } from './i18n'
import { resolveRef } from './navigation'
import type { AppRoute, PaneState } from './route'

export function describePane(pane: PaneState, i18n: I18n): string {
  const issue = peekIssue(pane.ref.issueId)
  if (!issue) return pane.ref.issueId
  const at = resolveRef(pane.ref, issue)
  const where = `${i18n.paper(issue)} ${i18n.date(issue.date)}`
  if (!at) return where
  const page = i18n.t('pageN', { n: at.page.number })
  return at.article ? `${where} ${page} · ${at.article.headline}` : `${where} ${page}`
}

export function describeRoute(route: AppRoute, i18n: I18n): string {
  if (route.tab === 'search' && route.search.q) {
    return i18n.t('searchFor', { q: route.search.q })
  }
  if (route.panes.length) return route.panes.map((p) => describePane(p, i18n)).join(' ‖ ')
  return i18n.t('tabLibrary')
}

export function kindOf(route: AppRoute): 'search' | 'reading' | 'view' {
  if (route.tab === 'search' && route.search.q) return 'search'
  return route.panes.length ? 'reading' : 'view'
}

/**
 * describeRoute for a component: subscribes to (and loads) the panes' issues, so the name turns
 * from raw ids into paper + date + headline as soon as they arrive — also after a reload, when
 * nothing is cached yet and a bare `peekIssue` would never be read again.
 */
export function useRouteDescription(route: AppRoute, i18n: I18n): string {
  useIssue(route.panes[0]?.ref.issueId)
  useIssue(route.panes[1]?.ref.issueId)
  return describeRoute(route, i18n)
}
