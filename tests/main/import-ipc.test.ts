// The in-app import from main's side, without Electron: the controller (picks, one job at a time,
// plan → commit, cancel, remove) over real worker threads and over an in-thread stand-in that
// lets a test cancel between two files; the IPC handlers (sender check, argument schemas, clean
// errors) with fake events; the binding to a fake ipcMain and dialog; the preload's bridge.
import { EventEmitter } from 'node:events'
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress } from '../../src/shared/archive/import-report'
import { IMPORT_PROGRESS_EVENT, importChannels } from '../../src/shared/ipc-channels'
import type { ImportPlanned } from '../../src/shared/import-contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { RemoteError } from '../../src/shared/errors'
import { ArchiveService } from '../../src/node/archive-service'
import { CompositeArchive } from '../../src/node/library/composite-archive'
import { verifyArchive } from '../../src/node/verify'
import { ImportController } from '../../src/main/import-controller'
import type { ImportControllerOptions, WorkerLike } from '../../src/main/import-controller'
import { createImportHandler } from '../../src/main/import-handlers'
import { registerImportHandlers } from '../../src/main/import-ipc'
import { runImportWorker } from '../../src/main/import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerData,
  ImportWorkerMessage,
} from '../../src/main/import-worker-protocol'
import { createImportBridge } from '../../src/preload/import-bridge'
import type { IpcLike } from '../../src/preload/bridge'
import { importClient } from '../../src/renderer/import/import-api'
import { FIXTURES, ROOT, SEEDS, tempDir } from '../helpers'
import { ipcHandlers } from '../support/fake-ipc-main'
import { snapshot } from '../support/snapshot'

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

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

/** The worker as the app runs it, but from source (tsx registers itself inside the thread). */
function realWorker(data: ImportWorkerData): WorkerLike {
  const entry = pathToFileURL(join(ROOT, 'src/main/import-worker.ts')).href
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: data }) as unknown as WorkerLike
}

/**
 * The worker body in this thread, its messages delivered at once: progress reaches the test
 * while the job runs, so a cancel can land between two files, as it does across threads.
 */
function inThreadWorker(data: ImportWorkerData): WorkerLike {
  const toMain = new EventEmitter()
  const toWorker = new EventEmitter()
  setImmediate(() =>
    runImportWorker(data, {
      postMessage: (m: ImportWorkerMessage) => toMain.emit('message', m),
      on: (_e: 'message', l: (m: ImportWorkerCommand) => void) => toWorker.on('message', l),
      close: () => setImmediate(() => toMain.emit('exit', 0)),
    }),
  )
  return {
    postMessage: (c) => setImmediate(() => toWorker.emit('message', c)),
    on: (e: string, l: (...a: unknown[]) => void) => toMain.on(e, l),
    terminate: () => {},
  } as WorkerLike
}

interface Setup {
  libraryDir: string
  batch: string
  controller: ImportController
  composite: CompositeArchive
  progress: ImportProgress[]
  changed: number
}

function setup(
  startWorker: ImportControllerOptions['startWorker'],
  extra: Partial<ImportControllerOptions> = {},
): Setup {
  const t = tempDir()
  cleanups.push(t.cleanup)
  mkdirSync(join(t.dir, 'index'))
  const bundledIndex = join(t.dir, 'index', 'bundled.bin')
  const bundled = ArchiveService.open({ archiveDir: SEEDS, indexPath: bundledIndex })
  const composite = new CompositeArchive([{ kind: 'bundled', api: bundled }])
  const libraryDir = join(t.dir, 'userData', 'library')
  const batch = join(t.dir, 'picked', 'batch')
  cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
  const s: Setup = {
    libraryDir,
    batch,
    composite,
    progress: [],
    changed: 0,
    controller: undefined as unknown as ImportController,
  }
  s.controller = new ImportController({
    libraryDir,
    other: () => ({ label: 'the bundled archive', dir: SEEDS, indexPaths: [bundledIndex] }),
    startWorker,
    onProgress: (p) => s.progress.push(p),
    onChanged: async () => {
      s.changed++
      composite.setPart(
        'user',
        existsSync(join(libraryDir, 'catalog.json'))
          ? ArchiveService.open({ archiveDir: libraryDir })
          : undefined,
      )
    },
    userIssues: async () => (await composite.part('user')?.listIssues())?.map((i) => i.id) ?? [],
    isBundledIssue: async (id) => (await composite.ownerOf(id)) === 'bundled',
    ...extra,
  })
  return s
}

