// The HTTP mirror of the `ArchiveApi` contract, shared by the reading-room server and the
// renderer's HTTP client so the two cannot drift apart. GET only, JSON only:
//   GET /api/issues                              listIssues      (= CLI `list --json`)
//   GET /api/issues/:id                          getIssue        (= CLI `show --json`)
//   GET /api/issues/:id/pages/:n/source          getPageSource
//   GET /api/search?q=…&paper=…&from=&to=&issue=&page=&type=…&sort=&limit=&offset=
//                                                search          (= CLI `search --json`)
//   GET /api/articles/:articleId                 getArticle      (articleId URL-encoded)
//   GET /api/articles/:articleId/matches?q=…     articleMatches  (articleId URL-encoded)
//   GET /api/status                              indexStatus
// Query parameters carry the CLI's flag names. Decoding here never validates: the result goes
// through the contract's `parseArguments`, the one place arguments are judged.
import type { ArchiveApi, ArchiveMethod } from './contract'
import type { SearchRequest } from './types'

export const API_PREFIX = '/api'

/** Body of every non-2xx API answer. */
export interface ApiErrorBody {
  error: string
}

/** Query-string name → SearchRequest field. The names are the CLI's flags. */
const SEARCH_PARAMS = {
  q: 'q',
  paper: 'papers',
  from: 'dateFrom',
  to: 'dateTo',
  issue: 'issueId',
  page: 'page',
  type: 'types',
  sort: 'sort',
  limit: 'limit',
  offset: 'offset',
} as const satisfies Record<string, keyof SearchRequest>

type SearchParamName = keyof typeof SEARCH_PARAMS
const NUMERIC = new Set<SearchParamName>(['page', 'limit', 'offset'])
const REPEATABLE = new Set<SearchParamName>(['paper', 'type'])

/** A SearchRequest as query parameters, in a fixed order so equal requests give equal URLs. */
export function searchRequestToParams(request: SearchRequest): URLSearchParams {
  const p = new URLSearchParams()
  p.set('q', request.q)
  for (const paper of request.papers ?? []) p.append('paper', paper)
  if (request.dateFrom) p.set('from', request.dateFrom)
  if (request.dateTo) p.set('to', request.dateTo)
  if (request.issueId) p.set('issue', request.issueId)
  if (request.page !== undefined) p.set('page', String(request.page))
  for (const type of request.types ?? []) p.append('type', type)
  if (request.sort) p.set('sort', request.sort)
  if (request.limit !== undefined) p.set('limit', String(request.limit))
  if (request.offset !== undefined) p.set('offset', String(request.offset))
  return p
}

export interface DecodeOptions {
  /** Keep parameters that are not search fields (so a strict schema rejects them). Default true. */
  keepUnknown?: boolean
}

/**
 * Query parameters → an unvalidated SearchRequest-shaped object. Whole numbers become numbers;
 * anything else stays a string so the schema reports it. Empty values (`from=`) count as absent,
 * except `q`. Unknown parameters are kept under their own name unless told otherwise.
 */
export function searchRequestFromParams(
  params: URLSearchParams,
  options: DecodeOptions = {},
): Record<string, unknown> {
  const keepUnknown = options.keepUnknown ?? true
  // No prototype: a parameter named `__proto__` (even repeated) is then an ordinary key, which
  // the strict schema refuses, and can never set the object's prototype.
  const out = Object.create(null) as Record<string, unknown>
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    if (!Object.prototype.hasOwnProperty.call(SEARCH_PARAMS, name)) {
      if (keepUnknown) out[name] = values.length === 1 ? values[0] : values
      continue
    }
    const known = name as SearchParamName
    const field = SEARCH_PARAMS[known]
    const present = known === 'q' ? values : values.filter((v) => v !== '')
    if (present.length === 0) continue
    if (REPEATABLE.has(known)) {
      out[field] = present
      continue
    }
    // A repeated single-valued parameter is ambiguous: hand the schema an array to reject.
    const converted = present.map((v) =>
      NUMERIC.has(known) && /^\d{1,9}$/.test(v) ? Number(v) : v,
    )
    out[field] = converted.length === 1 ? converted[0] : converted
  }
  return out
}

const enc = encodeURIComponent

