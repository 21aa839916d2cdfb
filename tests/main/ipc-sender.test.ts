// Calls over IPC that must be refused before their arguments are looked at: method names
// outside the contract, and frames that are not the app (ForbiddenSenderError); and ipc.ts's
// binding to ipcMain, driven through a fake ipcMain with fake events. Nothing refused reaches the
// archive, and its folder is byte-identical afterwards (tests/support/ipc-harness.ts).
import { describe, expect, it, vi } from 'vitest'
import { channels } from '../../src/shared/ipc-channels'
import { registerArchiveHandlers } from '../../src/main/ipc'
import { APP_PAGE_URL } from '../../src/main/app-protocol'
import { isAppPageUrl } from '../../src/main/security-policy'
import { ipcHandlers } from '../support/fake-ipc-main'
import { APP, APP_URL, MB, useIpcHarness, VALID } from '../support/ipc-harness'

vi.mock('electron', async () => ({
  ipcMain: (await import('../support/fake-ipc-main')).fakeIpcMain,
}))

const h = useIpcHarness()

describe('method names outside the contract', () => {
  it('are refused by name, before any schema or archive is consulted', async () => {
    h.reached.length = 0
    const names = [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'open',
      'removeIssue',
      'importBatch',
      'exportArchive',
      'dir',
      '',
      'LISTISSUES',
      'archive:list-issues',
      MB,
    ]
    for (const name of names) {
      const error = await h.refused(name, [])
      expect(error.name, name.slice(0, 20)).toBe('UnknownMethodError')
    }
    expect(h.reached).toEqual([])
  })
})

describe('calls from frames that are not the app', () => {
  const foreign = [
    undefined,
    '',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>archive.listIssues()</script>',
    'blob:file:///0f1e2d3c',
    'https://evil.example/',
    'http://127.0.0.1:8765/',
    'http://localhost:5173/',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/page.html',
    'javascript:void 0',
    'file:///tmp/evil.html',
    // The built page is app://reader: its file:// twin is someone else's page.
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
    'app://evil/index.html',
    'blob:app://reader/0f1e2d3c',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/other.html',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html.evil',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/INDEX.html',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/sub/index.html',
    'file://evil.example/opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
    `data:text/html,${'x'.repeat(100_000)}`,
  ]
  it('are refused with ForbiddenSenderError, even with valid arguments, and logged briefly', async () => {
    h.reached.length = 0
    h.logs.length = 0
    for (const url of foreign) {
      for (const [method, args] of Object.entries(VALID)) {
        const error = await h.refused(method, args, url)
        expect(error).toEqual({
          code: 'forbidden',
          name: 'ForbiddenSenderError',
          message: 'This page may not read the archive.',
        })
      }
    }
    expect(h.reached).toEqual([])
    expect(h.logs).toHaveLength(foreign.length * Object.keys(VALID).length)
    for (const line of h.logs) expect(line.length).toBeLessThan(400)
  })

  it('the app page itself, with any route, is answered', async () => {
    for (const url of [APP_PAGE_URL, `${APP_PAGE_URL}#/search?q=x`]) {
      expect((await h.handle('listIssues', url, [])).ok).toBe(true)
    }
  })
})

describe('ipc.ts: the binding to ipcMain', () => {
  it('registers exactly the contract channels and checks each event’s sender frame', async () => {
    ipcHandlers.clear()
    h.reached.length = 0
    const off = registerArchiveHandlers({
      archive: async () => h.service,
      isTrustedSender: (url) => isAppPageUrl(url, APP),
    })
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(channels).sort())
    const listen = ipcHandlers.get(channels.listIssues)!
    const event = (url: string | undefined) => ({
      senderFrame: url === undefined ? null : { url },
      sender: { id: 1 },
    })
    // A frame that navigated away or was destroyed has no senderFrame: refused.
    expect(await listen(event(undefined))).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    // A subframe (an iframe in the app's window) is judged by its own URL.
    expect(await listen(event('https://evil.example/frame.html'))).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    expect(await listen(event(APP_URL))).toMatchObject({ ok: true })
    const search = ipcHandlers.get(channels.search)!
    expect(await search(event(APP_URL), { q: MB })).toMatchObject({
      ok: false,
      error: { name: 'InvalidArgumentsError' },
    })
    // Channels outside the contract have no handler at all (Electron rejects such invokes).
    for (const channel of ['archive:remove-issue', 'archive:import', 'archive:exec', 'x'])
      expect(ipcHandlers.has(channel)).toBe(false)
    off()
    expect(ipcHandlers.size).toBe(0)
  })
})

describe('side effects', () => {
  it('the archive folder is byte-identical afterwards: no file written, no index rewrite', () => {
    h.expectUntouched()
  })
})
