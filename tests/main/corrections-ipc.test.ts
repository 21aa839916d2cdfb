// The edit mode in the desktop app, from main's side without Electron: the corrections IPC
// handlers (sender first, arguments against the contract, one call at a time, clean errors)
// over the app's own editor (corrections-host.ts) — a bundled issue corrected in the profile's
// overlay (the archive folder never changes; the overlay exports as a corrections.json the CLI
// imports), a library issue corrected in the library itself through its transaction — the
// binding to a fake ipcMain, and the preload's bridge with the renderer's client over it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { correctionsChannels } from '../../src/shared/ipc-channels'
import type { CorrectionsApi } from '../../src/shared/corrections-contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { RemoteError } from '../../src/shared/errors'
import type { IndexStatus } from '../../src/shared/types'
import { ArchiveService } from '../../src/node/archive-service'
import { commitLibraryImport, planLibraryImport } from '../../src/node/library/import-job'
import { verifyArchive } from '../../src/node/verify'
import { archiveSources } from '../../src/main/archive-host'
import type { IndexJob } from '../../src/main/archive-host'
import { appCorrectionsEditor } from '../../src/main/corrections-host'
import { createCorrectionsHandler } from '../../src/main/corrections-handlers'
import { registerCorrectionsHandlers } from '../../src/main/corrections-ipc'
import { LibraryHost } from '../../src/main/library-host'
import { createCorrectionsBridge } from '../../src/preload/corrections-bridge'
import type { IpcLike } from '../../src/preload/bridge'
import { correctionsIpcClient } from '../../src/renderer/corrections/corrections-api'
import { FIXTURES, notIndex, SEEDS, tempDir } from '../helpers'
import { runCli } from '../support/cli'
import { ipcHandlers } from '../support/fake-ipc-main'
import { snapshot } from '../support/snapshot'

vi.mock('electron', async () => ({
  ipcMain: (await import('../support/fake-ipc-main')).fakeIpcMain,
}))

const APP = 'app://reader/index.html'
const trusted = (url: string | undefined) => url?.split('#')[0] === APP
const X = 'xinyu-2022-07-15'
const A4 = `${X}/p1/a4`
const FIND = '遴选及资助'
const FIXED = '遴选和资助'
const LIB_ISSUE = 'jiangbei-2024-05-06'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

/** As the index worker does in the app, in this thread (the overlay included). */
const buildHere = async (job: IndexJob, onProgress: (s: IndexStatus) => void) => {
  ArchiveService.open({
    archiveDir: job.dir,
    indexPath: job.indexPath,
    onProgress,
    ...(job.overlay ? { overlay: job.overlay } : {}),
  })
}

/** The app's archives as main opens them: a bundled copy of the seeds, a library in userData. */
function app(opts: { library?: boolean } = {}) {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const bundledDir = join(t.dir, 'bundled')
  cpSync(SEEDS, bundledDir, {
    recursive: true,
    filter: notIndex,
  })
  const userData = join(t.dir, 'userData')
  mkdirSync(userData)
  const [bundled, user] = archiveSources({ bundledDir, packaged: true, userDataDir: userData })
  if (opts.library) {
    const batch = join(t.dir, 'batch')
    cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
    commitLibraryImport(
      planLibraryImport({
        libraryDir: user!.dir,
        other: { label: 'the bundled archive', dir: bundledDir, indexPaths: [bundled!.indexPath] },
        inputs: [batch],
        overrides: [],
        today: '2026-11-21',
      }),
    )
  }
  const logs: string[] = []
  const host = new LibraryHost({
    bundled: bundled!,
    user: user!,
    buildIndex: buildHere,
    log: (m) => logs.push(m),
  })
  const editor = appCorrectionsEditor(host, { bundled: bundled!, user: user! })
  const handle = createCorrectionsHandler({
    editor: async () => {
      await host.ready()
      return editor
    },
    isTrustedSender: trusted,
    hiddenRoots: () => [t.dir],
    log: (m) => logs.push(m),
  })
  return { dir: t.dir, bundledDir, userData, user: user!, bundled: bundled!, host, handle, logs }
}

