// What an IPC handler returns: a value, or an error reduced to the error policy's public form
// (errors.ts: code, name, message). Errors are sent as data rather than thrown, across IPC
// (Electron prefixes thrown messages with "Error invoking remote method …", drops the error's
// name and logs a stack trace in main) and again across contextBridge (which rebuilds a thrown
// error from its message alone: electron#25596). So the preload passes results on as they are,
// and the renderer's client rebuilds the error. No zod: the sandboxed preload imports this.
import { isErrorCode } from './error-codes'
import { RemoteError } from './errors'
import type { PublicError } from './errors'

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: PublicError }

/** An API whose async methods answer with IpcResult instead of resolving or rejecting. */
export type Wire<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<IpcResult<R>>
    : never
}

const PROTOCOL_ERROR = {
  ok: false,
  error: {
    code: 'internal',
    name: 'ProtocolError',
    message: 'unexpected reply from the main process',
  },
} as const

/**
 * `reply` when it has the IpcResult shape, else a ProtocolError result. The preload runs every
 * reply through this, so the page only ever sees the two shapes (and only plain strings in the
 * error).
 */
export function asIpcResult<T>(reply: unknown): IpcResult<T> {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) return PROTOCOL_ERROR
  const r = reply as { ok: unknown; value?: unknown; error?: unknown }
  if (r.ok === true) return { ok: true, value: r.value as T }
  const e = r.error as { code?: unknown; name?: unknown; message?: unknown } | undefined
  if (
    r.ok !== false ||
    !isErrorCode(e?.code) ||
    typeof e.name !== 'string' ||
    typeof e.message !== 'string'
  )
    return PROTOCOL_ERROR
  return { ok: false, error: { code: e.code, name: e.name, message: e.message } }
}

/** The value of a result, or its error thrown as a RemoteError with the original code and name. */
export function unwrapResult<T>(result: unknown): T {
  const r = asIpcResult<T>(result)
  if (r.ok) return r.value
  throw new RemoteError(r.error.code, r.error.name, r.error.message)
}
