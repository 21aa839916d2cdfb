// What the keyboard, the application menu and toolbar buttons can ask for. Each command reads
// the current route and the archive data already on screen, and navigates.
import { deepLinkFor } from '../../shared/deep-link'
import type { MenuCommand } from '../../shared/contract'
import { api } from './api'
import { copyText } from '../ui/browser'
import { peekIssue, peekIssues, peekMatches, peekSearch } from './data'
import type { I18n } from './i18n'
import { importApi } from '../import/import-api'
import { openImportDialog } from '../import/import-dialog-store'
import {
  resolveRef,
  stepArticle,
  stepHit,
  stepIssue,
  stepPage,
  swapPanes,
  toggleSplit,
  updatePane,
} from './navigation'
import { getRoute, navigate } from './route-store'
import { placeOf, stepResult } from '../search/result-step'
import { requestOf } from '../search/use-route-search'
import type { AppRoute } from './route'
import { settingsStore, stepFontSize, updateSettings } from './settings'
import { effectiveTheme, systemPrefersDark } from './theme'
import { showToast } from '../ui/toast'

export type Command =
  | MenuCommand
  | 'next-hit'
  | 'prev-hit'
  | 'next-article'
  | 'prev-article'
  | 'toggle-original'
  | 'font-bigger'
  | 'font-smaller'
  | 'open-library'
  | 'open-search'
  | 'pane-a'
  | 'pane-b'
  | 'toggle-sync'
  | 'next-result'
  | 'prev-result'

/** What only the component tree can do. */
export interface UiHooks {
  focusSearch(): void
  toggleShortcuts(): void
  openQuickOpen(): void
}

/** What opens this view where the reader runs: the page's http URL in a browser (the reading
 * room), the archive-reader:// deep link in the app. */
export function linkToView(): string {
  return api.kind === 'http' ? location.href : deepLinkFor(location.hash || '#/')
}

/** The link that opens one article (its own view, not the whole current route). */
export function linkToArticle(articleId: string): string {
  const hash = `#/library?a=${articleId}`
  return api.kind === 'http' ? `${location.origin}${location.pathname}${hash}` : deepLinkFor(hash)
}

/** Today as YYYY-MM-DD in the reader's own time zone: a citation's access date. */
export function todayIso(now = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export async function copyLink(t: I18n['t']): Promise<void> {
  const link = linkToView()
  const ok = await copyText(link)
  showToast(ok ? t('linkCopied') : t('copyFailed'), link, ok ? 'info' : 'error')
}

export function printPane(i: 0 | 1): void {
  // The print stylesheet shows only the pane named here.
  document.documentElement.dataset.printPane = i === 0 ? 'a' : 'b'
  window.print()
}

function go(next: AppRoute | undefined, t: I18n['t'], edge: Parameters<I18n['t']>[0]): void {
  if (next) navigate(next)
  else showToast(t(edge))
}

/** The active pane's article id, when its issue is loaded. */
function activeArticle(route: AppRoute): { id: string; i: 0 | 1 } | undefined {
  const pane = route.panes[route.active]
  const issue = pane && peekIssue(pane.ref.issueId)
  const at = pane && issue ? resolveRef(pane.ref, issue) : undefined
  return at?.article ? { id: at.article.id, i: route.active } : undefined
}

export function runCommand(command: Command, ui: UiHooks, t: I18n['t']): void {
  const route = getRoute()
  const i = route.active
  const pane = route.panes[i]
  const issue = pane ? peekIssue(pane.ref.issueId) : undefined
  switch (command) {
    case 'focus-search':
      return ui.focusSearch()
    case 'quick-open':
      ui.openQuickOpen()
      return
    case 'show-shortcuts':
      return ui.toggleShortcuts()
    case 'toggle-split':
      return navigate(toggleSplit(route))
    case 'swap-panes':
      return navigate(swapPanes(route))
    case 'toggle-sync':
      if (route.panes.length === 2) navigate({ ...route, sync: !route.sync })
      return
    case 'pane-a':
    case 'pane-b': {
      const target = command === 'pane-a' ? 0 : 1
      if (route.panes[target]) navigate({ ...route, active: target })
      document.querySelector<HTMLElement>(`[data-pane-body="${target}"]`)?.focus()
      return
    }
    case 'next-page':
    case 'prev-page':
      if (issue) go(stepPage(route, i, command === 'next-page' ? 1 : -1, issue), t, 'noMorePages')
      return
    case 'next-article':
    case 'prev-article':
      if (issue)
        go(stepArticle(route, i, command === 'next-article' ? 1 : -1, issue), t, 'noMoreArticles')
      return
    case 'next-issue':
    case 'prev-issue': {
      const issues = peekIssues()
      if (issues && pane)
        go(stepIssue(route, i, command === 'next-issue' ? 1 : -1, issues), t, 'noMoreIssues')
      return
    }
    case 'next-hit':
    case 'prev-hit': {
      const a = activeArticle(route)
      const q = pane?.q
      const matches = a && q ? peekMatches(a.id, q) : undefined
      if (matches) navigate(stepHit(route, i, command === 'next-hit' ? 1 : -1, matches.total))
      return
    }
    case 'next-result':
    case 'prev-result': {
      const a = activeArticle(route)
      const place = route.search.q ? placeOf(route, peekSearch(requestOf(route)), a?.id) : undefined
      if (place)
        void stepResult(route, i, place, command === 'next-result' ? 1 : -1).then(
          (next) => go(next, t, 'noMoreResults'),
          () => showToast(t('searchFailed')),
        )
      return
    }
    case 'toggle-original':
      if (pane) navigate(updatePane(route, i, { original: pane.original ? undefined : true }))
      return
    case 'font-bigger':
    case 'font-smaller':
      updateSettings({
        fontSize: stepFontSize(settingsStore.get().fontSize, command === 'font-bigger' ? 1 : -1),
      })
      return
    case 'toggle-theme': {
      const now = effectiveTheme(settingsStore.get().theme, systemPrefersDark())
      updateSettings({ theme: now === 'dark' ? 'light' : 'dark' })
      return
    }
    case 'open-library':
    case 'open-search':
    case 'open-bookmarks': {
      const tab =
        command === 'open-library' ? 'library' : command === 'open-search' ? 'search' : 'bookmarks'
      // On the search tab, r goes between the results page and the hit being read.
      if (tab === 'search' && route.tab === 'search' && route.search.q && route.panes.length) {
        const next = { ...route }
        if (route.resultsView) delete next.resultsView
        else next.resultsView = true
        navigate(next)
        return
      }
      navigate({ ...route, tab })
      return
    }
    case 'copy-link':
      void copyLink(t)
      return
    case 'print':
      if (pane) printPane(i)
      return
    case 'import-issues':
      // Only the app can import (the reading-room server is read-only).
      if (importApi) openImportDialog()
      return
  }
}
