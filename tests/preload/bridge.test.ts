// The preload's window.archive over a fake ipcRenderer, and the renderer's client over it: what
// crosses contextBridge is data (results, payloads), never a rejection or an IPC event, and the
// renderer rebuilds errors with their names. Electron's own contextBridge is not run here (it
// copies plain objects and functions; a rejected Error keeps its message only, electron#25596).
import { describe, expect, it } from 'vitest'
import {
  channels,
  INDEX_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  NAVIGATE_EVENT,
  NAVIGATE_READY,
} from '../../src/shared/ipc-channels'
import { asIpcResult } from '../../src/shared/ipc-result'
import { RemoteError } from '../../src/shared/errors'
import { createBridge } from '../../src/preload/bridge'
import type { IpcLike } from '../../src/preload/bridge'
import { electronApi } from '../../src/renderer/app/api'

type Listener = (event: unknown, ...args: unknown[]) => void

function fakeIpc(reply: (channel: string, args: unknown[]) => unknown) {
  const invoked: [string, unknown[]][] = []
  const sent: string[] = []
  const listeners = new Map<string, Set<Listener>>()
  const ipc: IpcLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args])
      return reply(channel, args)
    },
    on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
    removeListener: (channel, l) => listeners.get(channel)?.delete(l),
    send: (channel) => void sent.push(channel),
  }
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'ipcRenderer!' }, payload))
  return { ipc, invoked, sent, listeners, emit }
}

/** What structured cloning keeps of a value: own data, no functions, no prototypes. */
const cloned = (v: unknown): unknown => structuredClone(v)

describe('createBridge (window.archive)', () => {
  it('calls each method on its contract channel and answers with the result as data', async () => {
    const { ipc, invoked } = fakeIpc((channel) => ({ ok: true, value: channel }))
    const bridge = createBridge(ipc)
    expect(await bridge.listIssues()).toEqual({ ok: true, value: channels.listIssues })
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

  it('never rejects: errors are {ok:false,error:{code,name,message}} plain data, which survives cloning', async () => {
    const { ipc } = fakeIpc(() => ({
      ok: false,
      error: {
        code: 'cancelled',
        name: 'ImportCancelled',
        message: 'cancelled',
        stack: 'main.js:1',
        extra: 1,
      },
    }))
    const result = await createBridge(ipc).getIssue('x')
    expect(result).toEqual({
      ok: false,
      error: { code: 'cancelled', name: 'ImportCancelled', message: 'cancelled' },
    })
    expect(cloned(result)).toEqual(result)

    // A reply of the wrong shape, or an invoke that throws, is a ProtocolError result.
    for (const reply of [
      undefined,
      null,
      'x',
      { ok: 'yes' },
      { ok: false },
      { ok: false, error: { name: 1 } },
      // Without a code of the error policy, or with one it does not know.
      { ok: false, error: { name: 'NotFoundError', message: 'x' } },
      { ok: false, error: { code: 'oops', name: 'NotFoundError', message: 'x' } },
    ]) {
      const r = await createBridge(fakeIpc(() => reply).ipc).listIssues()
      expect(r).toMatchObject({ ok: false, error: { name: 'ProtocolError' } })
    }
    const throwing = fakeIpc(() => {
      throw new Error("Error invoking remote method 'archive:list-issues': no handler")
    })
    expect(await createBridge(throwing.ipc).listIssues()).toEqual({
      ok: false,
      error: {
        code: 'internal',
        name: 'ProtocolError',
        message: 'the main process did not answer',
      },
    })
  })

  it('the renderer client rebuilds the typed error from the result, after cloning', async () => {
    const { ipc } = fakeIpc(() => ({
      ok: false,
      error: { code: 'not-found', name: 'NotFoundError', message: 'no issue "x"' },
    }))
    const bridge = createBridge(ipc)
    // What the page gets through contextBridge: the functions, answering with cloned data.
    const page = Object.fromEntries(
      Object.entries(bridge).map(([k, f]) => [
        k,
        (...a: unknown[]) =>
          Promise.resolve((f as (...x: unknown[]) => unknown)(...a)).then(cloned),
      ]),
    ) as unknown as typeof bridge
    const err = await electronApi(page)
      .getIssue('x')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RemoteError)
    expect(err).toMatchObject({
      errorCode: 'not-found',
      name: 'NotFoundError',
      message: 'no issue "x"',
    })
    // A value passes as it came, once it is what the verb declares (result-schemas.ts).
    const issues = [
      { id: 'x', paper: 'p', paperName: 'P', date: '2023-07-13', dateSource: 'printed', pages: [] },
    ]
    const ok = createBridge(fakeIpc(() => ({ ok: true, value: issues })).ipc)
    expect(await electronApi(ok).listIssues()).toEqual(issues)
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

  it('tells main once, after the first deep-link listener is attached, that links may come', () => {
    const { ipc, sent, listeners } = fakeIpc(() => undefined)
    const bridge = createBridge(ipc)
    expect(sent).toEqual([])
    const off = bridge.onNavigate(() => {})
    // The listener is in place before main is told (main then sends what it held).
    expect(listeners.get(NAVIGATE_EVENT)?.size).toBe(1)
    expect(sent).toEqual([NAVIGATE_READY])
    off()
    bridge.onNavigate(() => {})
    expect(sent).toEqual([NAVIGATE_READY])
  })

  it('exposes only the contract verbs and subscriptions', () => {
    const bridge = createBridge(fakeIpc(() => undefined).ipc)
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(channels), 'onIndexProgress', 'onMenuCommand', 'onNavigate'].sort(),
    )
    for (const v of Object.values(bridge)) expect(typeof v).toBe('function')
  })
})

describe('asIpcResult', () => {
  it('keeps only code, name and message of an error', () => {
    expect(
      asIpcResult({ ok: false, error: { code: 'bad-data', name: 'A', message: 'b', path: '/x' } }),
    ).toEqual({ ok: false, error: { code: 'bad-data', name: 'A', message: 'b' } })
  })
})
