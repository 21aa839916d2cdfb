// Where a quick-open item goes, as a route of the app's own model (route.ts): a paper or a year
// opens the library there, an issue or an article opens in the active pane, a search runs.
// Pure: tests/renderer/search/quick-open-route.test.ts.
import type { QuickOpenItem } from '../../shared/types'
import { openRef } from '../app/navigation'
import type { AppRoute } from '../app/route'

export function routeForItem(item: QuickOpenItem, route: AppRoute): AppRoute {
  switch (item.kind) {
    case 'paper': {
      const next: AppRoute = { ...route, tab: 'library', libPaper: item.paper }
      delete next.libYear
      return next
    }
    case 'year':
      return { ...route, tab: 'library', libPaper: item.paper, libYear: item.year }
    case 'issue':
      return openRef(route, { issueId: item.issueId })
    case 'article':
      return openRef(route, { issueId: item.issueId, page: item.page, article: item.article })
    case 'search': {
      // A new search: the results fill the main area, also over open panes (one key back).
      const next: AppRoute = { ...route, tab: 'search', search: { q: item.q } }
      if (route.panes.length > 0) next.resultsView = true
      return next
    }
  }
}

/**
 * The date quick open read from the text, in the UI language: 'YYYY-MM-DD', 'YYYY-MM',
 * '--MM-DD' (a day of any year) or 'YYYY'.
 */
export function readDateText(date: string, lang: string): string {
  const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d))
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m) {
    const f = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    return f.format(utc(Number(m[1]), Number(m[2]), Number(m[3])))
  }
  m = /^(\d{4})-(\d{2})$/.exec(date)
  if (m) {
    const f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' })
    return f.format(utc(Number(m[1]), Number(m[2]), 1))
  }
  m = /^--(\d{2})-(\d{2})$/.exec(date)
  if (m) {
    const f = new Intl.DateTimeFormat(lang, { month: 'long', day: 'numeric', timeZone: 'UTC' })
    // A leap year, so that 29 February is a day too.
    return f.format(utc(2000, Number(m[1]), Number(m[2])))
  }
  return date
}
