import { describe, expect, it } from 'vitest'
import {
  channels,
  INDEX_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  NAVIGATE_EVENT,
} from '../../src/shared/contract'
import { RemoteError } from '../../src/shared/ipc-result'
import { createBridge } from '../../src/preload/bridge'
import type { IpcLike } from '../../src/preload/bridge'

type Listener = (event: unknown, ...args: unknown[]) => void

function fakeIpc(reply: (channel: string, args: unknown[]) => unknown) {
  const invoked: [string, unknown[]][] = []
  const listeners = new Map<string, Set<Listener>>()
  const ipc: IpcLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args])
      return reply(channel, args)
    },
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
  }
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer!' }, payload))
  return { ipc, invoked, listeners, emit }
}

describe('createBridge (window.archive)', () => {
  it('calls each method on its contract channel and unwraps the value', async () => {
    const { ipc, invoked } = fakeIpc((channel) => ({ ok: true, value: channel }))
    const bridge = createBridge(ipc)
    expect(await bridge.listIssues()).toBe(channels.listIssues)
    await bridge.getIssue('x')
    await bridge.getPageSource('x', 2)
    await bridge.search({ q: '中国', limit: 3 })
    await bridge.articleMatches('x/1/0', '中国')
    await bridge.indexStatus()
    expect(invoked).toEqual([
      [channels.listIssues, []],
      [channels.getIssue, ['x']],
      [channels.getPageSource, ['x', 2]],
      [channels.search, [{ q: '中国', limit: 3 }]],
      [channels.articleMatches, ['x/1/0', '中国']],
      [channels.indexStatus, []],
    ])
  })

  it('rethrows errors with their name and message only', async () => {
    const { ipc } = fakeIpc(() => ({
      ok: false,
      error: { name: 'NotFoundError', message: 'no issue "x"' },
    }))
    const err = await createBridge(ipc)
      .getIssue('x')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RemoteError)
    expect(err).toMatchObject({ name: 'NotFoundError', message: 'no issue "x"' })
    const { ipc: broken } = fakeIpc(() => undefined)
    await expect(createBridge(broken).listIssues()).rejects.toMatchObject({ name: 'ProtocolError' })
  })

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc(() => undefined)
    const bridge = createBridge(ipc)
    const got: unknown[][] = []
    const offs = [
      bridge.onIndexProgress((...a) => got.push(a)),
      bridge.onMenuCommand((...a) => got.push(a)),
      bridge.onNavigate((...a) => got.push(a)),
    ]
    const status = { state: 'building', progress: 0.5, articles: 0, issues: 5 }
    emit(INDEX_PROGRESS_EVENT, status)
    emit(MENU_COMMAND_EVENT, 'toggle-split')
    emit(NAVIGATE_EVENT, '#/search?q=x')
    expect(got).toEqual([[status], ['toggle-split'], ['#/search?q=x']])
    offs.forEach((off) => off())
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true)
    emit(NAVIGATE_EVENT, '#/')
    expect(got).toHaveLength(3)
  })

  it('exposes only the contract verbs and subscriptions', () => {
    const bridge = createBridge(fakeIpc(() => undefined).ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(channels), 'onIndexProgress', 'onMenuCommand', 'onNavigate'].sort(),
    )
    for (const v of Object.values(bridge)) expect(typeof v).toBe('function')
  })
})
