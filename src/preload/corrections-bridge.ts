// The object the preload exposes as `window.archiveCorrections` (Electron only): the edit mode's
// verbs over a minimal slice of ipcRenderer, like bridge.ts (results, never rejections), built by
// iterating the channel table. Main validates every argument.
import type { CorrectionsApi, CorrectionsWireBridge } from '../shared/corrections-contract'
import { correctionsChannels } from '../shared/ipc-channels'
import { wireVerbs } from './bridge'
import type { IpcLike } from './bridge'

export function createCorrectionsBridge(ipc: IpcLike): CorrectionsWireBridge {
  return wireVerbs<CorrectionsApi>(ipc, correctionsChannels)
}
