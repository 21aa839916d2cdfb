// The object the preload exposes as `window.archive`: the archive verbs and three event
// subscriptions, built over a minimal slice of ipcRenderer so it can be tested without Electron.
// The renderer never sees ipcRenderer, channel names or IPC event objects. Verbs answer with an
// IpcResult and never reject: contextBridge would turn a rejection into a plain Error with the
// message only, and the renderer's client (renderer/api.ts) rebuilds the typed error instead.
// The verbs are built by iterating the channel table (never written out by hand), typed by the
// contract's declaration. Only type imports from the contract: its zod schemas stay out of the
// preload (main validates).
import type { ArchiveApi, ArchiveBridge, MenuCommand } from '../shared/contract'
import {
  channels,
  INDEX_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  NAVIGATE_EVENT,
  NAVIGATE_READY,
} from '../shared/ipc-channels'
import { asIpcResult } from '../shared/ipc-result'
import type { IpcResult, Wire } from '../shared/ipc-result'
import type { IndexStatus } from '../shared/types'

export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  send(channel: string, ...args: unknown[]): void
}

/** One verb: invoke its channel and pass the result on, never throwing. */
export function wireCall<R>(ipc: IpcLike, channel: string) {
  return async (...args: unknown[]): Promise<IpcResult<R>> => {
    try {
      return asIpcResult<R>(await ipc.invoke(channel, ...args))
    } catch {
      // invoke itself failed (no handler, main gone): main's message would name the channel.
      return {
        ok: false,
        error: {
          code: 'internal',
          name: 'ProtocolError',
          message: 'the main process did not answer',
        },
      }
    }
  }
}

/** The verb `method` of `Api` over its channel in `table`, typed as that verb's wire form. */
export function wireVerb<Api, M extends keyof Api & string>(
  ipc: IpcLike,
  table: Record<keyof Api, string>,
  method: M,
): Wire<Api>[M] {
  return wireCall(ipc, table[method]) as Wire<Api>[M]
}

/** Every verb of a channel table (archive or import): one wireCall per entry. */
export function wireVerbs<Api>(ipc: IpcLike, table: Record<keyof Api & string, string>): Wire<Api> {
  const verbs: Record<string, unknown> = {}
  for (const method of Object.keys(table))
    verbs[method] = wireCall(ipc, table[method as keyof Api & string])
  return verbs as Wire<Api>
}

/** A subscription that passes on the payload only: the IPC event leads back to ipcRenderer. */
export function subscription<T>(ipc: IpcLike, channel: string, onFirst?: () => void) {
  let first = true
  return (listener: (payload: T) => void): (() => void) => {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload as T)
    ipc.on(channel, wrapped)
    if (first && onFirst) onFirst()
    first = false
    return () => {
      ipc.removeListener(channel, wrapped)
    }
  }
}

export function createBridge(ipc: IpcLike): ArchiveBridge {
  return {
    ...wireVerbs<ArchiveApi>(ipc, channels),
    onIndexProgress: subscription<IndexStatus>(ipc, INDEX_PROGRESS_EVENT),
    onMenuCommand: subscription<MenuCommand>(ipc, MENU_COMMAND_EVENT),
    // The page listens now: main may send the deep links it held back (index.ts).
    onNavigate: subscription<string>(ipc, NAVIGATE_EVENT, () => ipc.send(NAVIGATE_READY)),
  }
}
