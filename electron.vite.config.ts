import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { rendererCsp } from './scripts/renderer-csp'

// One build for the three runtimes. The renderer build (out/renderer) is also what the
// reading-room server serves, so it uses relative asset paths and loads nothing from the network.
export default defineConfig({
  main: {
    build: {
      // zod, @exodus/bytes and minisearch are bundled into main and its worker chunks instead of imported from
      // node_modules: worker threads run inside app.asar, where importing a package's ES modules
      // from node_modules fails, and the import worker has no fallback. Nothing in out/main then
      // needs node_modules (tests/packaging/main-smoke.test.ts runs it without any).
      externalizeDeps: { exclude: ['zod', '@exodus/bytes', 'minisearch'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file. It imports no schemas (zod stays in
      // main, which validates everything): see src/shared/ipc-channels.ts.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    // The strict CSP meta tag in production; none in `npm run dev` (main sends the dev policy).
    plugins: [react(), rendererCsp()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified, it is smaller and
      // carries no library comments (with URLs the offline-build test would have to explain).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
