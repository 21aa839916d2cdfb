// The CLI as a real child process for the kill tests: bundled once into a single file (a child
// then starts in a third of tsx's time), run with a fail point (ARCHIVE_READER_CRASH_AT, see
// src/node/crash-point.ts) or killed by SIGKILL some time after its first line on stderr.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'vite'
import { ROOT } from '../helpers'

export interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** Bundles src/cli/main.ts into `outDir`; returns the file to run with node. */
export async function buildCliBundle(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: join(ROOT, 'src', 'cli', 'main.ts'),
      outDir,
      minify: false,
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
    },
  })
  return join(outDir, 'main.mjs')
}

/** Runs the bundled CLI; `killAfter(ms)` kills it that long after its first stderr output. */
export function runCliChild(
  bundle: string,
  args: string[],
  env: Record<string, string> = {},
  killAfter?: number,
): Promise<ChildRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bundle, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    let armed = false
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      if (killAfter !== undefined && !armed) {
        armed = true
        setTimeout(() => child.kill('SIGKILL'), killAfter)
      }
    })
    child.on('exit', (code, signal) => done({ code, signal, stderr }))
  })
}
