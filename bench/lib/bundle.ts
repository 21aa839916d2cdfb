// Bundles a bench child into one ES module run by plain Node, the way the shipped CLI is built
// (scripts/build-cli.ts) and run (bin/archive-reader.js): the cold measurements then time what a
// user's fresh process pays — Node's start, one module, the work — not tsx compiling a hundred
// TypeScript files on the way, which the shipped app never does.
import { join } from 'node:path'
import { build } from 'vite'

const BENCH_DIR = join(import.meta.dirname, '..')
const OUT = join(BENCH_DIR, '.cache', 'bundled')
const built = new Map<string, Promise<string>>()

/** The bundled form of bench/children/<script> (built once per bench run). */
export function bundledChild(script: string): Promise<string> {
  let file = built.get(script)
  if (!file) {
    const name = script.replace(/\.ts$/, '.mjs')
    file = build({
      configFile: false,
      logLevel: 'warn',
      ssr: { noExternal: true },
      build: {
        ssr: join(BENCH_DIR, 'children', script),
        outDir: OUT,
        emptyOutDir: false,
        minify: false,
        rollupOptions: { output: { format: 'es', entryFileNames: name } },
      },
    }).then(() => join(OUT, name))
    built.set(script, file)
  }
  return file
}
