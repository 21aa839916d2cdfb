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
    ssr: true,
    outDir: join(root, 'out', 'cli'),
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      // The shard worker beside the CLI, where shard-build.ts looks for it (shard-worker.js next
      // to the module that starts it), so `index` and `add` build a large archive on all cores.
      input: {
        'archive-reader': join(root, 'src', 'cli', 'main.ts'),
        'shard-worker': join(root, 'src', 'node', 'shard-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: (chunk) =>
          chunk.name === 'shard-worker' ? 'shard-worker.js' : 'archive-reader.mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
})
process.stdout.write('built out/cli/archive-reader.mjs and out/cli/shard-worker.js\n')
