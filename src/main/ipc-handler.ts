// The body of every archive IPC handler, without Electron: check the sender, validate the
// arguments against the contract, wait for the archive, call it, and turn any failure into a
// clean message. ipc.ts binds it to ipcMain; tests call it directly.
import { parseArguments } from '../shared/contract'
import type { ArchiveApi, ArchiveMethod } from '../shared/contract'
import type { IpcResult } from '../shared/ipc-result'
import type { IndexStatus } from '../shared/types'

/** Errors whose messages are written for people and may be shown as they are. */
const USER_FACING = new Set([
  'InvalidArgumentsError',
  'NotFoundError',
  'QuerySyntaxError',
  'ArchiveError',
  'CatalogError',
  'DecodeError',
  'ArchiveUnavailableError',
])

export class ForbiddenSenderError extends Error {
  override name = 'ForbiddenSenderError'
}

export interface HandlerOptions {
  /** The archive, once it is open (handlers wait while the index is built). */
  archive: () => Promise<ArchiveApi>
  /** Answers indexStatus at once, even while the index is still being built. */
  indexStatus?: () => IndexStatus
  /** Whether a call from a frame at this URL may be answered. */
  isTrustedSender: (frameUrl: string | undefined) => boolean
  /** Folders whose absolute paths are cut out of messages (they say nothing to the renderer). */
  hiddenRoots?: () => string[]
  log?: (message: string) => void
}

/** Reduces an error to what the renderer may see; unexpected errors become a generic message. */
export function publicError(
  e: unknown,
  hiddenRoots: string[] = [],
): { name: string; message: string } {
  const err = e instanceof Error ? e : new Error(String(e))
  if (!USER_FACING.has(err.name)) {
    return { name: 'InternalError', message: 'The archive could not answer (an internal error).' }
  }
  let message = err.message
  for (const root of hiddenRoots) {
    if (!root) continue
    const trimmed = root.replace(/[\\/]+$/, '')
    // Paths inside a root become relative to it; the root itself is not named.
    message = message.split(`${trimmed}/`).join('').split(`${trimmed}\\`).join('')
    message = message.split(trimmed).join('.')
  }
  return { name: err.name, message }
}

export type ArchiveCallHandler = <M extends ArchiveMethod>(
  method: M,
  frameUrl: string | undefined,
  args: unknown[],
) => Promise<IpcResult<Awaited<ReturnType<ArchiveApi[M]>>>>

export function createArchiveHandler(options: HandlerOptions): ArchiveCallHandler {
  const log = options.log ?? (() => {})
  return async (method, frameUrl, args) => {
    try {
      if (!options.isTrustedSender(frameUrl)) {
        log(`Refused ${method} from a frame that is not the app: ${frameUrl ?? '(gone)'}`)
        throw new ForbiddenSenderError('This page may not read the archive.')
      }
      const parsed = parseArguments(method, args)
      if (method === 'indexStatus' && options.indexStatus) {
        return {
          ok: true,
          value: options.indexStatus() as Awaited<ReturnType<ArchiveApi[typeof method]>>,
        }
      }
      const api = await options.archive()
      const fn = api[method] as (
        ...a: unknown[]
      ) => Promise<Awaited<ReturnType<ArchiveApi[typeof method]>>>
      const value = await fn.apply(api, parsed as unknown[])
      return { ok: true, value }
    } catch (e) {
      const error =
        e instanceof ForbiddenSenderError
          ? { name: e.name, message: e.message }
          : publicError(e, options.hiddenRoots?.() ?? [])
      if (error.name === 'InternalError')
        log(`${method} failed: ${(e as Error)?.stack ?? String(e)}`)
      return { ok: false, error }
    }
  }
}
