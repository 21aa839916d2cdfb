// `npm run dist -- --dir`, against a stub Electron distribution (the real binary cannot be
// downloaded here): the steps of `npm run dist` — the seed index, the app build (out/), then
// electron-builder — in a scratch copy of the project, and checks on what comes out: the archive
// and its current index in resources/archive, the app code in app.asar (no node_modules), the
// fuses flipped, the Linux metadata. Then the packaging smoke test: main, extracted from
// app.asar into the packaged layout (resources/app.asar/out/…, resources/archive), run under a
// STAND-IN for `electron` (tests/packaging/smoke-run.ts) — our wiring, not Electron.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { contentSecurityPolicy } from '../../src/main/security-policy'
import { ROOT } from '../helpers'
import { ALL_CHANNELS, runSmoke } from './smoke-run'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[]
  extractFile(archive: string, file: string): Buffer
  extractAll(archive: string, dest: string): void
}
const yaml = require('js-yaml') as { load(text: string): unknown }
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(path: string): Promise<Record<string, number | string>>
  FuseV1Options: Record<string, number>
}

// What @electron/fuses looks for in an Electron binary: the sentinel, the wire version (1), its
// length, then one byte per fuse ('0' off, '1' on). Electron's own defaults.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const STUB_WIRE = '10011001'

let work: string
let project: string
let unpacked: string
let seconds = 0

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dist-dir-'))
  project = join(work, 'project')
  mkdirSync(project)
  // The app build (out/, as `npm run build` makes it) comes from the Vitest global setup.
  for (const f of ['package.json', 'electron-builder.yml', 'out', 'seeds', 'resources'])
    cpSync(join(ROOT, f), join(project, f), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir')
  // `npm run index`: the shipped index, current for the shipped catalog.
  ArchiveService.open({ archiveDir: join(project, 'seeds') })

  // The stub Electron: electron-builder copies this folder, renames `electron` to the app's
  // executable name and flips the fuses in it.
  const dist = join(work, 'electron-dist')
  mkdirSync(dist)
  writeFileSync(
    join(dist, 'electron'),
    `#!/bin/sh\necho "stub Electron"\nexit 0\n# ${SENTINEL}\u0001\u0008${STUB_WIRE}\n`,
    'latin1',
  )
  chmodSync(join(dist, 'electron'), 0o755)

  const t = performance.now()
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      '--dir',
      '--projectDir',
      project,
      `-c.electronDist=${dist}`,
    ],
    { cwd: project, encoding: 'utf8', env: { ...process.env, CI: '1' } },
  )
  seconds = (performance.now() - t) / 1000
  if (r.status !== 0) throw new Error(`electron-builder failed:\n${r.stdout}${r.stderr}`)
  unpacked = join(project, 'dist', 'linux-unpacked')
}, 300_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('npm run dist -- --dir (stub Electron)', () => {
  it('packages an unpacked app folder', () => {
    // A figure, not a verdict: how long it takes depends on the machine's load.
    console.log(`electron-builder --dir took ${seconds.toFixed(1)} s`)
    expect(readdirSync(unpacked).sort()).toEqual(['archive-reader', 'resources'])
  })

  it('ships the seed archive and its current index in resources/archive', () => {
    const archive = join(unpacked, 'resources', 'archive')
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt'))
    expect(readdirSync(archive).sort()).toEqual(
      [...seeds, 'catalog.json', 'index.bin', 'index.bin.fields', 'index.bin.segments'].sort(),
    )
    for (const name of [...seeds, 'catalog.json'])
      expect(
        readFileSync(join(archive, name)).equals(readFileSync(join(ROOT, 'seeds', name))),
      ).toBe(true)
    // Current for the packaged catalog and pages: the app loads it instead of rebuilding.
    const s = ArchiveService.open({ archiveDir: archive, indexPath: join(archive, 'index.bin') })
    expect(s.openResult).toMatchObject({ index: 'loaded', written: false })
    expect(s.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
  })

  it('puts the app code in app.asar, with only the main process’s runtime dependencies', () => {
    const file = join(unpacked, 'resources', 'app.asar')
    const entries = new Set(asar.listPackage(file).map((e) => e.replace(/\\/g, '/')))
    for (const e of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ])
      expect(entries, e).toContain(e)
    // main's dependencies are bundled into out/main (workers cannot import them from the asar).
    expect([...entries].filter((e) => e.startsWith('/node_modules'))).toEqual([])
    for (const e of ['/seeds', '/src']) expect(entries, e).not.toContain(e)
    expect([...entries].some((e) => e.endsWith('.map'))).toBe(false)
    const pkg = JSON.parse(asar.extractFile(file, 'package.json').toString('utf8'))
    expect(pkg.main).toBe('./out/main/index.js')
    // What Electron reads at run time for the app_id / WM_CLASS and the .desktop file it looks for.
    expect(pkg.desktopName).toBe('archive-reader.desktop')
  })

  it('flips the fuses: no inspector, no node options, no file:// privileges', async () => {
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'archive-reader'))
    const on = (name: string): boolean =>
      String.fromCharCode(wire[fuses.FuseV1Options[name] as number] as number) === '1'
    expect(on('RunAsNode')).toBe(false)
    expect(on('EnableNodeOptionsEnvironmentVariable')).toBe(false)
    expect(on('EnableCookieEncryption')).toBe(true)
    expect(on('OnlyLoadAppFromAsar')).toBe(true)
    expect(on('EnableEmbeddedAsarIntegrityValidation')).toBe(true)
    expect(on('EnableNodeCliInspectArguments')).toBe(false)
    expect(on('GrantFileProtocolExtraPrivileges')).toBe(false)
  })

  it('configures Windows, macOS and Linux targets, the protocol and the icon', () => {
    const c = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      appId: string
      productName: string
      protocols: { schemes: string[] }[]
      win: { target: { target: string }[] }
      mac: { target: { target: string; arch: string[] }[] }
      linux: { target: { target: string }[]; syncDesktopName: boolean; maintainer: string }
      nsis: { shortcutName: string }
    }
    expect(c.appId).toBe('org.archivereader.app')
    expect(c.productName).toBe('Archive Reader')
    expect(c.nsis.shortcutName).toBe('报刊档案阅读器')
    expect(c.win.target.map((t) => t.target)).toEqual(['nsis', 'portable'])
    expect(c.mac.target.map((t) => `${t.target}:${t.arch.join('+')}`)).toEqual([
      'dmg:x64+arm64',
      'zip:x64+arm64',
    ])
    expect(c.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb', 'tar.gz'])
    expect(c.protocols.flatMap((p) => p.schemes)).toEqual(['archive-reader'])
    // The deb target stops without a homepage and the author's email; the .desktop file must be
    // named as Electron expects (desktopName), for archive-reader:// and window matching.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/)
    expect(pkg.desktopName).toBe('archive-reader.desktop')
    expect(c.linux.syncDesktopName).toBe(true)
    expect(c.linux.maintainer).toContain(pkg.author.email)
    const png = readFileSync(join(ROOT, 'resources', 'icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
  })
})

