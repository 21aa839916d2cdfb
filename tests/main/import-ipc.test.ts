// The in-app import's IPC from main's side, without Electron: the handlers (sender check,
// argument schemas, clean errors) with fake events, over the controller with its in-thread
// worker (tests/support/import-controller-setup.ts); the binding to a fake ipcMain and dialog;
// the preload's bridge. The controller itself is in import-controller.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IMPORT_PROGRESS_EVENT, importChannels } from '../../src/shared/ipc-channels'
import type { ImportPlanned } from '../../src/shared/import-contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { RemoteError } from '../../src/shared/errors'
import type { ImportController } from '../../src/main/import-controller'
import { createImportHandler } from '../../src/main/import-handlers'
import { registerImportHandlers } from '../../src/main/import-ipc'
import { createImportBridge } from '../../src/preload/import-bridge'
import type { IpcLike } from '../../src/preload/bridge'
import { importClient } from '../../src/renderer/import/import-api'
import { ipcHandlers } from '../support/fake-ipc-main'
import { inThreadWorker, setup } from '../support/import-controller-setup'
import type { Setup } from '../support/import-controller-setup'
import { recordingProxy } from '../support/recording-proxy'

const dialogAnswers: { canceled: boolean; filePaths: string[] }[] = []
vi.mock('electron', async () => ({
  ipcMain: (await import('../support/fake-ipc-main')).fakeIpcMain,
  BrowserWindow: { fromWebContents: () => null },
  dialog: {
    showOpenDialog: async () => dialogAnswers.shift() ?? { canceled: true, filePaths: [] },
  },
}))

const APP = 'file:///app/out/renderer/index.html'
const trusted = (url: string | undefined) => url?.split('#')[0] === APP

