// The postinstall (scripts/install-electron.mjs) in a scratch project whose electron package
// has a stub installer: it runs electron's own install.js unless told not to, says why it
// skipped, and fails loudly (with the mirror hint) when the download fails. No network.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

function project(withElectron: boolean, installerExit = 0): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  mkdirSync(join(t.dir, 'scripts'))
  cpSync(
    join(ROOT, 'scripts', 'install-electron.mjs'),
    join(t.dir, 'scripts', 'install-electron.mjs'),
  )
  if (withElectron) {
    mkdirSync(join(t.dir, 'node_modules', 'electron'), { recursive: true })
    writeFileSync(
      join(t.dir, 'node_modules', 'electron', 'install.js'),
      `require('fs').writeFileSync(require('path').join(__dirname, 'ran'), process.cwd()); process.exit(${installerExit})\n`,
    )
  }
  return t.dir
}

function run(dir: string, env: Record<string, string>) {
  const clean = { ...process.env }
  delete clean.ELECTRON_SKIP_BINARY_DOWNLOAD
  delete clean.ELECTRON_OVERRIDE_DIST_PATH
  return spawnSync(process.execPath, [join(dir, 'scripts', 'install-electron.mjs')], {
    encoding: 'utf8',
    env: { ...clean, ...env },
  })
}
const ran = (dir: string) => existsSync(join(dir, 'node_modules', 'electron', 'ran'))

describe('postinstall: scripts/install-electron.mjs', () => {
  it("runs electron's own installer", () => {
    const dir = project(true)
    const r = run(dir, {})
    expect(r.status).toBe(0)
    expect(ran(dir)).toBe(true)
    expect(r.stdout).toContain('node node_modules/electron/install.js')
  })

  it('skips, saying so, with ELECTRON_SKIP_BINARY_DOWNLOAD or ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = project(true)
    const skip = run(dir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(skip.status).toBe(0)
    expect(skip.stdout).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set')
    const override = run(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })
    expect(override.status).toBe(0)
    expect(override.stdout).toContain('ELECTRON_EXEC_PATH')
    expect(ran(dir)).toBe(false)
    // "0" means do download.
    expect(run(dir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '0' }).status).toBe(0)
    expect(ran(dir)).toBe(true)
  })

  it('fails the install with a way out when the download fails', () => {
    const dir = project(true, 3)
    const r = run(dir, {})
    expect(r.status).toBe(3)
    expect(r.stdout).toContain('ELECTRON_MIRROR')
    expect(r.stdout).toContain('ELECTRON_OVERRIDE_DIST_PATH')
  })

  it('does nothing without the electron package (an install without devDependencies)', () => {
    const r = run(project(false), {})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('not installed')
  })
})
