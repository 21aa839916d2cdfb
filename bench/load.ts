// The reading-room server under load: N concurrent clients (default 50) for D seconds (default
// 30) of mixed requests on loopback — searches (substrings of real articles, multi-word, a few
// that find nothing), whole issues as the reader opens them, page sources and an article's
// matches — then throughput, latency percentiles and errors (0 expected). The server runs as a
// child process (its own event loop and core, as in a reading room); `--in-process` runs it here.
//
//   npm run bench:load -- [--clients 50] [--duration 30] [--archive DIR] [--index FILE]
//                         [--seed 1] [--in-process]
//
// Every client loop ends by itself at the deadline; a request still running 15 s after it is
// abandoned and counted as an error, so the bench always stops.
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bundledArchiveDir } from '../src/node/paths'
import { apiPathFor } from '../src/shared/http'
import type { ArchiveApi, ArchiveMethod } from '../src/shared/contract'
import type { IssueSummary, IssueView } from '../src/shared/types'
import { makeRng } from '../tests/support/rng'
import type { Rng } from '../tests/support/rng'
import { randInt } from './lib/rng'
import { childServer, get, GRACE_MS, inProcessServer, peakRssMb } from './lib/server-child'
import { fmtMs, latency } from './lib/stats'

interface Options {
  clients: number
  durationS: number
  archive: string
  index?: string
  seed: number
  inProcess: boolean
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '50' },
      duration: { type: 'string', default: '30' },
      archive: { type: 'string' },
      index: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'in-process': { type: 'boolean', default: false },
    },
  })
  const clients = Number(values.clients)
  const durationS = Number(values.duration)
  if (!Number.isInteger(clients) || clients < 1 || clients > 1000)
    throw new Error('--clients expects 1–1000')
  if (!(durationS > 0 && durationS <= 3600)) throw new Error('--duration expects 0–3600 seconds')
  return {
    clients,
    durationS,
    archive: resolve(values.archive ?? bundledArchiveDir()),
    ...(values.index ? { index: resolve(values.index) } : {}),
    seed: Number(values.seed),
    inProcess: values['in-process'] ?? false,
  }
}

async function getJson<T>(agent: Agent, base: URL, path: string): Promise<T> {
  return new Promise((done, fail) => {
    const req = request({ agent, host: base.hostname, port: base.port, path }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (text += c))
      res.on('end', () =>
        res.statusCode === 200
          ? done(JSON.parse(text) as T)
          : fail(new Error(`${path}: ${res.statusCode} ${text}`)),
      )
    })
    req.on('error', fail)
    req.end()
  })
}

type Kind = 'search' | 'search-none' | 'issue' | 'page-source' | 'matches'

/** Share of each kind of request: mostly searches and reading, as in a reading room. */
const MIX: [Kind, number][] = [
  ['search', 45],
  ['search-none', 5],
  ['issue', 30],
  ['page-source', 10],
  ['matches', 10],
]

interface Workload {
  next(rng: Rng): { kind: Kind; path: string }
}

/** Builds the request mix from the archive itself, through the API. */
async function workload(agent: Agent, base: URL, rng: Rng): Promise<Workload> {
  const path = <M extends ArchiveMethod>(m: M, ...a: Parameters<ArchiveApi[M]>) =>
    apiPathFor(m, ...a)
  const issues = await getJson<IssueSummary[]>(agent, base, path('listIssues'))
  if (issues.length === 0) throw new Error('the archive has no issues')
  const sample = Array.from({ length: Math.min(20, issues.length) }, () => {
    return issues[randInt(rng, 0, issues.length - 1)] as IssueSummary
  })
  const views: IssueView[] = []
  for (const s of sample) views.push(await getJson<IssueView>(agent, base, path('getIssue', s.id)))
  const articles = views.flatMap((v) => v.pages.flatMap((p) => p.articles))
  const pages = views.flatMap((v) => v.pages.map((p) => ({ id: v.id, n: p.number })))
  const queries: string[] = []
  const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '')
  for (let i = 0; i < 200; i++) {
    const a = articles[randInt(rng, 0, articles.length - 1)]
    const text = cjk(a?.text ?? '')
    if (text.length < 8) continue
    const len = randInt(rng, 2, 6)
    const at = randInt(rng, 0, text.length - len)
    const q = text.slice(at, at + len)
    // One in five: two words from different places of the article.
    if (i % 5 === 0) {
      const at2 = randInt(rng, 0, text.length - 2)
      queries.push(`${q} ${text.slice(at2, at2 + 2)}`)
    } else queries.push(q)
  }
  if (queries.length === 0) queries.push('发展')
  const none = ['不存在的词语组合', '"量子纠缠报"', 'zzzqqq', '發展 -发展']
  const pick = <T>(items: readonly T[]): T => items[randInt(rng, 0, items.length - 1)] as T
  const total = MIX.reduce((s, [, w]) => s + w, 0)
  return {
    next(r) {
      let x = r() * total
      const kind = (MIX.find(([, w]) => (x -= w) < 0) ?? MIX[0]!)[0]
      switch (kind) {
        case 'search':
          return { kind, path: path('search', { q: pick(queries), limit: 20 }) }
        case 'search-none':
          return { kind, path: path('search', { q: pick(none), limit: 20 }) }
        case 'issue':
          return { kind, path: path('getIssue', pick(views).id) }
        case 'page-source': {
          const p = pick(pages)
          return { kind, path: path('getPageSource', p.id, p.n) }
        }
        case 'matches': {
          const a = pick(articles)
          return { kind, path: path('articleMatches', a.id, pick(queries)) }
        }
      }
    },
  }
}

