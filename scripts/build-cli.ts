// Bundles the archive-reader CLI into one ES module (out/cli/archive-reader.mjs), which the
// package's bin (bin/archive-reader.js) runs with plain Node: no tsx at run time.
import { join } from 'node:path'
import { build } from 'vite'

const root = join(import.meta.dirname, '..')
await build({
  configFile: false,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: join(root, 'src', 'cli', 'main.ts'),
    outDir: join(root, 'out', 'cli'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'archive-reader.mjs' } },
  },
})
process.stdout.write('built out/cli/archive-reader.mjs\n')