describe('the packaged main under an Electron stand-in (layout extracted from app.asar)', () => {
  /** resources/app.asar (extracted, same paths as in the app) and resources/archive. */
  function layout(name: string, withShippedIndex: boolean): { main: string; resources: string } {
    const resources = join(work, name, 'resources')
    asar.extractAll(join(unpacked, 'resources', 'app.asar'), join(resources, 'app.asar'))
    cpSync(join(unpacked, 'resources', 'archive'), join(resources, 'archive'), { recursive: true })
    if (!withShippedIndex) rmSync(join(resources, 'archive', 'index.bin'))
    return { main: join(resources, 'app.asar', 'out', 'main', 'index.js'), resources }
  }
  const userData = (name: string): string => {
    const dir = join(work, name, 'user-data')
    mkdirSync(dir, { recursive: true })
    return dir
  }

  it('wires IPC before the page, serves the shipped page, refuses foreign senders, uses the shipped index', () => {
    const l = layout('shipped', true)
    const r = runSmoke({
      main: l.main,
      packaged: true,
      resourcesPath: l.resources,
      userData: userData('shipped'),
      picks: [join(ROOT, 'tests/fixtures/import/mixed/jiangbei-2024-05-06-p1.txt')],
      query: '发展和改革委员会',
    })
    expect([...r.handledBeforeLoad].sort()).toEqual([...ALL_CHANNELS].sort())
    expect(r.loadedUrl).toBe('app://reader/index.html')
    expect(r.preload).toMatchObject({ exists: true, required: ['electron'] })
    expect(r.preload.path).toContain(join('resources', 'app.asar', 'out', 'preload', 'index.cjs'))
    expect(r.preload.error).toBeUndefined()
    expect(r.page).toEqual({ status: 200, csp: contentSecurityPolicy(), isShippedIndex: true })
    for (const [url, res] of Object.entries(r.foreign))
      expect(res, url).toMatchObject({ ok: false, error: { name: 'ForbiddenSenderError' } })
    // The index shipped in resources/archive is current: loaded, nothing rebuilt or written.
    expect(r.status).toMatchObject({ state: 'ready', issues: 4 })
    expect(r.searchTotal).toBe(1)
    expect(r.userIndexWritten).toBe(false)
    expect(r.logs.join('\n')).not.toMatch(/Rebuilding|background index build failed/)
    // The import worker, started from inside the asar layout, answers.
    expect(r.plan).toEqual({ ok: true, files: ['jiangbei-2024-05-06-p1.txt'] })
  }, 150_000)

  it('builds the index in the index worker from inside the asar layout when none is shipped', () => {
    const l = layout('no-index', false)
    const ud = userData('no-index')
    const r = runSmoke({ main: l.main, packaged: true, resourcesPath: l.resources, userData: ud })
    expect(r.logs.join('\n')).not.toContain('background index build failed')
    expect(r.userIndexWritten).toBe(true)
    expect(r.status).toMatchObject({ state: 'ready', issues: 4 })
  }, 150_000)
})
