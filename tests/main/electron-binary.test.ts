import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { builtAppProblem, displayProblem, electronExecutable } from '../e2e/support/electron-binary'
import { ROOT, tempDir } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})
function fakeRoot(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}
const put = (root: string, rel: string, text = '') => {
  mkdirSync(join(root, rel, '..'), { recursive: true })
  writeFileSync(join(root, rel), text)
}

describe('electronExecutable (whether the electron e2e project can run)', () => {
  it('skips with a reason when the package, path.txt or the binary is missing', () => {
    const root = fakeRoot()
    expect(electronExecutable(root, {})).toMatchObject({
      skipped: expect.stringMatching(/not installed/),
    })
    put(root, 'node_modules/electron/package.json', '{}')
    expect(electronExecutable(root, {})).toMatchObject({
      skipped: expect.stringMatching(/path\.txt is missing/),
    })
    put(root, 'node_modules/electron/path.txt', 'electron')
    expect(electronExecutable(root, {})).toMatchObject({
      skipped: expect.stringMatching(/dist.electron is missing/),
    })
    put(root, 'node_modules/electron/dist/electron')
    expect(electronExecutable(root, {})).toEqual({
      executablePath: join(root, 'node_modules/electron/dist/electron'),
    })
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeRoot()
    put(root, 'node_modules/electron/package.json', '{}')
    put(root, 'custom/electron')
    expect(electronExecutable(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'custom') })).toEqual(
      {
        executablePath: join(root, 'custom', 'electron'),
      },
    )
  })

  it('says why here: this machine has the electron package without its binary', () => {
    const r = electronExecutable(ROOT, {})
    if ('skipped' in r) expect(r.skipped).toMatch(/binary is not installed/)
  })
})

describe('builtAppProblem', () => {
  it('names the missing build outputs', () => {
    const root = fakeRoot()
    expect(builtAppProblem(root)).toMatch(/out\/main\/index\.js.*electron-vite build/)
    put(root, 'out/main/index.js')
    put(root, 'out/preload/index.cjs')
    put(root, 'out/renderer/index.html')
    expect(builtAppProblem(root)).toBeUndefined()
  })
})

describe('displayProblem', () => {
  it('asks for xvfb-run on Linux without a display, and nothing elsewhere', () => {
    expect(displayProblem({}, 'linux')).toMatch(/xvfb-run/)
    expect(displayProblem({ DISPLAY: ':99' }, 'linux')).toBeUndefined()
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined()
    expect(displayProblem({}, 'win32')).toBeUndefined()
    expect(displayProblem({}, 'darwin')).toBeUndefined()
  })
})
