// The object the preload exposes as `window.archive`: the archive verbs and three event
// subscriptions, built over a minimal slice of ipcRenderer so it can be tested without Electron.
// The renderer never sees ipcRenderer, channel names or IPC event objects.
import {
  channels,
  INDEX_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  NAVIGATE_EVENT,
} from '../shared/contract'
import type { ArchiveBridge, ArchiveMethod, MenuCommand } from '../shared/contract'
import { unwrapResult } from '../shared/ipc-result'
import type { IpcResult } from '../shared/ipc-result'
import type { IndexStatus } from '../shared/types'

export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export function createBridge(ipc: IpcLike): ArchiveBridge {
  const call =
    <M extends ArchiveMethod>(method: M) =>
    async (...args: unknown[]): Promise<never> =>
      unwrapResult((await ipc.invoke(channels[method], ...args)) as IpcResult<never>)

  const subscribe =
    <T>(channel: string) =>
    (listener: (payload: T) => void): (() => void) => {
      // Only the payload is passed on: the IPC event would hand the page a way back to ipcRenderer.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as T)
      ipc.on(channel, wrapped)
      return () => {
        ipc.removeListener(channel, wrapped)
      }
    }

  return {
    listIssues: call('listIssues'),
    getIssue: call('getIssue'),
    getArticle: call('getArticle'),
    getPageSource: call('getPageSource'),
    search: call('search'),
    articleMatches: call('articleMatches'),
    indexStatus: call('indexStatus'),
    onIndexProgress: subscribe<IndexStatus>(INDEX_PROGRESS_EVENT),
    onMenuCommand: subscribe<MenuCommand>(MENU_COMMAND_EVENT),
    onNavigate: subscribe<string>(NAVIGATE_EVENT),
  }
}
