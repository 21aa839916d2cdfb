// The object the preload exposes as `window.archiveImport` (Electron only): the import verbs and
// a progress subscription over a minimal slice of ipcRenderer, like bridge.ts (results, never
// rejections; payloads, never IPC events).
import type { ImportProgress } from '../shared/archive/import-report'
import type { ImportBridge, ImportWireBridge } from '../shared/import-contract'
import { IMPORT_PROGRESS_EVENT, importChannels } from '../shared/ipc-channels'
import { subscription, wireVerbs } from './bridge'
import type { IpcLike } from './bridge'

export function createImportBridge(ipc: IpcLike): ImportWireBridge {
  return {
    ...wireVerbs<Omit<ImportBridge, 'onProgress'>>(ipc, importChannels),
    onProgress: subscription<ImportProgress>(ipc, IMPORT_PROGRESS_EVENT),
  }
}
