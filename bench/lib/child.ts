// Runs one bench child in a fresh Node process with the same runtime as the parent
// (`node --import tsx`), or bundled with plain Node (bundle.ts), so measurements do not share a
// heap, a JIT or caches.
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { bundledChild } from './bundle'
import { ANSWERED_PREFIX, RESULT_PREFIX } from './protocol'

export interface ChildRun<T> {
  result: T
  /** ms from just before spawn() to the arrival of the child's "answered" line, if it sent one. */
  answeredMs?: number
  answered?: unknown
  /** ms from just before spawn() to the child's exit. */
  wallMs: number
}

export interface ChildOptions {
  /** Directory for `--cpu-prof` output; no profiling when unset. */
  profileDir?: string
  /** Extra node flags. */
  nodeFlags?: string[]
  /** Run the child bundled, with plain Node (bundle.ts), instead of through tsx. */
  bundled?: boolean
}

const BENCH_DIR = join(import.meta.dirname, '..')

export async function runChild<T>(
  script: string,
  args: string[],
  options: ChildOptions = {},
): Promise<ChildRun<T>> {
  const entry = options.bundled
    ? [await bundledChild(script)]
    : ['--import', 'tsx', join(BENCH_DIR, 'children', script)]
  const flags = ['--expose-gc', ...(options.nodeFlags ?? [])]
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true })
    flags.push('--cpu-prof', '--cpu-prof-dir', options.profileDir)
  }
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(process.execPath, [...flags, ...entry, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const since = (): number => Number(process.hrtime.bigint() - t0) / 1e6
    let buffer = ''
    let result: T | undefined
    let answeredMs: number | undefined
    let answered: unknown
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (answeredMs === undefined && chunk.includes(ANSWERED_PREFIX)) answeredMs = since()
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length))
        else if (line.startsWith(ANSWERED_PREFIX))
          answered = JSON.parse(line.slice(ANSWERED_PREFIX.length))
        else if (line.trim()) process.stderr.write(`  [${script}] ${line}\n`)
      }
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = since()
      if (code !== 0 || result === undefined) {
        reject(
          new Error(`bench child ${script} failed (exit ${code}${result ? '' : ', no result'})`),
        )
        return
      }
      const run: ChildRun<T> = { result, wallMs }
      if (answeredMs !== undefined) {
        run.answeredMs = answeredMs
        run.answered = answered
      }
      resolve(run)
    })
  })
}
