// Can one heavy client stall the reading room? Two measurements against the server as a child
// process (its own event loop, as in a reading room):
//
// 1. `/api/status` latency (p50/p99/max) from one client polling it while H clients loop heavy
//    searches (`的`×250, a common character ×250, 120 distinct common characters, a long phrase).
//    The archive is the bench corpus (chinese-poetry at --scale, default 0.1 ≈ 40k articles,
//    built once into bench/.cache) or --archive DIR. Heavy answers are counted by status
//    (200 = answered, also when the answer is a "query too broad" error; 503 = queue full).
// 2. With --big: peak RSS of the server while C concurrent clients (default 20) fetch the issue
//    with the 100,000-line page of the generated big archive, and the response sizes.
//
//   npm run bench:stall -- [--archive DIR] [--scale 0.1] [--heavy 4] [--duration 20]
//                          [--big] [--concurrent 20] [--workers 1]
//
// --workers 0 runs the searches on the server's event loop, as before the search pool.
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ArchiveService } from '../src/node/archive-service'
import { apiPathFor } from '../src/shared/http'
import { MANY_LINES_ISSUE, writeBigArchive } from '../tests/support/big-archive'
import { ensureArchive } from './lib/archive'
import { ensurePoetry, listCorpus, POETRY_PACKAGE } from './lib/corpus'
import { childServer, get, peakRssMb } from './lib/server-child'
import type { Server } from './lib/server-child'
import { fmtMs, latency } from './lib/stats'

const CACHE = fileURLToPath(new URL('./.cache', import.meta.url))
const log = (m: string): void => void process.stderr.write(`${m}\n`)

const { values } = parseArgs({
  options: {
    archive: { type: 'string' },
    scale: { type: 'string', default: '0.1' },
    heavy: { type: 'string', default: '4' },
    duration: { type: 'string', default: '20' },
    big: { type: 'boolean', default: false },
    concurrent: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1' },
  },
})
const heavyClients = Number(values.heavy)
const durationS = Number(values.duration)
const concurrent = Number(values.concurrent)
const serverArgs = ['--search-workers', values.workers ?? '1']

function benchArchive(): string {
  if (values.archive) return resolve(values.archive)
  const scale = Number(values.scale)
  const corpus = listCorpus(ensurePoetry(CACHE, log), 'json', POETRY_PACKAGE, scale, 1)
  const dir = join(CACHE, 'archives', `poetry-scale${scale}-seed1`)
  ensureArchive(dir, corpus, log)
  return dir
}

const COMMON = '的不人一是有之无天风日山来中上生时年花月子为何自心归云水如长江春'
const HEAVY_QUERIES = [
  '的 '.repeat(250).trim(),
  '不 '.repeat(250).trim(),
  '人 '.repeat(250).trim(),
  // Every common character and every adjacent pair of them: ~80 distinct terms.
  [...COMMON, ...[...COMMON].slice(1).map((c, i) => `${COMMON[i]}${c}`)].join(' '),
  `"${'不知何处'.repeat(120)}"`,
]

async function statusUnderLoad(server: Server): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: heavyClients + 2 })
  const statuses = new Map<string, number>()
  const count = (k: string): void => void statuses.set(k, (statuses.get(k) ?? 0) + 1)
  const heavyMs: number[] = []
  const statusMs: number[] = []
  const deadline = performance.now() + durationS * 1000
  const heavy = async (id: number): Promise<void> => {
    for (let i = id; performance.now() < deadline; i++) {
      const q = HEAVY_QUERIES[i % HEAVY_QUERIES.length] as string
      try {
        const a = await get(agent, server.url, apiPathFor('search', { q, limit: 20 }))
        count(String(a.status))
        heavyMs.push(a.ms)
        // A refused client backs off as Retry-After asks; a hostile one would not, so no wait.
      } catch (e) {
        count(`error: ${(e as Error).message}`)
      }
    }
  }
  const prober = async (): Promise<void> => {
    while (performance.now() < deadline) {
      try {
        const a = await get(agent, server.url, apiPathFor('indexStatus'))
        if (a.status === 200) statusMs.push(a.ms)
        else count(`status ${a.status}`)
      } catch (e) {
        count(`status error: ${(e as Error).message}`)
      }
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  // A quiet baseline first: the same prober with no heavy client.
  const quietEnd = performance.now() + 3000
  const quiet: number[] = []
  while (performance.now() < quietEnd) {
    quiet.push((await get(agent, server.url, apiPathFor('indexStatus'))).ms)
    await new Promise((r) => setTimeout(r, 20))
  }
  await Promise.all([prober(), ...Array.from({ length: heavyClients }, (_, i) => heavy(i))])
  agent.destroy()
  const q = latency(quiet)
  const s = latency(statusMs)
  const h = latency(heavyMs)
  process.stdout.write(
    [
      `/api/status quiet:            n ${q.n}  p50 ${fmtMs(q.p50)}  p99 ${fmtMs(q.p99)}  max ${fmtMs(q.max)}`,
      `/api/status under ${heavyClients} heavy clients: n ${s.n}  p50 ${fmtMs(s.p50)}  p99 ${fmtMs(s.p99)}  max ${fmtMs(s.max)}`,
      `heavy searches: n ${h.n}  p50 ${fmtMs(h.p50)}  p99 ${fmtMs(h.p99)}  max ${fmtMs(h.max)}`,
      `answers: ${[...statuses].map(([k, n]) => `${n} × ${k}`).join(', ')}`,
      `server peak RSS: ${peakRssMb(server.pid)?.toFixed(0) ?? '?'} MB`,
    ].join('\n') + '\n',
  )
}

async function bigRequests(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'archive-stall-big-'))
  try {
    const big = writeBigArchive(scratch)
    ArchiveService.open({ archiveDir: scratch, log })
    const server = await childServer(scratch, join(scratch, 'index.bin'), serverArgs)
    try {
      const before = peakRssMb(server.pid)
      const agent = new Agent({ keepAlive: true, maxSockets: concurrent })
      const path = apiPathFor('getIssue', MANY_LINES_ISSUE)
      const t0 = performance.now()
      const answers = await Promise.all(
        Array.from({ length: concurrent }, () => get(agent, server.url, path)),
      )
      const ms = performance.now() - t0
      agent.destroy()
      const bytes = answers.map((a) => a.bytes)
      process.stdout.write(
        [
          `big archive: ${Object.entries(big.sizes)
            .map(([id, b]) => `${id} ${(b / 1e6).toFixed(2)} MB`)
            .join(', ')}`,
          `${concurrent} concurrent getIssue(${MANY_LINES_ISSUE}): ${fmtMs(ms)}, statuses ${[...new Set(answers.map((a) => a.status))].join('/')}, response ${(Math.max(...bytes) / 1e6).toFixed(2)} MB each`,
          `server RSS: ${before?.toFixed(0) ?? '?'} MB peak before, ${peakRssMb(server.pid)?.toFixed(0) ?? '?'} MB peak after`,
        ].join('\n') + '\n',
      )
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  if (values.big) return bigRequests()
  const archive = benchArchive()
  ArchiveService.open({ archiveDir: archive, log })
  const server = await childServer(archive, join(archive, 'index.bin'), serverArgs)
  process.stdout.write(
    `stall: archive ${archive}, server pid ${server.pid} ${serverArgs.join(' ')}\n`,
  )
  try {
    await statusUnderLoad(server)
  } finally {
    await server.stop()
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench:stall: ${(e as Error).stack ?? String(e)}\n`)
    process.exit(2)
  },
)
