#!/usr/bin/env node
// `npm install`'s postinstall: fetches Electron's binary by running the electron package's own
// installer (node_modules/electron/install.js, also `npx install-electron`). electron@45 no
// longer has an install script of its own — it downloads on the first require('electron') —
// but electron-vite (`npm run dev`, `npm start`) reads node_modules/electron/path.txt, which
// only the installer writes, and stops with "Electron uninstall" without it.
//
// Skipped, saying so, when ELECTRON_SKIP_BINARY_DOWNLOAD is set (CI, offline machines) or when
// ELECTRON_OVERRIDE_DIST_PATH points at an Electron you have already. The installer honours
// ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and electron_config_cache (see README, "Set-up").
// Plain JavaScript: it runs before anything is built, with only Node.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const installer = join(root, 'node_modules', 'electron', 'install.js')
const say = (line) => console.log(`[archive-reader postinstall] ${line}`)
const set = (name) => {
  const v = process.env[name]
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false'
}

if (set('ELECTRON_SKIP_BINARY_DOWNLOAD')) {
  say(
    'ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron’s binary was not downloaded. The CLI, the ' +
      'reading-room server and the tests work without it; the desktop app needs it ' +
      '(run "node node_modules/electron/install.js" when you have network).',
  )
  process.exit(0)
}
if (set('ELECTRON_OVERRIDE_DIST_PATH')) {
  say(
    `ELECTRON_OVERRIDE_DIST_PATH is set: using the Electron in ${process.env.ELECTRON_OVERRIDE_DIST_PATH}, ` +
      'nothing downloaded. For "npm run dev" also set ELECTRON_EXEC_PATH to its executable ' +
      '(electron-vite does not read ELECTRON_OVERRIDE_DIST_PATH).',
  )
  process.exit(0)
}
if (!existsSync(installer)) {
  // An install without devDependencies (npm ci --omit=dev): no Electron to fetch a binary for.
  say('the electron package is not installed (no devDependencies?): nothing to download.')
  process.exit(0)
}
say('downloading Electron’s binary (node node_modules/electron/install.js)…')
const r = spawnSync(process.execPath, [installer], { stdio: 'inherit', cwd: root })
if (r.status !== 0) {
  say(
    'Electron’s binary could not be downloaded. Where github.com is unreachable, set ' +
      'ELECTRON_MIRROR to a mirror (e.g. https://npmmirror.com/mirrors/electron/) and run ' +
      '"node node_modules/electron/install.js"; or point ELECTRON_OVERRIDE_DIST_PATH at an ' +
      'unpacked Electron; or install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 to do without the app.',
  )
  process.exit(r.status ?? 1)
}
