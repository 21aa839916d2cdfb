// `npm run dist -- --dir`, against a stub Electron distribution (the real binary cannot be
// downloaded here): the steps of `npm run dist` — the seed index, the app build (out/), then
// electron-builder — in a scratch copy of the project, and checks on what comes out: the archive
// and its current index in resources/archive, the app code in app.asar, the fuses flipped.
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
import { ROOT } from '../helpers'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[]
  extractFile(archive: string, file: string): Buffer
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
    expect(readdirSync(archive).sort()).toEqual([...seeds, 'catalog.json', 'index.bin'].sort())
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
      '/node_modules/zod/package.json',
      '/node_modules/opencc-js/package.json',
    ])
      expect(entries, e).toContain(e)
    for (const e of ['/node_modules/react-dom', '/node_modules/@fontsource', '/seeds', '/src'])
      expect(entries, e).not.toContain(e)
    expect([...entries].some((e) => e.endsWith('.map'))).toBe(false)
    const pkg = JSON.parse(asar.extractFile(file, 'package.json').toString('utf8'))
    expect(pkg.main).toBe('./out/main/index.js')
  })

  it('flips the fuses, keeping the one Playwright needs', async () => {
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'archive-reader'))
    const on = (name: string): boolean =>
      String.fromCharCode(wire[fuses.FuseV1Options[name] as number] as number) === '1'
    expect(on('RunAsNode')).toBe(false)
    expect(on('EnableNodeOptionsEnvironmentVariable')).toBe(false)
    expect(on('EnableCookieEncryption')).toBe(true)
    expect(on('OnlyLoadAppFromAsar')).toBe(true)
    expect(on('EnableEmbeddedAsarIntegrityValidation')).toBe(true)
    expect(on('EnableNodeCliInspectArguments')).toBe(true)
  })

  it('configures Windows, macOS and Linux targets, the protocol and the icon', () => {
    const c = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      appId: string
      productName: string
      protocols: { schemes: string[] }[]
      win: { target: { target: string }[] }
      mac: { target: { target: string; arch: string[] }[] }
      linux: { target: { target: string }[] }
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
    const png = readFileSync(join(ROOT, 'resources', 'icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
  })
})
