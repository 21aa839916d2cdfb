#!/usr/bin/env node
// `npm run test:e2e`: Playwright's e2e run (both projects). On Linux with no display, when
// Electron's binary is installed — the electron project will really start the app — the run
// goes under `xvfb-run -a` (a virtual X server); without the binary the electron project only
// skips, saying why, and nothing more is needed. Arguments are passed on to `playwright test`.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const playwright = join(root, 'node_modules', '@playwright', 'test', 'cli.js')
// `--visual` (npm run test:visual): the screenshot project alone (it is also part of the whole
// run unless ARCHIVE_READER_VISUAL=0, playwright.config.ts).
const visual = process.argv.includes('--visual')
if (visual) process.env.ARCHIVE_READER_VISUAL = '1'
const passed = process.argv.slice(2).filter((a) => a !== '--visual')
const args = [playwright, 'test', ...(visual ? ['--project=visual'] : []), ...passed]

function electronInstalled() {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return false
  const rel = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist')
  return existsSync(join(dist, rel))
}
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY

let r
if (headless && electronInstalled()) {
  if (onPath('xvfb-run')) {
    console.log('[test:e2e] no display: running under xvfb-run for the electron project')
    r = spawnSync(
      'xvfb-run',
      ['-a', '--server-args=-screen 0 1920x1080x24', process.execPath, ...args],
      {
        stdio: 'inherit',
        cwd: root,
      },
    )
  } else {
    console.log(
      '[test:e2e] Electron is installed but there is no display and no xvfb-run: the electron ' +
        'project will skip. Install it with "apt-get install xvfb" to run the app headless.',
    )
  }
}
r ??= spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root })
// The whole default run (no arguments, no target named) then proves the testers' targets: an
// exported copy of the seeds and a reading room at a URL (scripts/e2e-targets.mjs).
const defaultRun =
  passed.length === 0 &&
  !visual &&
  !process.env.ARCHIVE_READER_E2E_ARCHIVE &&
  !process.env.ARCHIVE_READER_E2E_URL &&
  process.env.ARCHIVE_READER_E2E_TARGETS !== '0'
if (r.status === 0 && defaultRun) {
  const { runTargets } = await import('./e2e-targets.mjs')
  process.exit((await runTargets()) ? 0 : 1)
}
process.exit(r.status ?? 1)