/** The GET path (with query) that performs `method` with `args`. */
export function apiPathFor<M extends ArchiveMethod>(
  method: M,
  ...args: Parameters<ArchiveApi[M]>
): string {
  const a = args as unknown[]
  switch (method) {
    case 'listIssues':
      return `${API_PREFIX}/issues`
    case 'getIssue':
      return `${API_PREFIX}/issues/${enc(String(a[0]))}`
    case 'getArticle':
      return `${API_PREFIX}/articles/${enc(String(a[0]))}`
    case 'getPageSource':
      return `${API_PREFIX}/issues/${enc(String(a[0]))}/pages/${enc(String(a[1]))}/source`
    case 'search':
      return `${API_PREFIX}/search?${searchRequestToParams(a[0] as SearchRequest).toString()}`
    case 'articleMatches':
      return `${API_PREFIX}/articles/${enc(String(a[0]))}/matches?${new URLSearchParams({ q: String(a[1]) }).toString()}`
    case 'indexStatus':
      return `${API_PREFIX}/status`
    default:
      throw new Error(`no HTTP route for ${String(method)}`)
  }
}

/** A request resolved to a contract method and its (still unvalidated) arguments. */
export interface ApiCall {
  method: ArchiveMethod
  args: unknown[]
  /** A query parameter this route does not take; the request is refused with it named. */
  unknownParam?: string
}

/** Query parameters each non-search route takes (search's are judged by its strict schema). */
const ROUTE_PARAMS: Partial<Record<ArchiveMethod, readonly string[]>> = {
  listIssues: [],
  indexStatus: [],
  getIssue: [],
  getArticle: [],
  getPageSource: [],
  articleMatches: ['q'],
}

function withParamCheck(call: ApiCall, query: URLSearchParams): ApiCall {
  const allowed = ROUTE_PARAMS[call.method]
  if (!allowed) return call
  for (const name of query.keys()) {
    if (!allowed.includes(name)) return { ...call, unknownParam: name }
  }
  return call
}

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}

/** A whole number stays a number; anything else is handed to the schema as text to reject. */
function pageArgument(s: string): number | string {
  return /^\d{1,9}$/.test(s) ? Number(s) : s
}

/**
 * Resolves a raw (still percent-encoded) path and its query to a contract call, or undefined when
 * the path is not an API route. Arguments are not validated here.
 */
export function resolveApiCall(rawPath: string, query: URLSearchParams): ApiCall | undefined {
  const call = resolveRoute(rawPath, query)
  return call && withParamCheck(call, query)
}

function resolveRoute(rawPath: string, query: URLSearchParams): ApiCall | undefined {
  if (rawPath !== API_PREFIX && !rawPath.startsWith(`${API_PREFIX}/`)) return undefined
  const rest = rawPath.slice(API_PREFIX.length)
  if (rest === '/issues') return { method: 'listIssues', args: [] }
  if (rest === '/status') return { method: 'indexStatus', args: [] }
  if (rest === '/search') return { method: 'search', args: [searchRequestFromParams(query)] }
  let m = /^\/issues\/([^/]+)$/.exec(rest)
  if (m) {
    const id = decodeSegment(m[1] as string)
    return id === undefined ? undefined : { method: 'getIssue', args: [id] }
  }
  m = /^\/issues\/([^/]+)\/pages\/([^/]+)\/source$/.exec(rest)
  if (m) {
    const id = decodeSegment(m[1] as string)
    const n = decodeSegment(m[2] as string)
    if (id === undefined || n === undefined) return undefined
    return { method: 'getPageSource', args: [id, pageArgument(n)] }
  }
  // Article ids contain slashes; clients encode them (%2F) but raw slashes are accepted too.
  m = /^\/articles\/(.+)\/matches$/.exec(rest)
  if (m) {
    const id = decodeSegment(m[1] as string)
    if (id === undefined) return undefined
    const q = query.getAll('q')
    return { method: 'articleMatches', args: [id, q.length === 1 ? q[0] : q.length ? q : ''] }
  }
  m = /^\/articles\/(.+)$/.exec(rest)
  if (m) {
    const id = decodeSegment(m[1] as string)
    return id === undefined ? undefined : { method: 'getArticle', args: [id] }
  }
  return undefined
}
