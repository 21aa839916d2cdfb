// Vitest global setup: the built app (out/, as `electron-vite build` makes it) is what the
// packaging and offline-build tests inspect. It is built once, before any test file runs, in
// a child process with NODE_ENV=production — built inside Vitest (NODE_ENV=test) it would bundle
// React's development build, which is not what ships — and only when a source is newer.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers'
import { newestMtime } from './tree'

const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']

export function appIsStale(): boolean {
  if (OUTPUTS.some((f) => !existsSync(join(ROOT, f)))) return true
  const built = Math.min(...OUTPUTS.map((f) => statSync(join(ROOT, f)).mtimeMs))
  // The build's configuration counts as a source too (externalized deps, the CSP plugin).
  const config = ['electron.vite.config.ts', 'scripts/renderer-csp.ts', 'package.json']
  const newest = Math.max(
    newestMtime(join(ROOT, 'src')),
    ...config.map((f) => statSync(join(ROOT, f)).mtimeMs),
  )
  return newest > built
}

export default function setup(): void {
  if (appIsStale()) buildApp()
}

/** `electron-vite build` (main, preload, renderer) in production mode; throws with its output. */
export function buildApp(): void {
  const b = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  if (b.status !== 0) throw new Error(`electron-vite build failed:\n${b.stdout}\n${b.stderr}`)
}
