// Binds the import verbs to ipcMain, each through import-handlers.ts (sender, arguments, clean
// errors), and answers picks with main's own open dialog.
import { BrowserWindow, dialog, ipcMain } from 'electron'
import type { OpenDialogOptions } from 'electron'
import { importChannels } from '../shared/ipc-channels'
import type { ImportMethod } from '../shared/import-contract'
import { createImportHandler } from './import-handlers'
import type { ImportHandlerOptions } from './import-handlers'

export function pickDialogOptions(kind: 'files' | 'folder', zh: boolean): OpenDialogOptions {
  return kind === 'folder'
    ? {
        title: zh ? '选择要导入的文件夹' : 'Choose a folder of issue pages to import',
        properties: ['openDirectory'],
      }
    : {
        title: zh ? '选择要导入的版面文件' : 'Choose page files to import',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: zh ? '版面文本 (.txt)' : 'Page texts (.txt)', extensions: ['txt'] }],
      }
}

export function registerImportHandlers(
  options: Omit<ImportHandlerOptions, 'pick'> & { zh: boolean },
): () => void {
  const registered: string[] = []
  for (const method of Object.keys(importChannels) as ImportMethod[]) {
    const channel = importChannels[method]
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const handle = createImportHandler({
        ...options,
        // The dialog is modal to the window that asked.
        pick: async (kind) => {
          const win = BrowserWindow.fromWebContents(event.sender)
          const o = pickDialogOptions(kind, options.zh)
          const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o)
          return r.canceled ? [] : r.filePaths
        },
      })
      return handle(method, event.senderFrame?.url, args)
    })
    registered.push(channel)
  }
  return () => registered.forEach((channel) => ipcMain.removeHandler(channel))
}
