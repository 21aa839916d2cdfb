// Every view lives in the hash route, so back/forward, reload and a copied link restore it:
//   #/<tab>?<search params>&lp=<paper>&ly=<year>&a=<pane A>&aq=&ah=&ao=1&b=<pane B>&…&active=b&sync=1
// The search parameters are the API's (src/shared/http.ts), so a search in the app and
// `GET /api/search?…` read the same. Parsing is forgiving: whatever is malformed is dropped,
// never fatal, because links are typed, truncated and pasted by people.
import { ISSUE_ID_SOURCE, MAX_QUERY_LENGTH, PAPER_SLUG_PATTERN } from '../../shared/rules'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { searchRequestSchema } from '../../shared/contract'
import { searchRequestFromParams, searchRequestToParams } from '../../shared/http'
import type { SearchRequest } from '../../shared/types'

export type Tab = 'library' | 'search' | 'bookmarks'
export const TABS: readonly Tab[] = ['library', 'search', 'bookmarks']

/** Which issue / page / article a pane shows. */
export interface PaneRef {
  issueId: string
  page?: number
  /** 1-based article index on the page. */
  article?: number
}

export interface PaneState {
  ref: PaneRef
  /** Query whose matches are highlighted in the article. */
  q?: string
  /** 0-based index of the current match. */
  hit?: number
  /** Show the page's original layout instead of the reflowed article. */
  original?: boolean
}

export interface AppRoute {
  tab: Tab
  libPaper?: string
  libYear?: string
  /** The search panel's request; `q` is '' when nothing is searched. */
  search: SearchRequest
  /** Zero, one or two reading panes (A, B). */
  panes: PaneState[]
  active: 0 | 1
  sync: boolean
  /** The search's results page fills the main area although panes are open (`view=results`). */
  resultsView?: boolean
}

export const EMPTY_ROUTE: AppRoute = {
  tab: 'library',
  search: { q: '' },
  panes: [],
  active: 0,
  sync: false,
}

/** `issue`, `issue/p2` or `issue/p2/a3` (rules.ts: the issue id's own pattern). */
const PANE_REF = new RegExp(`^(${ISSUE_ID_SOURCE})(?:/p(\\d{1,3})(?:/a(\\d{1,6}))?)?$`)

export function formatPaneRef(ref: PaneRef): string {
  let s = ref.issueId
  if (ref.page !== undefined) {
    s += `/p${ref.page}`
    if (ref.article !== undefined) s += `/a${ref.article}`
  }
  return s
}

export function parsePaneRef(s: string): PaneRef | undefined {
  const m = PANE_REF.exec(s)
  if (!m) return undefined
  const ref: PaneRef = { issueId: m[1] as string }
  if (m[2] !== undefined && Number(m[2]) >= 1) ref.page = Number(m[2])
  if (ref.page !== undefined && m[3] !== undefined && Number(m[3]) >= 1) ref.article = Number(m[3])
  return ref
}

/** Each search field is judged alone, so one bad value does not lose the rest of the search. */
function parseSearch(params: URLSearchParams): SearchRequest {
  const raw = searchRequestFromParams(params, { keepUnknown: false })
  const out: Record<string, unknown> = { q: '' }
  const shape = searchRequestSchema.shape
  for (const [key, value] of Object.entries(raw)) {
    const field = shape[key as keyof typeof shape]
    if (!field?.safeParse(value).success) continue
    if ((key === 'dateFrom' || key === 'dateTo') && !isValidIsoDate(value as string)) continue
    out[key] = value
  }
  // The app pages with offset only; the page size is its own.
  delete out.limit
  return out as unknown as SearchRequest
}

function parsePane(params: URLSearchParams, p: 'a' | 'b'): PaneState | undefined {
  const ref = parsePaneRef(params.get(p) ?? '')
  if (!ref) return undefined
  const pane: PaneState = { ref }
  const q = params.get(`${p}q`)
  if (q) pane.q = q.slice(0, MAX_QUERY_LENGTH)
  const hit = params.get(`${p}h`)
  if (hit && /^\d{1,5}$/.test(hit)) pane.hit = Number(hit)
  if (params.get(`${p}o`) === '1') pane.original = true
  return pane
}

export function parseRoute(hash: string): AppRoute {
  const h = hash.startsWith('#') ? hash.slice(1) : hash
  const qAt = h.indexOf('?')
  const path = (qAt >= 0 ? h.slice(0, qAt) : h).replace(/^\/+|\/+$/g, '')
  const params = new URLSearchParams(qAt >= 0 ? h.slice(qAt + 1) : '')
  const search = parseSearch(params)
  const tab: Tab = (TABS as readonly string[]).includes(path)
    ? (path as Tab)
    : search.q
      ? 'search'
      : 'library'
  const route: AppRoute = { ...EMPTY_ROUTE, tab, search }
  const lp = params.get('lp')
  if (lp && PAPER_SLUG_PATTERN.test(lp)) route.libPaper = lp
  const ly = params.get('ly')
  if (route.libPaper && ly && /^\d{4}$/.test(ly)) route.libYear = ly
  const a = parsePane(params, 'a')
  const b = parsePane(params, 'b')
  route.panes = [a, b].filter((x): x is PaneState => x !== undefined)
  route.active = params.get('active') === 'b' && route.panes.length === 2 ? 1 : 0
  route.sync = params.get('sync') === '1' && route.panes.length === 2
  if (params.get('view') === 'results' && route.search.q && route.panes.length > 0)
    route.resultsView = true
  return route
}

export function formatRoute(route: AppRoute): string {
  const params = route.search.q ? searchRequestToParams({ ...route.search }) : new URLSearchParams()
  params.delete('limit')
  if (route.libPaper) {
    params.set('lp', route.libPaper)
    if (route.libYear) params.set('ly', route.libYear)
  }
  route.panes.slice(0, 2).forEach((pane, i) => {
    const p = i === 0 ? 'a' : 'b'
    params.set(p, formatPaneRef(pane.ref))
    if (pane.q) params.set(`${p}q`, pane.q)
    if (pane.hit) params.set(`${p}h`, String(pane.hit))
    if (pane.original) params.set(`${p}o`, '1')
  })
  if (route.active === 1 && route.panes.length === 2) params.set('active', 'b')
  if (route.sync && route.panes.length === 2) params.set('sync', '1')
  if (route.resultsView && route.search.q && route.panes.length > 0) params.set('view', 'results')
  const qs = params.toString()
  return `#/${route.tab}${qs ? `?${qs}` : ''}`
}

/**
 * The results page fills the main area: on the search tab with a query, when no pane is open
 * or the reader asked for it (a pane stays in the route, one key away).
 */
export function showsResults(route: AppRoute): boolean {
  return (
    route.tab === 'search' &&
    route.search.q.trim() !== '' &&
    (route.panes.length === 0 || route.resultsView === true)
  )
}
