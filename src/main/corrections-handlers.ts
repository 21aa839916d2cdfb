// The body of every corrections IPC handler (the edit mode), without Electron: the guard of
// ipc-handler.ts (sender first), then the verb's arguments validated against
// corrections-contract.ts, then the editor. Calls run one at a time: an edit is judged against
// the corrections in force, and a second edit judged before the first is stored would be judged
// against the wrong page (and, in the profile's overlay, would write the first one away).
import { isCorrectionsMethod, parseCorrectionsArguments } from '../shared/corrections-contract'
import type { CorrectionsApi } from '../shared/corrections-contract'
import type { IpcResult } from '../shared/ipc-result'
import { guardedCall, UnknownMethodError } from './ipc-handler'
import type { GuardOptions } from './ipc-handler'

export interface CorrectionsHandlerOptions extends GuardOptions {
  /** The editor, once the archives are open (corrections-host.ts). */
  editor: () => Promise<CorrectionsApi>
}

export type CorrectionsCallHandler = (
  method: string,
  frameUrl: string | undefined,
  args: unknown[],
) => Promise<IpcResult<unknown>>

export function createCorrectionsHandler(
  options: CorrectionsHandlerOptions,
): CorrectionsCallHandler {
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run)
    queue = next.catch(() => {})
    return next
  }
  return (method, frameUrl, args) =>
    guardedCall(options, `corrections.${String(method)}`, frameUrl, 'correct the archive', () => {
      // Checked before any lookup by name: `constructor` or `__proto__` must not reach one.
      if (!isCorrectionsMethod(method))
        throw new UnknownMethodError('This is not something the edit mode can do.')
      const parsed = parseCorrectionsArguments(method, args) as unknown[]
      return serial(async () => {
        const editor = await options.editor()
        const fn = editor[method] as (...a: unknown[]) => Promise<unknown>
        return fn.apply(editor, parsed)
      })
    })
}
