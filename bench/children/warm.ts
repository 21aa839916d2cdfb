// Bench child: warm search latency and recall. Opens the archive (index loaded), collects every
// article's text the way the archive segments it, samples the queries, then times
// `searchSync({q, limit: 20})` against a warm in-memory `String.includes` scan over the
// normalized article texts, and compares the complete result sets of both.
// argv: archiveDir queriesOut detailsOut seed
import { writeFileSync } from 'node:fs'
import { ArchiveService } from '../../src/node/archive-service'
import { collectDocs } from '../../src/node/index-helpers'
import { search } from '../../src/shared/search/engine'
import { articleIdOf, docCount } from '../../src/shared/search/search-index'
import { normalize } from '../../src/shared/text/normalize'
import { progress, sendResult } from '../lib/protocol'
import { queryTerms, sampleQueries } from '../lib/queries'
import type { SampledQuery } from '../lib/queries'
import type { Mismatch, WarmResult } from '../lib/results'
import { makeRng } from '../../tests/support/rng'
import { latency } from '../lib/stats'

const [archiveDir, queriesOut, detailsOut, seedArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
]

let t = performance.now()
const service = ArchiveService.open({ archiveDir })
const openMs = performance.now() - t
if (service.openResult.index !== 'loaded') {
  // The build child wrote index.bin moments ago; not loading it means the engine's code (its
  // index format) changed during the run, or the index was not accepted on reopening.
  throw new Error(`index.bin was rebuilt instead of loaded: ${service.openResult.reason}`)
}

progress('collecting the article texts for the scan …')
t = performance.now()
const inputs = collectDocs(service.dir, service.catalog)
const ids = inputs.map(
  (d) => `${(service.catalog.issues[d.issue] as { id: string }).id}/p${d.page}/a${d.article}`,
)
// The same form the index holds: title (kicker, headline, subheadline), separator, body. (The
// warm-up below flattens the concatenated strings, so no timed query pays for that.)
const texts = inputs.map((d) => `${normalize(d.title ?? d.headline)}\u0001${normalize(d.text)}`)
const collectMs = performance.now() - t
const n = texts.length
const index = service.index
let sameArticles = n === docCount(index)
for (let d = 0; sameArticles && d < n; d++) sameArticles = ids[d] === articleIdOf(index, d)
const textChars = texts.reduce((s, x) => s + x.length, 0)

const queries: SampledQuery[] = sampleQueries(
  makeRng(Number(seedArg)),
  texts.map((norm, d) => ({ norm, raw: (inputs[d] as { text: string }).text })),
)
writeFileSync(queriesOut, queries.map((x) => x.q).join('\n') + '\n')
progress(`${queries.length} queries sampled from ${n} articles`)

/** The baseline: every article's normalized text, every word checked with includes. */
function scan(q: string): number[] {
  const terms = queryTerms(q)
  const found: number[] = []
  for (let d = 0; d < n; d++) {
    const text = texts[d] as string
    let all = true
    for (const term of terms) {
      if (!text.includes(term)) {
        all = false
        break
      }
    }
    if (all) found.push(d)
  }
  return found
}

const timed = <T>(fn: () => T): [T, number] => {
  const s = performance.now()
  const r = fn()
  return [r, performance.now() - s]
}

// Warm-up: JIT for both sides, and the first page reads of the service.
for (const { q } of queries.slice(0, 20)) {
  service.searchSync({ q, limit: 20 })
  scan(q)
}

progress('timing the engine …')
const engine = queries.map(({ q }) => timed(() => service.searchSync({ q, limit: 20 })))
// The same queries without snippets: the engine's own work, without reading and segmenting
// the pages of the hits shown.
const core = queries.map(({ q }) => timed(() => search(index, { q, limit: 20 }, () => undefined)))
progress('timing the scan …')
const scans = queries.map(({ q }) => timed(() => scan(q)))

progress('comparing result sets …')
let truePositives = 0
let engineFound = 0
let scanFound = 0
let exactQueries = 0
const mismatches: Mismatch[] = []
const details = queries.map(({ q, kind }, i) => {
  const all = search(index, { q, limit: Number.MAX_SAFE_INTEGER }, () => undefined)
  const got = new Set(all.hits.map((h) => h.articleId))
  const want = new Set(((scans[i] as [number[], number])[0] as number[]).map((d) => ids[d]))
  let both = 0
  for (const id of got) if (want.has(id)) both++
  truePositives += both
  engineFound += got.size
  scanFound += want.size
  const limited = (engine[i] as [{ total: number }, number])[0].total
  const exact = both === got.size && both === want.size && limited === want.size
  if (exact) exactQueries++
  else if (mismatches.length < 20) {
    mismatches.push({
      q,
      kind,
      engine: got.size,
      engineTotalAtLimit20: limited,
      scan: want.size,
      missing: [...want].filter((x) => !got.has(x as string)).slice(0, 5) as string[],
      extra: [...got].filter((x) => !want.has(x)).slice(0, 5),
    })
  }
  return {
    q,
    kind,
    hits: want.size,
    engineMs: (engine[i] as [unknown, number])[1],
    coreMs: (core[i] as [unknown, number])[1],
    scanMs: (scans[i] as [unknown, number])[1],
  }
})
writeFileSync(detailsOut, JSON.stringify(details, null, 1))

const kinds: Record<string, number> = {}
for (const x of queries) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1
const hitCounts = details.map((d) => d.hits)

const result: WarmResult = {
  openMs,
  collectMs,
  articles: n,
  textChars,
  sameArticles,
  queries: queries.length,
  kinds,
  zeroHitQueries: hitCounts.filter((h) => h === 0).length,
  medianHits: hitCounts.sort((a, b) => a - b)[Math.floor(hitCounts.length / 2)] ?? 0,
  engine: latency(details.map((d) => d.engineMs)),
  core: latency(details.map((d) => d.coreMs)),
  scan: latency(details.map((d) => d.scanMs)),
  recall: scanFound === 0 ? 1 : truePositives / scanFound,
  precision: engineFound === 0 ? 1 : truePositives / engineFound,
  exactQueries,
  engineFound,
  scanFound,
  mismatches,
  slowest: [...details].sort((a, b) => b.engineMs - a.engineMs).slice(0, 8),
}
sendResult(result)
