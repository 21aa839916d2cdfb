// The object the preload exposes as `window.archiveImport` (Electron only): the import verbs and
// a progress subscription over a minimal slice of ipcRenderer, like bridge.ts. The renderer
// never sees ipcRenderer, channel names or IPC event objects.
import { IMPORT_PROGRESS_EVENT, importChannels } from '../shared/import-contract'
import type { ImportBridge, ImportMethod } from '../shared/import-contract'
import type { ImportProgress } from '../shared/archive/import-report'
import { unwrapResult } from '../shared/ipc-result'
import type { IpcResult } from '../shared/ipc-result'
import type { IpcLike } from './bridge'

export function createImportBridge(ipc: IpcLike): ImportBridge {
  const call =
    (method: ImportMethod) =>
    async (...args: unknown[]): Promise<never> =>
      unwrapResult((await ipc.invoke(importChannels[method], ...args)) as IpcResult<never>)
  return {
    pickFiles: call('pickFiles'),
    pickFolder: call('pickFolder'),
    plan: call('plan'),
    commit: call('commit'),
    cancel: call('cancel'),
    removeIssue: call('removeIssue'),
    userIssues: call('userIssues'),
    onProgress(listener: (progress: ImportProgress) => void) {
      // Only the payload is passed on: the IPC event would hand the page a way back to ipcRenderer.
      const wrapped = (_event: unknown, payload: unknown): void =>
        listener(payload as ImportProgress)
      ipc.on(IMPORT_PROGRESS_EVENT, wrapped)
      return () => {
        ipc.removeListener(IMPORT_PROGRESS_EVENT, wrapped)
      }
    },
  }
}