const ok = <T>(r: IpcResult<T>): T => {
  if (!r.ok) throw new Error(`${r.error.name}: ${r.error.message}`)
  return r.value
}

describe('the corrections IPC handler', () => {
  it('refuses a foreign sender before anything runs, and arguments the contract refuses', async () => {
    let asked = 0
    const handle = createCorrectionsHandler({
      editor: async () => {
        asked++
        throw new Error('not reached')
      },
      isTrustedSender: trusted,
    })
    const edit = { kind: 'merge', articleId: A4 }
    for (const url of [undefined, 'https://evil.example/', 'file:///app/index.html'])
      expect(await handle('applyEdit', url, [edit])).toMatchObject({
        ok: false,
        error: { code: 'forbidden', name: 'ForbiddenSenderError' },
      })
    expect(
      await handle('applyEdit', APP, [{ kind: 'merge', articleId: '../../etc' }]),
    ).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(await handle('applyEdit', APP, [{ ...edit, extra: 1 }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    })
    expect(await handle('removeCorrection', APP, [X, 'bad id!'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    })
    for (const name of ['constructor', '__proto__', 'toString'])
      expect(await handle(name, APP, [])).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      })
    expect(asked).toBe(0)
  })

  it('corrects a bundled issue in the profile’s overlay; the archive folder never changes', async () => {
    const a = app()
    const before = snapshot(a.bundledDir)
    expect(ok(await a.handle('editTarget', APP, [X]))).toEqual({
      editable: true,
      target: 'overlay',
      overlay: { entries: 0 },
    })
    const request = { kind: 'fix-text', articleId: A4, find: FIND, replace: FIXED }
    const preview = ok(await a.handle('previewEdit', APP, [request])) as { fix: unknown }
    expect(preview.fix).toMatchObject({ original: FIND, replacement: FIXED })
    const applied = ok(await a.handle('applyEdit', APP, [request])) as {
      target: string
      entry: { id: string }
    }
    expect(applied).toMatchObject({ target: 'overlay', entries: 1 })
    // The reader and the search see it at once, from an index kept in the profile.
    const c = await a.host.ready()
    expect((await c.getArticle(A4)).text).toContain(FIXED)
    expect((await c.search({ q: FIXED })).hits.map((h) => h.articleId)).toEqual([A4])
    expect(existsSync(join(a.userData, 'corrections', 'bundled.json'))).toBe(true)
    expect(existsSync(join(a.userData, 'index', 'bundled-corrected.bin'))).toBe(true)
    expect(snapshot(a.bundledDir)).toEqual(before)

    // Exported, it is a corrections.json a librarian imports with the CLI.
    const out = ok(await a.handle('exportCorrections', APP, [])) as {
      json: string
      entries: number
    }
    expect(out.entries).toBe(1)
    const file = join(a.dir, 'corrections.json')
    writeFileSync(file, out.json)
    const other = join(a.dir, 'other')
    cpSync(a.bundledDir, other, { recursive: true })
    const imported = runCli(other, ['corrections', 'import', file])
    expect(imported.code, imported.err).toBe(0)
    expect(runCli(other, ['--json', 'article', A4]).out).toContain(FIXED)

    // Undo takes it out of the overlay; the archive's own index answers again.
    expect(ok(await a.handle('removeCorrection', APP, [X, applied.entry.id]))).toEqual({
      removed: applied.entry.id,
      entries: 0,
    })
    expect((await (await a.host.ready()).getArticle(A4)).text).not.toContain(FIXED)
    expect(snapshot(a.bundledDir)).toEqual(before)
  })

  it('corrects a library issue in the library itself, through its transaction', async () => {
    const a = app({ library: true })
    const c = await a.host.ready()
    const first = (await c.getIssue(LIB_ISSUE)).pages[0]!.articles[0]!
    const type = first.type === 'notice' ? 'ad' : 'notice'
    expect(ok(await a.handle('editTarget', APP, [LIB_ISSUE]))).toEqual({
      editable: true,
      target: 'library',
    })
    const applied = ok(
      await a.handle('applyEdit', APP, [{ kind: 'retype', articleId: first.id, type }]),
    )
    expect(applied).toMatchObject({ target: 'library', entries: 1 })
    expect((await (await a.host.ready()).getArticle(first.id)).type).toBe(type)
    const catalog = JSON.parse(readFileSync(join(a.user.dir, 'catalog.json'), 'utf8')) as {
      corrections?: string
    }
    expect(catalog.corrections).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(join(a.user.dir, 'archive.log'), 'utf8')).toContain('app edit retype')
    expect(verifyArchive(a.user.dir)).toMatchObject({ ok: true, errors: [] })
    // Nothing went into the overlay.
    expect(existsSync(join(a.userData, 'corrections', 'bundled.json'))).toBe(false)
    // An edit that would not apply is refused with its reason, and nothing is stored.
    expect(
      await a.handle('applyEdit', APP, [{ kind: 'retype', articleId: first.id, type }]),
    ).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(await a.handle('editTarget', APP, ['nosuch-2020-01-01'])).toMatchObject({
      ok: true,
      value: { editable: false },
    })
  })

  it('makes two edits sent at once one after the other: neither is lost', async () => {
    const a = app()
    const [one, two] = await Promise.all([
      a.handle('applyEdit', APP, [{ kind: 'fix-text', articleId: A4, find: FIND, replace: FIXED }]),
      a.handle('applyEdit', APP, [{ kind: 'retype', articleId: A4, type: 'notice' }]),
    ])
    expect(ok(one!)).toMatchObject({ entries: 1 })
    expect(ok(two!)).toMatchObject({ entries: 2 })
    const saved = JSON.parse(
      readFileSync(join(a.userData, 'corrections', 'bundled.json'), 'utf8'),
    ) as { entries: unknown[] }
    expect(saved.entries).toHaveLength(2)
    const article = await (await a.host.ready()).getArticle(A4)
    expect(article).toMatchObject({ type: 'notice' })
    expect(article.text).toContain(FIXED)
  })

  it('registers exactly the corrections channels, each checking its sender', async () => {
    const a = app()
    ipcHandlers.clear()
    const off = registerCorrectionsHandlers({
      editor: async () => appCorrectionsEditor(a.host, { bundled: a.bundled, user: a.user }),
      isTrustedSender: trusted,
    })
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(correctionsChannels).sort())
    const target = ipcHandlers.get(correctionsChannels.editTarget)!
    expect(await target({ senderFrame: null }, X)).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    expect(await target({ senderFrame: { url: APP } }, X)).toMatchObject({
      ok: true,
      value: { editable: true, target: 'overlay' },
    })
    off()
    expect(ipcHandlers.size).toBe(0)
  })
})