describe('import IPC handlers', () => {
  let s: Setup
  let reached: string[]
  let logs: string[]
  const picks: string[][] = []
  let handle: ReturnType<typeof createImportHandler>

  beforeEach(() => {
    s = setup(inThreadWorker)
    reached = []
    logs = []
    // Every call that reaches the controller is recorded: refused calls must not.
    const spy = recordingProxy(s.controller, reached)
    handle = createImportHandler({
      controller: spy,
      pick: async () => picks.shift() ?? [],
      isTrustedSender: trusted,
      hiddenRoots: () => [s.libraryDir],
      log: (m) => logs.push(m),
    })
  })

  it('answers the app page: pick → plan → commit', async () => {
    picks.push([s.batch])
    const picked = await handle('pickFolder', APP, [])
    expect(picked).toMatchObject({ ok: true, value: { kind: 'folder', files: 6 } })
    const id = picked.ok ? (picked.value as { id: string }).id : ''
    const planned = (await handle('plan', `${APP}#/`, [id, []])) as IpcResult<ImportPlanned>
    expect(planned.ok).toBe(true)
    const planId = planned.ok ? planned.value.planId : ''
    const done = await handle('commit', APP, [planId, true])
    expect(done).toMatchObject({ ok: true, value: { pages: 6 } })
    expect(await handle('userIssues', APP, [])).toMatchObject({ ok: true })
    // A cancelled dialog is null, not an error.
    expect(await handle('pickFiles', APP, [])).toEqual({ ok: true, value: null })
  })

  it('refuses other frames before anything runs', async () => {
    for (const url of [undefined, 'https://evil.example/', 'file:///tmp/other.html']) {
      expect(await handle('removeIssue', url, ['jiangbei-2023-07-13'])).toMatchObject({
        ok: false,
        error: { name: 'ForbiddenSenderError' },
      })
    }
    expect(reached).toEqual([])
    expect(logs.length).toBe(3)
  })

  it('validates every argument: no paths, no unknown keys, no unknown verbs', async () => {
    const bad: [string, unknown[]][] = [
      ['plan', ['/etc', []]],
      ['plan', ['../x', []]],
      ['plan', ['abc', [{ file: 'a.txt', path: '/etc/passwd' }]]],
      ['plan', ['abc', [{ file: 'a.txt', date: '2023-02-30' }]]],
      ['plan', ['abc', [{ file: 'a.txt', paper: 'Not A Slug' }]]],
      ['plan', ['abc', [{ file: 'a.txt', page: 0 }]]],
      ['plan', ['abc', Array.from({ length: 10_001 }, () => ({ file: 'a' }))]],
      ['plan', ['abc']],
      ['commit', ['abc', 'yes']],
      ['removeIssue', ['../../catalog']],
      ['removeIssue', ['x'.repeat(1024 * 1024)]],
      ['pickFiles', ['/home']],
    ]
    for (const [method, args] of bad) {
      const r = await handle(method, APP, args)
      expect(r, `${method} ${JSON.stringify(args).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { name: 'InvalidArgumentsError' },
      })
      if (!r.ok) expect(r.error.message.length).toBeLessThan(400)
    }
    for (const method of ['__proto__', 'constructor', 'select', 'dispose', 'exec'])
      expect(await handle(method, APP, [])).toMatchObject({
        ok: false,
        error: { name: 'UnknownMethodError' },
      })
    expect(reached).toEqual([])
  })

  it('passes refusals on by name, hides paths and internal errors', async () => {
    const r = await handle('commit', APP, ['abc', true])
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', name: 'ImportError' } })
    const crash = createImportHandler({
      controller: {
        userIssues: () => {
          throw new TypeError(`boom in ${s.libraryDir}`)
        },
      } as unknown as ImportController,
      pick: async () => [],
      isTrustedSender: trusted,
      log: () => {},
    })
    expect(await crash('userIssues', APP, [])).toEqual({
      ok: false,
      error: {
        code: 'internal',
        name: 'InternalError',
        message: 'The archive could not answer (an internal error).',
      },
    })
  })
})

describe('import-ipc.ts: the binding to ipcMain and the dialog', () => {
  it('registers exactly the import channels; picks come from main’s dialog', async () => {
    const s = setup(inThreadWorker)
    ipcHandlers.clear()
    const off = registerImportHandlers({
      controller: s.controller,
      isTrustedSender: trusted,
      zh: true,
    })
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(importChannels).sort())
    const event = (url: string | undefined) => ({
      senderFrame: url === undefined ? null : { url },
      sender: { id: 1 },
    })
    const pickFolder = ipcHandlers.get(importChannels.pickFolder)!
    expect(await pickFolder(event(undefined))).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    dialogAnswers.push({ canceled: false, filePaths: [s.batch] })
    expect(await pickFolder(event(APP))).toMatchObject({ ok: true, value: { files: 6 } })
    dialogAnswers.push({ canceled: true, filePaths: ['/ignored'] })
    expect(await pickFolder(event(APP))).toEqual({ ok: true, value: null })
    off()
    expect(ipcHandlers.size).toBe(0)
  })
})

describe('createImportBridge (window.archiveImport)', () => {
  it('calls each verb on its channel, passes results on as data (errors with their names, for the renderer to rebuild), and only progress payloads', async () => {
    const invoked: [string, unknown[]][] = []
    const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>()
    const ipc: IpcLike = {
      invoke: async (channel, ...args) => {
        invoked.push([channel, args])
        return channel === importChannels.removeIssue
          ? { ok: false, error: { code: 'refused', name: 'ImportError', message: 'no' } }
          : { ok: true, value: channel }
      },
      on: (channel, l) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l)),
      removeListener: (channel, l) => listeners.get(channel)?.delete(l),
      send: () => {},
    }
    const bridge = createImportBridge(ipc)
    expect(await bridge.pickFiles()).toEqual({ ok: true, value: importChannels.pickFiles })
    await bridge.pickFolder()
    await bridge.plan('sel', [{ file: 'a.txt', date: '2024-01-01' }])
    await bridge.commit('plan', true)
    await bridge.cancel()
    await bridge.userIssues()
    // Resolved, not rejected: a rejection would cross contextBridge as a plain Error.
    expect(await bridge.removeIssue('x')).toEqual({
      ok: false,
      error: { code: 'refused', name: 'ImportError', message: 'no' },
    })
    // The renderer's client rebuilds it with its name.
    const err = await importClient(bridge)
      .removeIssue('x')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RemoteError)
    expect(err).toMatchObject({ errorCode: 'refused', name: 'ImportError', message: 'no' })
    expect(invoked.map(([c]) => c)).toEqual([
      importChannels.pickFiles,
      importChannels.pickFolder,
      importChannels.plan,
      importChannels.commit,
      importChannels.cancel,
      importChannels.userIssues,
      importChannels.removeIssue,
      importChannels.removeIssue,
    ])
    const got: unknown[][] = []
    const off = bridge.onProgress((...a) => got.push(a))
    listeners
      .get(IMPORT_PROGRESS_EVENT)
      ?.forEach((l) => l({ sender: 'ipcRenderer!' }, { phase: 'copy' }))
    expect(got).toEqual([[{ phase: 'copy' }]])
    off()
    expect(listeners.get(IMPORT_PROGRESS_EVENT)?.size).toBe(0)
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(importChannels), 'onProgress'].sort(),
    )
  })
})
