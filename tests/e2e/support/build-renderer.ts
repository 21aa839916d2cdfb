// Builds only the renderer (out/renderer), as `electron-vite build` would, for the web e2e
// project: the reading-room server serves that folder. Mirrors the renderer section of
// electron.vite.config.ts (root, relative base, React plugin); main and preload are not needed
// to test in a browser.
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { newestMtime } from '../../support/tree'

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
export const RENDERER_SRC = join(PROJECT_ROOT, 'src', 'renderer')
export const RENDERER_OUT = join(PROJECT_ROOT, 'out', 'renderer')

/** True when out/renderer is missing or older than a source it is built from. */
export function rendererIsStale(): boolean {
  const index = join(RENDERER_OUT, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return [RENDERER_SRC, join(PROJECT_ROOT, 'src', 'shared')].some((d) => newestMtime(d) > built)
}

export async function buildRenderer(): Promise<void> {
  await build({
    configFile: false,
    root: RENDERER_SRC,
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: RENDERER_OUT,
      emptyOutDir: true,
      rollupOptions: { input: { index: join(RENDERER_SRC, 'index.html') } },
    },
  })
}

// `npx tsx tests/e2e/support/build-renderer.ts [--if-stale]`
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const ifStale = process.argv.includes('--if-stale')
  if (!ifStale || rendererIsStale()) {
    const started = Date.now()
    await buildRenderer()
    process.stdout.write(`renderer built in ${Date.now() - started} ms → ${RENDERER_OUT}\n`)
  } else process.stdout.write(`renderer is up to date: ${RENDERER_OUT}\n`)
}
