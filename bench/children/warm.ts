// Bench child: warm search latency and recall. Opens the archive (index loaded), collects every
// article's text the way the archive segments it, samples the queries (random substrings, and
// the corpus's words and phrases by hit-count band), then times `searchSync({q, limit: 20})`,
// the engine without snippets and the fastest honest scan (one joined string, `indexOf`)
// interleaved, query by query, over several rounds in a fresh order each: a query's figure is
// its median over the rounds, so a noisy moment of the shared machine moves one sample, not a
// whole pass. Then it compares the complete result sets of engine and scan. It also writes the
// articles' normalized texts for the cold scan, so that the cold scan reads the same articles.
// argv: archiveDir queriesOut detailsOut seed scanTextOut rounds
import { writeFileSync } from 'node:fs'
import { BANDS, sampleBandQueries } from '../lib/bands'
import type { BandName } from '../lib/bands'
import { JoinedScan } from '../lib/scan'
import { shuffled } from '../lib/rng'
import { ArchiveService } from '../../src/node/archive-service'
import { collectDocs } from '../../src/node/collect-docs'
import { search } from '../../src/shared/search/engine'
import { articleIdOf, docCount } from '../../src/shared/search/search-index'
import { normalize } from '../../src/shared/text/normalize'
import { progress, sendResult } from '../lib/protocol'
import { queryTerms, sampleQueries } from '../lib/queries'
import type { SampledQuery } from '../lib/queries'
import type { Mismatch, WarmResult } from '../lib/results'
import { makeRng } from '../../tests/support/rng'
import { latency, median } from '../lib/stats'

const [archiveDir, queriesOut, detailsOut, seedArg, scanTextOut, roundsArg] = process.argv.slice(
  2,
) as [string, string, string, string, string, string]
const rounds = Math.max(1, Number(roundsArg) || 5)

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

const sampled: SampledQuery[] = sampleQueries(
  makeRng(Number(seedArg)),
  texts.map((norm, d) => ({ norm, raw: (inputs[d] as { text: string }).text })),
)
writeFileSync(queriesOut, sampled.map((x) => x.q).join('\n') + '\n')

const joined = JoinedScan.of(texts)
writeFileSync(scanTextOut, joined.text)
/** The baseline: every word of the query looked up in the joined text. */
const scan = (q: string): number[] => joined.find(queryTerms(q))

progress('sampling words and phrases by hit count …')
const bandSample = sampleBandQueries(
  makeRng(Number(seedArg) + 1),
  texts,
  joined,
  new Set(sampled.map((x) => x.q)),
)
const queries: { q: string; kind: string }[] = [
  ...sampled,
  ...bandSample.queries.map((b) => ({ q: b.q, kind: bandKind(b.band) })),
]
progress(`${sampled.length} sampled + ${bandSample.queries.length} band queries from ${n} articles`)

function bandKind(band: BandName): string {
  return `band ${band}`
}

const timed = (fn: () => unknown): number => {
  const s = performance.now()
  fn()
  return performance.now() - s
}

// Warm-up: JIT for both sides, and the first page reads of the service.
for (const { q } of queries.slice(0, 20)) {
  service.searchSync({ q, limit: 20 })
  scan(q)
}

// Interleaved rounds: each query's engine, engine-only and scan run back to back, in a fresh
// order each round.
const samples = queries.map(() => ({
  engine: [] as number[],
  core: [] as number[],
  scan: [] as number[],
}))
const rng = makeRng(Number(seedArg) + 2)
for (let r = 0; r < rounds; r++) {
  progress(`timing round ${r + 1} of ${rounds} …`)
  for (const i of shuffled(
    rng,
    queries.map((_, k) => k),
  )) {
    const q = (queries[i] as { q: string }).q
    const s = samples[i] as { engine: number[]; core: number[]; scan: number[] }
    s.engine.push(timed(() => service.searchSync({ q, limit: 20 })))
    // Without snippets: the engine's own work, without reading and segmenting the hits' pages.
    s.core.push(timed(() => search(index, { q, limit: 20 }, () => undefined)))
    s.scan.push(timed(() => scan(q)))
  }
}
const engine = queries.map(({ q }) => service.searchSync({ q, limit: 20 }))
const scans = queries.map(({ q }) => scan(q))

progress('comparing result sets …')
let truePositives = 0
let engineFound = 0
let scanFound = 0
let exactQueries = 0
const mismatches: Mismatch[] = []
const details = queries.map(({ q, kind }, i) => {
  const all = search(index, { q, limit: Number.MAX_SAFE_INTEGER }, () => undefined)
  const got = new Set(all.hits.map((h) => h.articleId))
  const want = new Set((scans[i] as number[]).map((d) => ids[d]))
  let both = 0
  for (const id of got) if (want.has(id)) both++
  truePositives += both
  engineFound += got.size
  scanFound += want.size
  const limited = (engine[i] as { total: number }).total
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
    engineMs: median((samples[i] as { engine: number[] }).engine),
    coreMs: median((samples[i] as { core: number[] }).core),
    scanMs: median((samples[i] as { scan: number[] }).scan),
  }
})
writeFileSync(detailsOut, JSON.stringify(details, null, 1))

const kinds: Record<string, number> = {}
for (const x of sampled) kinds[x.kind] = (kinds[x.kind] ?? 0) + 1
// The headline figures stay those of the sampled queries (today's keys); the bands are apart.
const sampledDetails = details.slice(0, sampled.length)
const hitCounts = sampledDetails.map((d) => d.hits)
const byHits: WarmResult['byHits'] = {}
for (const band of BANDS) {
  const ds = details.filter((d) => d.kind === bandKind(band.name))
  byHits[band.name] = {
    queries: ds.length,
    medianHits: median(ds.map((d) => d.hits)),
    engine: latency(ds.map((d) => d.engineMs)),
    core: latency(ds.map((d) => d.coreMs)),
    scan: latency(ds.map((d) => d.scanMs)),
  }
}

const result: WarmResult = {
  openMs,
  collectMs,
  articles: n,
  textChars,
  sameArticles,
  queries: sampled.length,
  rounds,
  kinds,
  zeroHitQueries: hitCounts.filter((h) => h === 0).length,
  medianHits: hitCounts.sort((a, b) => a - b)[Math.floor(hitCounts.length / 2)] ?? 0,
  engine: latency(sampledDetails.map((d) => d.engineMs)),
  core: latency(sampledDetails.map((d) => d.coreMs)),
  scan: latency(sampledDetails.map((d) => d.scanMs)),
  scanKind: 'joined string, indexOf',
  byHits,
  bandsShort: bandSample.short,
  recall: scanFound === 0 ? 1 : truePositives / scanFound,
  precision: engineFound === 0 ? 1 : truePositives / engineFound,
  exactQueries,
  checkedQueries: queries.length,
  engineFound,
  scanFound,
  mismatches,
  slowest: [...details].sort((a, b) => b.engineMs - a.engineMs).slice(0, 8),
}
sendResult(result)
