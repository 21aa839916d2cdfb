// The one error policy. Every failure a person may be told about is a UserFacingError with a
// stable code; everything else is an internal error, logged where it happened and shown as the
// catalogue's generic message. IPC (main), HTTP (server/api.ts) and the CLI all reduce errors
// with `toPublicError`, so the same failure reads the same over each of them; only the code's
// translation to the transport differs (HTTP status, CLI exit code). No zod here: the sandboxed
// preload imports this module (through ipc-result.ts).
import { ERROR_MESSAGES } from './error-messages'
import { isErrorCode } from './error-codes'
import type { ErrorCode } from './error-codes'

/**
 * An error whose message is written for people (English, specific: the file, the id, what to
 * do) and may be shown as it is. Subclasses name the failure and fix its code. The property is
 * `errorCode`, not `code`: Node's system errors carry `code` (ENOENT, ENOSPC), which the node
 * layer reads from whatever it catches; the wire form (PublicError) calls it `code`.
 */
export abstract class UserFacingError extends Error {
  abstract readonly errorCode: ErrorCode
}

/**
 * A user-facing error rebuilt from data (it crossed IPC, HTTP or a worker): the code, name and
 * message it was sent with.
 */
export class RemoteError extends UserFacingError {
  constructor(
    readonly errorCode: ErrorCode,
    name: string,
    message: string,
  ) {
    super(message)
    this.name = name
  }
}

/** What any transport may say about a failure. */
export interface PublicError {
  code: ErrorCode
  /** The error class's name (kept for callers that tell a cancel from a failure by it). */
  name: string
  /** English; the renderer adds the catalogue's summary in its own language (error-messages.ts). */
  message: string
}

export const INTERNAL_ERROR: PublicError = {
  code: 'internal',
  name: 'InternalError',
  message: ERROR_MESSAGES.en.internal,
}

/** `message` with paths inside `roots` made relative to them, and the roots themselves as `.`. */
export function hideRoots(message: string, roots: readonly string[]): string {
  let out = message
  for (const root of roots) {
    if (!root) continue
    const trimmed = root.replace(/[\\/]+$/, '')
    out = out.split(`${trimmed}/`).join('').split(`${trimmed}\\`).join('')
    out = out.split(trimmed).join('.')
  }
  return out
}

export interface PublicErrorOptions {
  /** Folders whose absolute paths are cut out of messages (they say nothing to a remote caller). */
  hiddenRoots?: readonly string[]
}

/** Reduces any thrown value to what a caller may see; unexpected errors become INTERNAL_ERROR. */
export function toPublicError(e: unknown, options: PublicErrorOptions = {}): PublicError {
  if (!(e instanceof UserFacingError) || !isErrorCode(e.errorCode) || e.errorCode === 'internal')
    return INTERNAL_ERROR
  return {
    code: e.errorCode,
    name: e.name,
    message: hideRoots(e.message, options.hiddenRoots ?? []),
  }
}

/**
 * A thrown value as data, to cross a worker boundary. Unlike PublicError it keeps an internal
 * error's own message and stack: the receiving side logs them (and still shows only
 * INTERNAL_ERROR, because errorFromData does not make it a UserFacingError).
 */
export interface ErrorData {
  code: ErrorCode
  name: string
  message: string
  stack?: string
}

export function errorToData(e: unknown): ErrorData {
  const err = e instanceof Error ? e : new Error(String(e))
  const code =
    err instanceof UserFacingError && isErrorCode(err.errorCode) ? err.errorCode : 'internal'
  return { code, name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) }
}

/** The error `errorToData` described: a RemoteError with its code, or a plain internal Error. */
export function errorFromData(data: ErrorData): Error {
  if (data.code !== 'internal' && isErrorCode(data.code))
    return new RemoteError(data.code, data.name, data.message)
  const err = new Error(data.message)
  err.name = data.name
  if (data.stack) err.stack = data.stack
  return err
}

/** The HTTP status of each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-arguments': 400,
  'not-found': 404,
  'query-syntax': 400,
  'query-too-broad': 400,
  busy: 503,
  'archive-busy': 409,
  // The archive on disk is damaged: the server's fault, not the request's.
  'bad-data': 500,
  cancelled: 409,
  refused: 409,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
}

/** The CLI's exit code: 2 for a bad command line, 1 for everything else that failed. */
export function exitCodeOf(code: ErrorCode): 1 | 2 {
  return code === 'invalid-arguments' ? 2 : 1
}
