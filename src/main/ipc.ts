// Binds the archive contract to ipcMain: one handler per channel, each going through the checks
// of ipc-handler.ts (sender, arguments, clean errors).
import { ipcMain } from 'electron'
import { isArchiveMethod } from '../shared/contract'
import { channels } from '../shared/ipc-channels'
import { createArchiveHandler } from './ipc-handler'
import type { HandlerOptions } from './ipc-handler'

export function registerArchiveHandlers(options: HandlerOptions): () => void {
  const handle = createArchiveHandler(options)
  const registered: string[] = []
  for (const method of Object.keys(channels)) {
    if (!isArchiveMethod(method)) continue
    const channel = channels[method]
    // senderFrame is null when the frame has navigated away or gone: such calls are refused.
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handle(method, event.senderFrame?.url, args),
    )
    registered.push(channel)
  }
  return () => registered.forEach((channel) => ipcMain.removeHandler(channel))
}
