// The body of every import IPC handler, without Electron: the guard of ipc-handler.ts (sender
// first), then the verb's arguments validated against import-contract.ts, then the controller.
// Picking opens main's own dialog; the renderer never hands main a path.
import { isImportMethod, parseImportArguments } from '../shared/import-contract'
import type { ImportBridge, ImportMethod } from '../shared/import-contract'
import type { IpcResult } from '../shared/ipc-result'
import type { ImportController } from './import-controller'
import { guardedCall, UnknownMethodError } from './ipc-handler'
import type { GuardOptions } from './ipc-handler'

export interface ImportHandlerOptions extends GuardOptions {
  controller: ImportController
  /** Main's open dialog: the paths picked, or none when cancelled. */
  pick: (kind: 'files' | 'folder') => Promise<string[]>
}

export type ImportCallHandler = (
  method: string,
  frameUrl: string | undefined,
  args: unknown[],
) => Promise<IpcResult<unknown>>

type Verbs = { [M in ImportMethod]: (...args: Parameters<ImportBridge[M]>) => unknown }

export function createImportHandler(options: ImportHandlerOptions): ImportCallHandler {
  const c = options.controller
  const verbs: Verbs = {
    pickFiles: async () => c.select('files', await options.pick('files')),
    pickFolder: async () => c.select('folder', await options.pick('folder')),
    plan: (selectionId, overrides) => c.plan(selectionId, overrides),
    commit: (planId, confirmed) => c.commit(planId, confirmed),
    cancel: () => c.cancel(),
    removeIssue: (issueId) => c.removeIssue(issueId),
    userIssues: () => c.userIssues(),
  }
  return (method, frameUrl, args) =>
    guardedCall(options, `import.${String(method)}`, frameUrl, 'change the archive', () => {
      // Checked before any lookup by name: `constructor` or `__proto__` must not reach one.
      if (!isImportMethod(method))
        throw new UnknownMethodError('This is not something the import can do.')
      const parsed = parseImportArguments(method, args) as unknown[]
      return (verbs[method] as (...a: unknown[]) => unknown)(...parsed)
    })
}
