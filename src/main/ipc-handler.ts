// The body of every archive IPC handler, without Electron: check the sender, validate the
// arguments against the contract, wait for the archive, call it, and reduce any failure with the
// error policy's toPublicError (src/shared/errors.ts). ipc.ts binds it to ipcMain; tests call it
// directly.
import { isArchiveMethod, parseArguments } from '../shared/contract'
import type { ArchiveApi, ArchiveMethod, VerbResult } from '../shared/contract'
import { toPublicError, UserFacingError } from '../shared/errors'
import type { IpcResult } from '../shared/ipc-result'
import type { IndexStatus } from '../shared/types'

export class ForbiddenSenderError extends UserFacingError {
  override name = 'ForbiddenSenderError'
  readonly errorCode = 'forbidden'
}

/** A method name that is not part of the contract (ipc.ts only binds contract channels). */
export class UnknownMethodError extends UserFacingError {
  override name = 'UnknownMethodError'
  readonly errorCode = 'invalid-arguments'
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

export type ArchiveCallHandler = <M extends ArchiveMethod>(
  method: M,
  frameUrl: string | undefined,
  args: unknown[],
) => Promise<IpcResult<VerbResult<M>>>

export function createArchiveHandler(options: HandlerOptions): ArchiveCallHandler {
  return <M extends ArchiveMethod>(method: M, frameUrl: string | undefined, args: unknown[]) =>
    guardedCall(
      options,
      String(method),
      frameUrl,
      'read the archive',
      (): Promise<VerbResult<M>> => {
        // Checked before the schema lookup: `constructor` or `__proto__` must not reach it.
        if (!isArchiveMethod(method))
          throw new UnknownMethodError('This is not something the archive can do.')
        const parsed = parseArguments(method, args) as unknown[]
        if (method === 'indexStatus' && options.indexStatus)
          return Promise.resolve(options.indexStatus() as VerbResult<M>)
        return options.archive().then((api) => {
          const fn = api[method] as (...a: unknown[]) => Promise<VerbResult<M>>
          return fn.apply(api, parsed)
        })
      },
    )
}

/** What a guarded call needs: who may call, and what its messages must not name. */
export type GuardOptions = Pick<HandlerOptions, 'isTrustedSender' | 'hiddenRoots' | 'log'>

/**
 * The guard of every IPC verb (archive and import): the sender is checked before anything
 * runs, and any failure is reduced by toPublicError; internal ones are logged here with their
 * stack. `what` completes "This page may not …".
 */
export async function guardedCall<T>(
  options: GuardOptions,
  name: string,
  frameUrl: string | undefined,
  what: string,
  run: () => Promise<T> | T,
): Promise<IpcResult<T>> {
  const log = options.log ?? (() => {})
  try {
    if (!options.isTrustedSender(frameUrl)) {
      log(
        `Refused ${name.slice(0, 64)} from a frame that is not the app: ${(frameUrl ?? '(gone)').slice(0, 200)}`,
      )
      throw new ForbiddenSenderError(`This page may not ${what}.`)
    }
    return { ok: true, value: await run() }
  } catch (e) {
    const error = toPublicError(e, { hiddenRoots: options.hiddenRoots?.() ?? [] })
    if (error.code === 'internal')
      log(`${name.slice(0, 64)} failed: ${(e as Error)?.stack ?? String(e)}`)
    return { ok: false, error }
  }
}
