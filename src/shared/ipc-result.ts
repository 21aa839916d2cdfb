// What an IPC handler returns: a value, or an error reduced to a name and a message. Errors are
// sent as data rather than thrown, across IPC (Electron prefixes thrown messages with "Error
// invoking remote method …", drops the error's name and logs a stack trace in main) and again
// across contextBridge (which rebuilds a thrown error from its message alone: electron#25596).
// So the preload passes results on as they are, and the renderer's client rebuilds the error.
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { name: string; message: string } }

/** An API whose async methods answer with IpcResult instead of resolving or rejecting. */
export type Wire<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<IpcResult<R>>
    : never
}

/** An error that crossed IPC, rebuilt in the renderer with its original name. */
export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message)
    this.name = name
  }
}

const PROTOCOL_ERROR = {
  ok: false,
  error: { name: 'ProtocolError', message: 'unexpected reply from the main process' },
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
  const e = r.error as { name?: unknown; message?: unknown } | undefined
  if (r.ok !== false || typeof e?.name !== 'string' || typeof e.message !== 'string')
    return PROTOCOL_ERROR
  return { ok: false, error: { name: e.name, message: e.message } }
}

/** The value of a result, or its error thrown as a RemoteError with the original name. */
export function unwrapResult<T>(result: unknown): T {
  const r = asIpcResult<T>(result)
  if (r.ok) return r.value
  throw new RemoteError(r.error.name, r.error.message)
}
