// The body of every archive IPC handler, without Electron: check the sender, validate the
// arguments against the contract, wait for the archive, call it, and turn any failure into a
// clean message. ipc.ts binds it to ipcMain; tests call it directly.
import { isArchiveMethod, parseArguments } from '../shared/contract'
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
  'UnknownMethodError',
  // The in-app import (import-handlers.ts): refusals, a cancel, a bad metadata file.
  'ImportError',
  'ImportCancelled',
  'MetadataFileError',
])

export class ForbiddenSenderError extends Error {
  override name = 'ForbiddenSenderError'
}

/** A method name that is not part of the contract (ipc.ts only binds contract channels). */
export class UnknownMethodError extends Error {
  override name = 'UnknownMethodError'
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
        log(
          `Refused ${String(method).slice(0, 64)} from a frame that is not the app: ${(frameUrl ?? '(gone)').slice(0, 200)}`,
        )
        throw new ForbiddenSenderError('This page may not read the archive.')
      }
      // Checked before the schema lookup: `constructor` or `__proto__` must not reach it.
      if (typeof method !== 'string' || !isArchiveMethod(method))
        throw new UnknownMethodError('This is not something the archive can do.')
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

/** What a guarded call needs: who may call, and what its messages must not name. */
export type GuardOptions = Pick<HandlerOptions, 'isTrustedSender' | 'hiddenRoots' | 'log'>

/**
 * The same guard for IPC verbs outside the archive contract (the in-app import, whose handlers
 * validate their own arguments in `run`): the sender is checked before anything runs, and any
 * failure is reduced to what the renderer may see.
 */
export async function guardedCall<T>(
  options: GuardOptions,
  name: string,
  frameUrl: string | undefined,
  run: () => Promise<T> | T,
): Promise<IpcResult<T>> {
  const log = options.log ?? (() => {})
  try {
    if (!options.isTrustedSender(frameUrl)) {
      log(
        `Refused ${name.slice(0, 64)} from a frame that is not the app: ${(frameUrl ?? '(gone)').slice(0, 200)}`,
      )
      throw new ForbiddenSenderError('This page may not change the archive.')
    }
    return { ok: true, value: await run() }
  } catch (e) {
    const error =
      e instanceof ForbiddenSenderError
        ? { name: e.name, message: e.message }
        : publicError(e, options.hiddenRoots?.() ?? [])
    if (error.name === 'InternalError') log(`${name} failed: ${(e as Error)?.stack ?? String(e)}`)
    return { ok: false, error }
  }
}