interface Sample {
  kind: Kind
  ms: number
}

async function main(): Promise<number> {
  const o = options()
  const scratch = mkdtempSync(join(tmpdir(), 'archive-load-'))
  // The seed archive gets a throwaway index; another archive uses its own unless told.
  const index =
    o.index ??
    (o.archive === bundledArchiveDir() ? join(scratch, 'index.bin') : join(o.archive, 'index.bin'))
  const t0 = performance.now()
  const server = o.inProcess
    ? await inProcessServer(o.archive, index)
    : await childServer(o.archive, index)
  const startMs = performance.now() - t0
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients })
  const samples: Sample[] = []
  const errors = new Map<string, number>()
  const error = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1)
  let bytes = 0
  let inFlight = 0
  try {
    const load = await workload(agent, server.url, makeRng(o.seed))
    process.stdout.write(
      `load: ${o.clients} clients × ${o.durationS} s against ${server.url.href} ` +
        `(${o.inProcess ? 'in-process' : `child pid ${server.pid}`}, started in ${fmtMs(startMs)}), ` +
        `archive ${o.archive}\n`,
    )
    const started = performance.now()
    const deadline = started + o.durationS * 1000
    const client = async (id: number): Promise<void> => {
      const rng = makeRng(o.seed * 1000 + id)
      // Bounded: stops at the deadline, whatever the server does.
      while (performance.now() < deadline) {
        const { kind, path } = load.next(rng)
        inFlight++
        try {
          const a = await get(agent, server.url, path)
          if (a.status !== 200) error(`${kind}: HTTP ${a.status}`)
          else samples.push({ kind, ms: a.ms })
          bytes += a.bytes
        } catch (e) {
          error(`${kind}: ${(e as Error).message}`)
        } finally {
          inFlight--
        }
      }
    }
    const all = Promise.all(Array.from({ length: o.clients }, (_, i) => client(i)))
    let hardStop: NodeJS.Timeout | undefined
    const stuck = new Promise<void>((done) => {
      hardStop = setTimeout(done, o.durationS * 1000 + GRACE_MS)
    })
    await Promise.race([all, stuck])
    clearTimeout(hardStop)
    const elapsedS = (performance.now() - started) / 1000
    if (inFlight > 0)
      error(`abandoned: ${inFlight} request(s) still running ${GRACE_MS / 1000} s after the end`)
    const total = samples.length + [...errors.values()].reduce((s, n) => s + n, 0)
    const all_ = latency(samples.map((s) => s.ms))
    const lines = [
      `requests: ${total} in ${elapsedS.toFixed(1)} s = ${(total / elapsedS).toFixed(0)} req/s ` +
        `(${(bytes / elapsedS / 1e6).toFixed(1)} MB/s)`,
      `latency (all ok): p50 ${fmtMs(all_.p50)}  p95 ${fmtMs(all_.p95)}  p99 ${fmtMs(all_.p99)}  max ${fmtMs(all_.max)}`,
    ]
    for (const [kind] of MIX) {
      const l = latency(samples.filter((s) => s.kind === kind).map((s) => s.ms))
      if (l.n)
        lines.push(
          `  ${kind.padEnd(12)} ${String(l.n).padStart(7)}  p50 ${fmtMs(l.p50).padStart(9)}  p99 ${fmtMs(l.p99).padStart(9)}  max ${fmtMs(l.max).padStart(9)}`,
        )
    }
    const rss = peakRssMb(server.pid)
    if (rss !== undefined) lines.push(`server peak RSS: ${rss.toFixed(0)} MB`)
    const errorCount = total - samples.length
    lines.push(`errors: ${errorCount}`)
    for (const [what, n] of errors) lines.push(`  ${n} × ${what}`)
    process.stdout.write(`${lines.join('\n')}\n`)
    return errorCount === 0 ? 0 : 1
  } finally {
    agent.destroy()
    await server.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench:load: ${(e as Error).stack ?? String(e)}\n`)
    process.exit(2)
  },
)
