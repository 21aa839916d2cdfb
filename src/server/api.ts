// The JSON API: a request is resolved to a contract call (src/shared/http.ts), its arguments are
// validated by the contract's schemas, and the archive answers. Failures are reduced by the error
// policy's toPublicError (src/shared/errors.ts): the code gives the status (HTTP_STATUS), busy
// adds Retry-After. Nothing here writes anything.
import { parseArguments } from '../shared/contract'
import type { ArchiveApi } from '../shared/contract'
import { HTTP_STATUS, toPublicError } from '../shared/errors'
import type { PublicError } from '../shared/errors'
import type { ApiErrorBody } from '../shared/http'
import { resolveApiCall } from '../shared/http'
import { PoolBusyError } from './search-pool'
import { SearchUnavailableError } from '../node/search-backend/backend'

export interface ApiAnswer {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** The answer that says `error`, with its status. */
export function errorAnswer(error: PublicError, headers?: Record<string, string>): ApiAnswer {
  const body: ApiErrorBody = { error: error.message, code: error.code, name: error.name }
  return { status: HTTP_STATUS[error.code], body, ...(headers ? { headers } : {}) }
}

export interface AnswerOptions {
  /** Unexpected failures; the client only learns that one happened. */
  log?: (message: string) => void
  /** Folders whose absolute paths are cut out of messages (the archive's). */
  hiddenRoots?: readonly string[]
}

/**
 * Answers an API path (raw, still percent-encoded) or returns undefined when the path is not
 * part of the API.
 */
export async function answerApi(
  api: ArchiveApi,
  rawPath: string,
  query: URLSearchParams,
  options: AnswerOptions = {},
): Promise<ApiAnswer | undefined> {
  const call = resolveApiCall(rawPath, query)
  if (!call) return undefined
  if (call.unknownParam !== undefined) {
    const name = JSON.stringify(call.unknownParam.slice(0, 40))
    return errorAnswer({
      code: 'invalid-arguments',
      name: 'InvalidArgumentsError',
      message: `invalid arguments for ${call.method}: unknown query parameter ${name}`,
    })
  }
  try {
    const args = parseArguments(call.method, call.args)
    const fn = api[call.method] as (...a: unknown[]) => Promise<unknown>
    return { status: 200, body: await fn.apply(api, args) }
  } catch (e) {
    const error = toPublicError(e, { hiddenRoots: options.hiddenRoots ?? [] })
    if (error.code === 'internal')
      options.log?.(`${call.method} failed: ${(e as Error)?.stack ?? String(e)}`)
    // A full search queue, or a cluster that is down or slow: the client may try again later.
    const after =
      e instanceof PoolBusyError || e instanceof SearchUnavailableError ? e.retryAfterS : undefined
    const retry = after !== undefined ? { 'Retry-After': String(after) } : undefined
    return errorAnswer(error, retry)
  }
}
