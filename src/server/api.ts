// The JSON API: a request is resolved to a contract call (src/shared/http.ts), its arguments are
// validated by the contract's schemas, and the archive answers. Nothing here writes anything.
import type { ArchiveApi } from '../shared/contract'
import { InvalidArgumentsError, parseArguments } from '../shared/contract'
import type { ApiErrorBody } from '../shared/http'
import { resolveApiCall } from '../shared/http'
import { NotFoundError } from '../node/archive-service'
import { PoolBusyError } from './search-pool'

export interface ApiAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

const error = (status: number, message: string): ApiAnswer => ({
  status,
  body: { error: message } satisfies ApiErrorBody,
})

/**
 * Answers an API path (raw, still percent-encoded) or returns undefined when the path is not
 * part of the API. `log` receives unexpected failures; the client only learns that one happened.
 */
export async function answerApi(
  api: ArchiveApi,
  rawPath: string,
  query: URLSearchParams,
  log: (message: string) => void = () => {},
): Promise<ApiAnswer | undefined> {
  const call = resolveApiCall(rawPath, query)
  if (!call) return undefined
  if (call.unknownParam !== undefined) {
    const name = JSON.stringify(call.unknownParam.slice(0, 40))
    return error(400, `invalid arguments for ${call.method}: unknown query parameter ${name}`)
  }
  try {
    const args = parseArguments(call.method, call.args)
    const fn = api[call.method] as (...a: unknown[]) => Promise<unknown>
    return { status: 200, body: await fn.apply(api, args) }
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return error(400, e.message)
    if (e instanceof NotFoundError) return error(404, e.message)
    if (e instanceof PoolBusyError) {
      return {
        ...error(503, 'the server is busy with other searches; try again in a moment'),
        headers: { 'Retry-After': String(e.retryAfterS) },
      }
    }
    log(`${call.method} failed: ${(e as Error).stack ?? String(e)}`)
    return error(500, 'the archive could not answer this request')
  }
}
