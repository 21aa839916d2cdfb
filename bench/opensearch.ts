// `npm run bench:opensearch [-- --scale F] [--seed N] [--opensearch-url URL]`: the embedded
// engine and OpenSearch side by side on the bench corpus (bench/lib/corpus.ts, 93.6 MiB of page
// text at scale 1): indexing time and throughput, index size, warm p50/p95 of the bench's
// sampled queries (limit 20, snippets included on both sides) and recall/precision of each
// against the exact truth (a String.includes scan of every article's normalized text).
// The embedded figures come from the bench's own children (build.ts, warm.ts), the OpenSearch
// ones from a local node (scripts/opensearch-node.ts, heap 1 GB) unless --opensearch-url.
// A shared, loaded 2-core machine gives noisy latencies: compare the ratios of one run.
import { mkdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startCluster } from '../scripts/opensearch-node'
import type { LocalCluster } from '../scripts/opensearch-node'
import { sortCatalog } from '../src/shared/archive/catalog'
import { loadCatalog } from '../src/node/catalog-recovery'
import { OpenSearchBackend } from '../src/node/search-backend/opensearch/backend'
import { Cluster } from '../src/node/search-backend/opensearch/connection'
import { archiveDocuments } from '../src/node/search-backend/opensearch/documents'
import { indexToOpenSearch } from '../src/node/search-backend/opensearch/indexer'
import { ensureArchive } from './lib/archive'
import { runChild } from './lib/child'
import { ensurePoetry, listCorpus, POETRY_PACKAGE } from './lib/corpus'
import { queryTerms } from './lib/queries'
import { formatTable } from './lib/report'
import type { Row } from './lib/report'
import type { BuildResult, WarmResult } from './lib/results'
import { fmtBytes, fmtMs, latency, MIB } from './lib/stats'

const CACHE = join(import.meta.dirname, '.cache')
const log = (m: string): void => void process.stderr.write(`${m}\n`)
const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    seed: { type: 'string' },
    'opensearch-url': { type: 'string' },
  },
})
const scale = Number(values.scale ?? 1)
const seed = Number(values.seed ?? 1)
const load = loadavg()[0]?.toFixed(1)
log(`bench:opensearch scale ${scale}, seed ${seed}, load average ${load} on this machine`)

mkdirSync(CACHE, { recursive: true })
const corpus = listCorpus(ensurePoetry(CACHE, log), 'json', POETRY_PACKAGE, scale, seed)
const archiveDir = join(CACHE, 'archives', `poetry-scale${scale}-seed${seed}`)
const manifest = ensureArchive(archiveDir, corpus, log)
const textMiB = manifest.textBytes / MIB

log('\n[1/4] embedded: build (ArchiveService.open without index.bin) …')
const build = (
  await runChild<BuildResult>('build.ts', [archiveDir, join(archiveDir, 'bench-manifest.json')])
).result
log('\n[2/4] embedded: warm latency and recall (samples the queries) …')
const queriesFile = join(CACHE, 'queries-opensearch.txt')
const warm = (
  await runChild<WarmResult>('warm.ts', [
    archiveDir,
    queriesFile,
    join(CACHE, 'query-details-opensearch.json'),
    String(seed),
  ])
).result
const queries = readFileSync(queriesFile, 'utf8').split('\n').filter(Boolean)

let node: LocalCluster | undefined
const url =
  values['opensearch-url'] ??
  (node = await startCluster({ name: 'ar-bench', httpPort: 9290 })).urls[0]!
