// Packaging smoke test, development layout: the built main bundle (out/, from the Vitest global
// setup) in a scratch copy of the project — out/ and seeds/ only, no node_modules — loaded with
// a STAND-IN for the `electron` module (tests/packaging/electron-stand-in). It tests our wiring,
// not Electron: IPC handlers registered before the window loads, the sandboxed preload is one
// CommonJS file needing only `electron`, app://reader serves the shipped page with its CSP and
// nothing outside it, a foreign sender is refused, deep links wait for the page, the index
// worker builds the index and the import worker checks a pick. The packaged layout (extracted
// from app.asar) is run by tests/packaging/dir.test.ts; Electron itself by `npm run test:e2e`.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security-policy'
import { ROOT } from '../helpers'
import { ALL_CHANNELS, runSmoke } from './smoke-run'
import type { SmokeReport } from './smoke-run'

let work: string
let project: string
let report: SmokeReport

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'main-smoke-'))
  project = join(work, 'project')
  cpSync(join(ROOT, 'out'), join(project, 'out'), { recursive: true })
  cpSync(join(ROOT, 'package.json'), join(project, 'package.json'))
  // The seed archive without its index: the index worker must build one.
  mkdirSync(join(project, 'seeds'))
  for (const f of readdirSync(join(ROOT, 'seeds')))
    if (f.endsWith('.txt') || f === 'catalog.json')
      cpSync(join(ROOT, 'seeds', f), join(project, 'seeds', f))
  const userData = join(work, 'user-data')
  mkdirSync(userData)
  report = runSmoke({
    main: join(project, 'out', 'main', 'index.js'),
    packaged: false,
    userData,
    picks: [join(ROOT, 'tests/fixtures/import/mixed/jiangbei-2024-05-06-p1.txt')],
    query: '发展和改革委员会',
  })
}, 150_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the built main bundle under an Electron stand-in (development layout)', () => {
  it('registers the app scheme as privileged before ready, and every IPC handler before the window loads', () => {
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(report.loadedUrl).toBe('app://reader/index.html')
    expect([...report.handledBeforeLoad].sort()).toEqual([...ALL_CHANNELS].sort())
    expect(report.listenedBeforeLoad).toContain('app:navigate-ready')
    expect(report.protocolsBeforeLoad).toEqual(['app'])
    expect(report.hardenedBeforeLoad).toBe(true)
    expect(report.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
  })

  it('gives the window a preload that exists, is CommonJS, needs only electron, and carries no zod', () => {
    const p = report.preload
    expect(p.exists).toBe(true)
    expect(p.path.endsWith(join('out', 'preload', 'index.cjs'))).toBe(true)
    expect(p.error).toBeUndefined()
    expect(p.required).toEqual(['electron'])
    expect(Object.keys(p.exposed ?? {}).sort()).toEqual([
      'archive',
      'archiveCorrections',
      'archiveImport',
    ])
    // Was 181 kB with zod bundled in; main validates every argument anyway.
    expect(p.bytes).toBeLessThan(20_000)
  })

  it('serves the shipped page from app://reader with the strict CSP, and nothing outside out/renderer', () => {
    expect(report.page).toEqual({
      status: 200,
      csp: contentSecurityPolicy(),
      isShippedIndex: true,
    })
    for (const [url, status] of Object.entries(report.outside ?? {}))
      expect([403, 404], url).toContain(status)
  })

  it('refuses a foreign sender: the same page as file://, another site, a frame that is gone', () => {
    expect(Object.keys(report.foreign)).toHaveLength(3)
    for (const [url, r] of Object.entries(report.foreign))
      expect(r, url).toMatchObject({ ok: false, error: { name: 'ForbiddenSenderError' } })
  })

  it('holds a deep link until the page says it listens', () => {
    expect(report.navigateBeforeReady).toBe(0)
    expect(report.navigateAfterReady).toEqual(['#/search?q=early'])
  })

  it('builds the index in the index worker and answers from it', () => {
    expect(report.logs.join('\n')).not.toContain('background index build failed')
    expect(report.status).toMatchObject({ state: 'ready', issues: 4 })
    expect(report.issues).toBe(4)
    expect(report.searchTotal).toBe(1)
  })

  it('checks a pick from main’s (stand-in) file dialog in the import worker', () => {
    expect(report.picked).toMatchObject({ ok: true, value: { files: 1 } })
    expect(report.plan).toEqual({ ok: true, files: ['jiangbei-2024-05-06-p1.txt'] })
  })
})