describe('ImportController with real worker threads', () => {
  it('picks, plans, refuses an unconfirmed commit, imports, and the library is searchable at once', async () => {
    const s = setup(realWorker)
    const selection = s.controller.select('folder', [s.batch])!
    expect(selection).toMatchObject({ kind: 'folder', label: 'batch', files: 6 })
    expect(JSON.stringify(selection)).not.toContain('/')
    const planned = await s.controller.plan(selection.id, [])
    expect(planned.report).toMatchObject({ ok: true, needsConfirmation: true })
    expect(s.progress.some((p) => p.phase === 'validate')).toBe(true)
    await expect(s.controller.commit(planned.planId, false)).rejects.toThrow(/confirm it/)
    // The refused commit kept the plan: confirmed, it goes through.
    const outcome = await s.controller.commit(planned.planId, true)
    expect(outcome.issues.map((i) => i.id).sort()).toEqual([
      'beibei-2024-05-07',
      'jiangbei-2024-05-06',
      'shapingba-2024-05-09',
      'yuzhong-2024-05-08',
    ])
    expect(outcome.index).toBe('extended')
    expect(s.changed).toBe(1)
    expect(verifyArchive(s.libraryDir).ok).toBe(true)
    expect((await s.composite.search({ q: '沙坪坝' })).total).toBeGreaterThan(0)
    expect((await s.controller.userIssues()).length).toBe(4)
    // The plan is used up.
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/out of date/)

    // Remove: only the library's issues.
    await expect(s.controller.removeIssue('jiangbei-2023-07-13')).rejects.toThrow(
      /comes with the app/,
    )
    await expect(s.controller.removeIssue('nanan-2020-01-01')).rejects.toThrow(
      /not in your library/,
    )
    const removed = await s.controller.removeIssue('shapingba-2024-05-09')
    expect(removed).toMatchObject({ issueId: 'shapingba-2024-05-09', pages: 2 })
    expect(s.changed).toBe(2)
    expect(await s.controller.userIssues()).not.toContain('shapingba-2024-05-09')
    expect((await s.composite.search({ q: '沙坪坝报' })).hits.map((h) => h.paper)).not.toContain(
      'shapingba',
    )
  }, 60_000)

  it('refuses a report with errors, and a plan while another runs', async () => {
    const s = setup(realWorker)
    cpSync(join(FIXTURES, 'encodings', 'broken.txt'), join(s.batch, 'jiangbei-2024-05-10-p1.txt'))
    const selection = s.controller.select('folder', [s.batch])!
    const first = s.controller.plan(selection.id, [])
    await expect(s.controller.plan(selection.id, [])).rejects.toThrow(/already running/)
    const planned = await first
    expect(planned.report.ok).toBe(false)
    const broken = planned.report.files.find((f) => f.file === 'batch/jiangbei-2024-05-10-p1.txt')
    expect(broken?.problems[0]?.code).toBe('decode')
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/1 error\(s\)/)
    expect(existsSync(s.libraryDir)).toBe(false)
    await expect(s.controller.plan('no-such-pick', [])).rejects.toThrow(/pick them again/)
    expect(s.controller.select('files', [])).toBeNull()
  }, 60_000)
})

describe('ImportController: cancel', () => {
  it('cancels a plan between two files', async () => {
    let s: Setup
    s = setup(inThreadWorker, {
      onProgress: (p) => {
        s.progress.push(p)
        if (p.phase === 'validate' && p.done === 0) s.controller.cancel()
      },
    })
    const selection = s.controller.select('folder', [s.batch])!
    const err = await s.controller.plan(selection.id, []).catch((e: Error) => e)
    expect(err).toMatchObject({ name: 'ImportCancelled' })
    expect(existsSync(s.libraryDir)).toBe(false)
    // A new plan after a cancel is not cancelled by the old flag.
    s = setup(inThreadWorker)
    const again = s.controller.select('folder', [s.batch])!
    expect((await s.controller.plan(again.id, [])).report.ok).toBe(true)
  })

  it('cancels a commit before its commit point: the library stays as it was', async () => {
    let armed = false
    const s: Setup = setup(inThreadWorker, {
      onProgress: (p) => {
        if (armed && p.phase === 'copy') s.controller.cancel()
      },
    })
    // A first import creates the library; the second is cancelled while it copies pages.
    const first = s.controller.select('files', [
      join(s.batch, 'spb-1.txt'),
      join(s.batch, 'spb-2.txt'),
    ])!
    const p1 = await s.controller.plan(first.id, [])
    await s.controller.commit(p1.planId, true)
    const before = snapshot(s.libraryDir)
    const rest = s.controller.select('files', [
      join(s.batch, 'jiangbei-2024-05-06-p1.txt'),
      join(s.batch, 'jiangbei-2024-05-06-p2.txt'),
    ])!
    const p2 = await s.controller.plan(rest.id, [])
    expect(p2.report.ok).toBe(true)
    armed = true
    const err = await s.controller.commit(p2.planId, true).catch((e: Error) => e)
    expect(err).toMatchObject({ name: 'ImportCancelled' })
    expect(snapshot(s.libraryDir)).toEqual(before)
    expect(verifyArchive(s.libraryDir).ok).toBe(true)
    expect(s.changed).toBe(1)
  })

  it('drops a plan that waits for its commit', async () => {
    const s = setup(inThreadWorker)
    const selection = s.controller.select('folder', [s.batch])!
    const planned = await s.controller.plan(selection.id, [])
    s.controller.cancel()
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/out of date/)
  })
})

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
    const spy = new Proxy(s.controller, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          reached.push(String(name))
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
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
