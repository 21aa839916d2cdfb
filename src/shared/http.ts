// The HTTP mirror of the contract, derived from each verb's `http` route in archiveContract
// (contract.ts) and shared by the reading-room server and the renderer's HTTP client, so the two
// cannot drift apart. GET only, JSON only; the routes (see the declaration for each verb's):
//   /api/issues (list --json), /api/issues/:id (show --json), /api/issues/:id/pages/:n/source,
//   /api/search?q=…&paper=…&from=&to=&issue=&page=&type=…&sort=&limit=&offset= (search --json),
//   /api/articles/:articleId, /api/articles/:articleId/matches?q=…, /api/status,
//   /api/suggest?q=PREFIX&limit=N (suggest --json), /api/open?q=TEXT&limit=N (open --json).
// Query parameters carry the CLI's flag names. Decoding here never validates: the result goes
// through the contract's `parseArguments`, the one place arguments are judged.
import { ARCHIVE_METHODS, archiveContract } from './contract'
import type { ArchiveApi, ArchiveMethod, HttpArg, HttpRoute } from './contract'
import type { ErrorCode } from './error-codes'
import type { SearchRequest } from './types'

export const API_PREFIX = '/api'

/** Body of every non-2xx API answer: the error policy's public error (errors.ts). */
export interface ApiErrorBody {
  /** The message (English). */
  error: string
  code: ErrorCode
  name: string
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

function routeOf(method: ArchiveMethod): HttpRoute {
  const route: HttpRoute | undefined = archiveContract[method].http
  if (!route) throw new Error(`no HTTP route for ${String(method)}`)
  return route
}

/** The GET path (with query) that performs `method` with `args`. */
export function apiPathFor<M extends ArchiveMethod>(
  method: M,
  ...args: Parameters<ArchiveApi[M]>
): string {
  const route = routeOf(method)
  const values = args as unknown[]
  const inPath = new Map<string, string>()
  let query = new URLSearchParams()
  route.args.forEach((arg, i) => {
    const value = values[i]
    if (arg.from === 'path') inPath.set(arg.name, enc(String(value)))
    else if (arg.from === 'query') {
      if (value !== undefined || !arg.optional) query.append(arg.name, String(value))
    } else query = searchRequestToParams(value as SearchRequest)
  })
  const path = route.path.replace(/:(\w+)\*?/g, (_, name: string) => inPath.get(name) ?? '')
  const q = query.toString()
  return `${API_PREFIX}${path}${q ? `?${q}` : ''}`
}

/** A request resolved to a contract method and its (still unvalidated) arguments. */
export interface ApiCall {
  method: ArchiveMethod
  args: unknown[]
  /** A query parameter this route does not take; the request is refused with it named. */
  unknownParam?: string
}

interface CompiledRoute {
  method: ArchiveMethod
  route: HttpRoute
  pattern: RegExp
  /** Path parameter names, in the order of the pattern's groups. */
  names: string[]
  /** Literal characters: the more, the more specific (tried first). */
  literal: number
}

function compile(method: ArchiveMethod, route: HttpRoute): CompiledRoute {
  const names: string[] = []
  const source = route.path
    .split('/')
    .map((segment) => {
      const m = /^:(\w+)(\*?)$/.exec(segment)
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(m[1] as string)
      // Article ids contain slashes; clients encode them (%2F) but raw slashes are accepted too.
      return m[2] ? '(.+)' : '([^/]+)'
    })
    .join('/')
  const literal = route.path.replace(/:\w+\*?/g, '').length
  return { method, route, pattern: new RegExp(`^${source}$`), names, literal }
}

const ROUTES: CompiledRoute[] = ARCHIVE_METHODS.flatMap((method) => {
  const route: HttpRoute | undefined = archiveContract[method].http
  return route ? [compile(method, route)] : []
}).sort((a, b) => b.literal - a.literal)

function decodeSegment(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}

/** A whole number stays a number; anything else is handed to the schema as text to reject. */
function numberArgument(s: string): number | string {
  return /^\d{1,9}$/.test(s) ? Number(s) : s
}

function argument(arg: HttpArg, path: Map<string, string>, query: URLSearchParams): unknown {
  if (arg.from === 'search') return searchRequestFromParams(query)
  if (arg.from === 'query') {
    const values = query.getAll(arg.name)
    if (values.length === 0) return arg.optional ? undefined : ''
    // A repeated parameter is ambiguous: hand the schema an array to reject.
    if (values.length > 1) return values
    return arg.number ? numberArgument(values[0] as string) : values[0]
  }
  const value = path.get(arg.name) as string
  return arg.number ? numberArgument(value) : value
}

/**
 * Resolves a raw (still percent-encoded) path and its query to a contract call, or undefined when
 * the path is not an API route. Arguments are not validated here, except that a route refuses
 * query parameters it does not take (search's are judged by its strict schema).
 */
export function resolveApiCall(rawPath: string, query: URLSearchParams): ApiCall | undefined {
  if (rawPath !== API_PREFIX && !rawPath.startsWith(`${API_PREFIX}/`)) return undefined
  const rest = rawPath.slice(API_PREFIX.length)
  for (const { method, route, pattern, names } of ROUTES) {
    const m = pattern.exec(rest)
    if (!m) continue
    const path = new Map<string, string>()
    for (let i = 0; i < names.length; i++) {
      const value = decodeSegment(m[i + 1] as string)
      if (value === undefined) return undefined
      path.set(names[i] as string, value)
    }
    const call: ApiCall = { method, args: route.args.map((a) => argument(a, path, query)) }
    if (!route.args.some((a) => a.from === 'search')) {
      const allowed = new Set(route.args.flatMap((a) => (a.from === 'query' ? [a.name] : [])))
      for (const name of query.keys())
        if (!allowed.has(name)) return { ...call, unknownParam: name }
    }
    return call
  }
  return undefined
}
