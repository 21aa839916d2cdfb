// The reading-room server as a bench sees it: started as a child process (its own event loop
// and core, as in a reading room) or in this process, its peak memory, and timed GETs.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import type { Agent } from 'node:http'
import { fileURLToPath } from 'node:url'
import { startServer } from '../../src/server/server'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const GRACE_MS = 15_000

export interface Server {
  url: URL
  pid: number | undefined
  stop: () => Promise<void>
}

/** The server as a child process (`src/server/main.ts` on a free loopback port). */
export async function childServer(
  archive: string,
  index: string,
  extraArgs: string[] = [],
): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/main.ts',
      '--archive',
      archive,
      '--index',
      index,
      '--port',
      '0',
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = await new Promise<URL>((done, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`the server did not start:\n${stderr}`)), 120_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /reading room: (http:\/\/\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        done(new URL(m[1] as string))
      }
    })
    child.on('exit', (code) => fail(new Error(`the server exited (${code}):\n${stderr}`)))
  })
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
  }
}

export async function inProcessServer(archive: string, index: string): Promise<Server> {
  const s = await startServer({ archiveDir: archive, indexPath: index, port: 0, log: () => {} })
  return { url: new URL(s.url), pid: process.pid, stop: s.close }
}

/** Peak resident memory of a process, from /proc (Linux), in MB. */
export function peakRssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

export interface Answer {
  status: number
  bytes: number
  ms: number
}

export function get(agent: Agent, base: URL, path: string): Promise<Answer> {
  const t0 = performance.now()
  return new Promise((done, fail) => {
    const req = request(
      { agent, host: base.hostname, port: base.port, path, method: 'GET' },
      (res) => {
        let bytes = 0
        res.on('data', (c: Buffer) => (bytes += c.length))
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0 }),
        )
        res.on('error', fail)
      },
    )
    req.on('error', fail)
    req.setTimeout(GRACE_MS, () => req.destroy(new Error('no answer within 15 s')))
    req.end()
  })
}