describe('createCorrectionsBridge (window.archiveCorrections)', () => {
  it('calls each verb on its channel; the renderer’s client rebuilds errors with their codes', async () => {
    const a = app()
    const invoked: string[] = []
    const ipc: IpcLike = {
      // What main answers, through the handler: the renderer's frame is the app's.
      invoke: async (channel, ...args) => {
        invoked.push(channel)
        const method = Object.entries(correctionsChannels).find(([, c]) => c === channel)![0]
        return structuredClone(await a.handle(method, APP, args))
      },
      on: () => {},
      removeListener: () => {},
      send: () => {},
    }
    const bridge = createCorrectionsBridge(ipc)
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(correctionsChannels).sort())
    const client: CorrectionsApi = correctionsIpcClient(bridge)
    expect(await client.editTarget(X)).toMatchObject({ editable: true, target: 'overlay' })
    const preview = await client.previewEdit({ kind: 'merge', articleId: A4 })
    expect(preview.entry.kind).toBe('merge')
    const failed = await client
      .previewEdit({ kind: 'fix-text', articleId: A4, find: '不存在的字', replace: 'x' })
      .catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(RemoteError)
    expect((failed as RemoteError).errorCode).toBe('refused')
    expect(invoked).toEqual([
      correctionsChannels.editTarget,
      correctionsChannels.previewEdit,
      correctionsChannels.previewEdit,
    ])
    // Main gone: an answer, not a rejection.
    const gone = createCorrectionsBridge({ ...ipc, invoke: () => Promise.reject(new Error('x')) })
    expect(await gone.exportCorrections()).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(readdirSync(a.bundledDir).some((n) => n === 'corrections.json')).toBe(false)
  })
})
