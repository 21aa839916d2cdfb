// The HTTP form of the corrections verbs, derived from correctionsContract's routes and shared by
// the reading-room server and the renderer's HTTP client. A GET carries its arguments as path
// segments; a POST carries the argument tuple as its JSON body. Nothing is validated here: the
// server runs the result through the contract's schemas.
import { CORRECTIONS_METHODS, correctionsContract } from './corrections-contract'
import type { CorrectionsApi, CorrectionsMethod } from './corrections-contract'
import { API_PREFIX } from './http'

export interface CorrectionsRequest {
  method: 'GET' | 'POST'
  path: string
  body?: string
}

/** The request that performs `method` with `args`. */
export function correctionsRequest<M extends CorrectionsMethod>(
  method: M,
  ...args: Parameters<CorrectionsApi[M]>
): CorrectionsRequest {
  const route = correctionsContract[method].route
  const values = [...(args as unknown[])]
  if (route.method === 'POST')
    return { method: 'POST', path: `${API_PREFIX}${route.path}`, body: JSON.stringify(values) }
  const path = route.path.replace(/:\w+/g, () => encodeURIComponent(String(values.shift() ?? '')))
  return { method: 'GET', path: `${API_PREFIX}${path}` }
}

export interface CorrectionsCall {
  method: CorrectionsMethod
  /** Unvalidated; for a POST, whatever the body parsed to. */
  args: unknown
}

/** Whether the path is under the corrections routes (so a read-only server can refuse it). */
export function isCorrectionsPath(rawPath: string): boolean {
  return rawPath.startsWith(`${API_PREFIX}/corrections/`)
}

/**
 * The verb a request names, with its arguments, or undefined when it names none. `body` is the
 * POST body's text; a body that is not JSON is handed on as itself for the schema to refuse.
 */
export function resolveCorrectionsCall(
  httpMethod: string,
  rawPath: string,
  body: string,
): CorrectionsCall | undefined {
  if (!isCorrectionsPath(rawPath)) return undefined
  const rest = rawPath.slice(API_PREFIX.length)
  for (const method of CORRECTIONS_METHODS) {
    const route = correctionsContract[method].route
    if (route.method !== httpMethod) continue
    const names: string[] = []
    const source = route.path.replace(/:\w+/g, () => {
      names.push('x')
      return '([^/]+)'
    })
    const m = new RegExp(`^${source}$`).exec(rest)
    if (!m) continue
    if (route.method === 'GET') {
      try {
        return { method, args: m.slice(1).map((s) => decodeURIComponent(s)) }
      } catch {
        return undefined
      }
    }
    let args: unknown = body
    try {
      args = JSON.parse(body)
    } catch {
      // Not JSON: the schema says what was expected.
    }
    return { method, args }
  }
  return undefined
}