try {
  const config = { urls: [url], indexPrefix: 'bench-', requestTimeoutMs: 120_000 }
  log(`\n[3/4] OpenSearch: index --to-opensearch ${url} …`)
  let lastLog = 0
  const indexed = await indexToOpenSearch({
    archiveDir,
    config,
    log,
    onProgress: (p) => {
      if (Date.now() - lastLog < 10_000) return
      lastLog = Date.now()
      log(`  ${p.issuesDone}/${p.issues} issues, ${p.articles} articles`)
    },
  })
  const cluster = new Cluster(config)
  await cluster.request({ method: 'POST', path: `/${indexed.index}/_flush` })
  const cat = (
    await cluster.request({
      method: 'GET',
      path: `/_cat/indices/${indexed.index}`,
      querystring: { format: 'json', bytes: 'b' },
    })
  ).body as unknown as { 'store.size': string; 'docs.count': string }[]
  const osBytes = Number(cat[0]?.['store.size'] ?? NaN)
  const nodes = (await cluster.request({ method: 'GET', path: '/_nodes/stats/jvm' })).body as {
    nodes: Record<
      string,
      { jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }
    >
  }
  const heap = Object.values(nodes.nodes)[0]?.jvm.mem
  await cluster.close()

  log(`\n[4/4] OpenSearch: ${queries.length} sampled queries, warm latency and recall …`)
  const backend = OpenSearchBackend.create(config)
  for (const q of queries.slice(0, 20)) await backend.search({ q, limit: 20 })
  const times: number[] = []
  for (const q of queries) {
    const t = performance.now()
    await backend.search({ q, limit: 20 })
    times.push(performance.now() - t)
  }
  const osLatency = latency(times)
  // The exact truth: every article's normalized text, every word checked with includes.
  const docs = [...archiveDocuments(archiveDir, sortCatalog(loadCatalog(archiveDir)))].flat()
  let truth = 0
  let found = 0
  let both = 0
  let exact = 0
  for (const q of queries) {
    const terms = queryTerms(q)
    const want = new Set(
      docs.filter((d) => terms.every((t) => d.text.includes(t))).map((d) => d.id),
    )
    const got = await backend.matchingIds({ q })
    let common = 0
    for (const id of got) if (want.has(id)) common++
    truth += want.size
    found += got.length
    both += common
    if (common === want.size && common === got.length) exact++
  }
  await backend.close()

  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`
  const rows: Row[] = [
    {
      label: 'corpus',
      value: `${POETRY_PACKAGE} at scale ${scale}: ${textMiB.toFixed(1)} MiB of page text, ${warm.articles} articles, ${queries.length} sampled queries`,
    },
    {
      label: 'indexing (embedded)',
      value: `${(build.buildMs / 1000).toFixed(1)} s = ${(textMiB / (build.buildMs / 1000)).toFixed(2)} MiB/s`,
    },
    {
      label: 'indexing (OpenSearch)',
      value: `${indexed.seconds.toFixed(1)} s = ${(textMiB / indexed.seconds).toFixed(2)} MiB/s (${(indexed.bytes / MIB).toFixed(0)} MiB of bulk NDJSON); ${(indexed.seconds / (build.buildMs / 1000)).toFixed(1)}× the embedded time`,
    },
    { label: 'index size (embedded index.bin)', value: fmtBytes(build.indexBytes) },
    {
      label: 'index size (OpenSearch store)',
      value: `${fmtBytes(osBytes)}; JVM heap used ${heap ? fmtBytes(heap.heap_used_in_bytes) : '?'} of ${heap ? fmtBytes(heap.heap_max_in_bytes) : '?'}`,
    },
    {
      label: 'warm p50 / p95 (embedded, limit 20)',
      value: `${fmtMs(warm.engine.p50)} / ${fmtMs(warm.engine.p95)}`,
    },
    {
      label: 'warm p50 / p95 (OpenSearch, limit 20)',
      value: `${fmtMs(osLatency.p50)} / ${fmtMs(osLatency.p95)} (${(osLatency.p50 / warm.engine.p50).toFixed(0)}× / ${(osLatency.p95 / warm.engine.p95).toFixed(0)}× the embedded)`,
    },
    {
      label: 'recall / precision (embedded)',
      value: `${pct(warm.recall)} / ${pct(warm.precision)}, ${warm.exactQueries}/${warm.queries} result sets identical to the scan`,
    },
    {
      label: 'recall / precision (OpenSearch)',
      value: `${pct(truth ? both / truth : 1)} / ${pct(found ? both / found : 1)}, ${exact}/${queries.length} result sets identical to the scan (${truth} article hits)`,
    },
  ]
  process.stdout.write(`\n${formatTable(rows)}\n`)
} finally {
  await node?.stop()
}
