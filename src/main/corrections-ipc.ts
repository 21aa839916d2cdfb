// Binds the corrections verbs (the edit mode) to ipcMain, each through corrections-handlers.ts
// (sender, arguments, one call at a time, clean errors).
import { ipcMain } from 'electron'
import type { CorrectionsMethod } from '../shared/corrections-contract'
import { correctionsChannels } from '../shared/ipc-channels'
import { createCorrectionsHandler } from './corrections-handlers'
import type { CorrectionsHandlerOptions } from './corrections-handlers'

export function registerCorrectionsHandlers(options: CorrectionsHandlerOptions): () => void {
  const handle = createCorrectionsHandler(options)
  const registered: string[] = []
  for (const method of Object.keys(correctionsChannels) as CorrectionsMethod[]) {
    const channel = correctionsChannels[method]
    // senderFrame is null when the frame has navigated away or gone: such calls are refused.
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handle(method, event.senderFrame?.url, args),
    )
    registered.push(channel)
  }
  return () => registered.forEach((channel) => ipcMain.removeHandler(channel))
}
