// A stand-in for Electron's ipcMain, for tests that bind handlers without Electron:
//
//   vi.mock('electron', async () => ({
//     ipcMain: (await import('../support/fake-ipc-main')).fakeIpcMain,
//   }))
//
// Vitest gives each test file its own module instance, so `ipcHandlers` is per file.

export type IpcListener = (event: unknown, ...args: unknown[]) => unknown

/** The handlers bound to the fake, by channel. */
export const ipcHandlers = new Map<string, IpcListener>()

export const fakeIpcMain = {
  // As Electron does, a second handler for one channel is an error.
  handle: (channel: string, listener: IpcListener) => {
    if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
    ipcHandlers.set(channel, listener)
  },
  removeHandler: (channel: string) => ipcHandlers.delete(channel),
}
