// What an IPC handler returns: a value, or an error reduced to a name and a message. Errors are
// sent as data rather than thrown across IPC, because Electron prefixes thrown messages with
// "Error invoking remote method …", drops the error's name and logs a stack trace in main.
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { name: string; message: string } }

/** An error that crossed IPC, rebuilt in the renderer with its original name. */
export class RemoteError extends Error {
  constructor(name: string, message: string) {
    super(message)
    this.name = name
  }
}

export function unwrapResult<T>(result: IpcResult<T>): T {
  if (result && typeof result === 'object' && 'ok' in result) {
    if (result.ok) return result.value
    throw new RemoteError(result.error.name, result.error.message)
  }
  throw new RemoteError('ProtocolError', 'unexpected reply from the main process')
}
