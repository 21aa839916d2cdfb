// `npm run bench`: the search benchmark of issue #2 (item 7). It builds an archive folder from a
// large real corpus (chinese-poetry@2.0.1, or --corpus DIR of .txt files) with the project's own
// pipeline, then measures in separate child processes, so that no figure shares a heap or a JIT
// with another: index build, heap after load, cold time to the first answer against a cold
// naive scan, warm latency against a warm in-memory scan, and the recall of sampled queries.
// It prints one table (targets marked PASS/FAIL) and writes bench/.cache/results.json.
//
// This is a script that prints figures, never a timed test: latencies vary about ±30% between
// runs on a shared 2-core machine, so compare the ratios measured within one run.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureArchive } from './lib/archive'
import { parseBenchArgs, USAGE } from './lib/args'
import { runChild } from './lib/child'
import type { ChildRun } from './lib/child'
import { ensurePoetry, listCorpus, POETRY_PACKAGE } from './lib/corpus'
import type { Corpus } from './lib/corpus'
import { formatTable } from './lib/report'
import type { Row } from './lib/report'
import type {
  BuildResult,
  ColdIndexResult,
  ColdScanResult,
  HeapResult,
  NoopResult,
  WarmResult,
} from './lib/results'
import { fmtBytes, fmtMs, MB, median } from './lib/stats'

const CACHE = join(import.meta.dirname, '.cache')
const log = (m: string): void => void process.stderr.write(`${m}\n`)

let options: ReturnType<typeof parseBenchArgs>
try {
  options = parseBenchArgs(process.argv.slice(2))
} catch (e) {
  log(`bench: ${(e as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
if (options.help) {
  log(USAGE)
  process.exit(0)
}
const started = performance.now()

/** A hash of the engine's sources, so a run during which the engine changed says so. */
function engineFingerprint(): string {
  const h = createHash('sha256')
  const src = join(import.meta.dirname, '..', 'src')
  for (const dir of ['shared/search', 'shared/text', 'shared/archive', 'node']) {
    const abs = join(src, dir)
    for (const f of readdirSync(abs).sort())
      if (f.endsWith('.ts')) h.update(readFileSync(join(abs, f)))
  }
  return h.digest('hex').slice(0, 12)
}
const engineAtStart = engineFingerprint()
const profileDir = options.profile ? join(CACHE, 'prof') : undefined
const childOptions = profileDir ? { profileDir } : {}

// 1. Corpus and archive folder.
let corpus: Corpus
let tag: string
if (options.corpus) {
  const dir = resolve(options.corpus)
  corpus = listCorpus(dir, 'txt', `txt:${dir}`, options.scale, options.seed)
  tag = `txt-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`
} else {
  const dist = ensurePoetry(CACHE, log)
  corpus = listCorpus(dist, 'json', POETRY_PACKAGE, options.scale, options.seed)
  tag = 'poetry'
}
if (corpus.files.length === 0) {
  log(`bench: no source files in ${corpus.root}`)
  process.exit(1)
}
const archiveDir = join(CACHE, 'archives', `${tag}-scale${options.scale}-seed${options.seed}`)
log(`corpus ${corpus.name}: ${corpus.files.length} of ${corpus.totalFiles} files`)
const manifest = ensureArchive(archiveDir, corpus, log)
const skipped = new Set(manifest.skipped.map((x) => x.rel))
const sourceFiles = corpus.files.filter((f) => !skipped.has(f.rel))
const fileList = join(CACHE, `${tag}-scale${options.scale}-seed${options.seed}-files.txt`)
writeFileSync(fileList, sourceFiles.map((f) => f.path).join('\n') + '\n')
const sourceBytes = manifest.sourceBytes
const queriesFile = join(CACHE, 'queries.txt')
mkdirSync(CACHE, { recursive: true })

// 2. Build (no index.bin): times ArchiveService.open.
log('\n[1/4] build: ArchiveService.open on the folder without index.bin …')
const build = (
  await runChild<BuildResult>(
    'build.ts',
    [archiveDir, join(archiveDir, 'bench-manifest.json')],
    childOptions,
  )
).result

// 3. Warm latency and recall (also samples the queries).
log('\n[2/4] warm latency and recall …')
const warm = (
  await runChild<WarmResult>(
    'warm.ts',
    [archiveDir, queriesFile, join(CACHE, 'query-details.json'), String(options.seed)],
    childOptions,
  )
).result

// 4. Heap after load.
log('\n[3/4] heap after load …')
const heap = (await runChild<HeapResult>('heap.ts', [archiveDir, queriesFile], childOptions)).result

// 5. Cold first answer, against a cold naive scan; the empty child shows the runtime's floor.
log('\n[4/4] cold first answer …')
const coldQuery = options.coldQuery ?? (readFileSync(queriesFile, 'utf8').split('\n')[0] as string)
let dropError: string | undefined
function dropCaches(): boolean {
  if (!options.dropCaches) return false
  try {
    execFileSync('sync')
    writeFileSync('/proc/sys/vm/drop_caches', '3')
    return true
  } catch (e) {
    dropError = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    return false
  }
}
const cold = { noop: [] as number[], index: [] as number[], scan: [] as number[] }
const coldChild = {
  index: [] as ColdIndexResult[],
  scan: [] as ColdScanResult[],
  noop: [] as NoopResult[],
}
let dropped = 0
for (let run = 0; run < options.coldRuns; run++) {
  for (const kind of ['noop', 'index', 'scan'] as const) {
    if (dropCaches()) dropped++
    let r: ChildRun<NoopResult | ColdIndexResult | ColdScanResult>
    if (kind === 'noop') r = await runChild<NoopResult>('noop.ts', [])
    else if (kind === 'index')
      r = await runChild<ColdIndexResult>('cold-index.ts', [archiveDir, coldQuery])
    else r = await runChild<ColdScanResult>('cold-scan.ts', [fileList, coldQuery])
    cold[kind].push(r.answeredMs as number)
    ;(coldChild[kind] as unknown[]).push(r.result)
    log(`  cold ${kind} run ${run + 1}: ${fmtMs(r.answeredMs as number)}`)
  }
}
const dropOk = dropped === options.coldRuns * 3

// 6. Figures and targets.
const mb = sourceBytes / MB
const buildRate = mb / (build.buildMs / 1000)
const pageRate = manifest.textBytes / MB / (build.buildMs / 1000)
// The brief measures against the source files; the issue's "94 MiB" matches the page text
// extracted from them, so both readings are printed.
const sourceKind = options.corpus ? 'the .txt files' : 'the source JSON'
const heapTotal = heap.afterOpen.heapUsed + heap.afterOpen.external
const coldIndex = median(cold.index)
const coldScan = median(cold.scan)
const coldNoop = median(cold.noop)
const p50Ratio = warm.engine.p50 / warm.scan.p50
const p95Ratio = warm.engine.p95 / warm.scan.p95
const ratio = (x: number): string => (x >= 1 ? `${x.toFixed(2)}×` : `1/${(1 / x).toFixed(1)}`)
const medianOf = (xs: number[]): number => median(xs)
const ph = build.phases
const phase = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined ? '?' : fmtMs(b - a)

const rows: Row[] = [
  { section: `Corpus: ${corpus.name}${options.scale < 1 ? ` at --scale ${options.scale}` : ''}` },
  {
    label: 'source files',
    value: `${sourceFiles.length} of ${corpus.totalFiles}${corpus.excluded.length ? ` (excluded: ${corpus.excluded.join(', ')})` : ''}${skipped.size ? `, ${skipped.size} skipped (${[...new Set(manifest.skipped.map((x) => x.reason))].join(', ')})` : ''}`,
  },
  { label: `text size: ${sourceKind}`, value: fmtBytes(sourceBytes) },
  {
    label: 'text size: page text written',
    value: `${fmtBytes(manifest.textBytes)}, ${build.textChars.toLocaleString('en')} normalized chars indexed`,
  },
  {
    label: 'issues / articles',
    value: `${build.issues} / ${build.articles.toLocaleString('en')}${manifest.entries ? ` (source entries ${manifest.entries.toLocaleString('en')}; ${build.segmentation.fewer} pages fewer, ${build.segmentation.more} more)` : ''}`,
  },
  { section: 'Build (ArchiveService.open without index.bin)' },
  { label: 'build time', value: fmtMs(build.buildMs) },
  {
    label: '  phases',
    value: `read+segment pages ${phase(0, ph.collected)}, index in memory ${phase(ph.collected, ph.indexed)}, write index.bin ${phase(ph.indexed, ph.ready)}`,
  },
  {
    label: `build rate over ${sourceKind}`,
    value: `${buildRate.toFixed(2)} MB/s`,
    target: '≥ 2 MB/s',
    pass: buildRate >= 2,
  },
  {
    label: '  over the page text',
    value: `${pageRate.toFixed(2)} MB/s`,
    target: '≥ 2 MB/s',
    pass: pageRate >= 2,
  },
  {
    label: 'index.bin on disk',
    value: `${fmtBytes(build.indexBytes)} = ${(build.indexBytes / sourceBytes).toFixed(2)}× source`,
  },
  {
    label: '  terms / postings',
    value: `${build.distinctTerms.toLocaleString('en')} / ${build.postings.toLocaleString('en')}`,
  },
  { label: 'peak RSS while building', value: fmtBytes(build.maxRssBytes) },
  { section: 'Heap after load (fresh process, index.bin loaded, after global.gc())' },
  { label: 'open (load index.bin)', value: fmtMs(heap.openMs) },
  { label: 'heapUsed', value: fmtBytes(heap.afterOpen.heapUsed) },
  { label: 'external', value: fmtBytes(heap.afterOpen.external) },
  { label: 'arrayBuffers (part of external)', value: fmtBytes(heap.afterOpen.arrayBuffers) },
  { label: 'rss', value: fmtBytes(heap.afterOpen.rss) },
  {
    label: 'heapUsed + external',
    value: `${fmtBytes(heapTotal)} = ${(heapTotal / sourceBytes).toFixed(2)}× ${sourceKind}`,
    target: '≤ 6× text',
    pass: heapTotal <= 6 * sourceBytes,
  },
  {
    label: '  against the page text',
    value: `${(heapTotal / manifest.textBytes).toFixed(2)}× page text`,
    target: '≤ 6× text',
    pass: heapTotal <= 6 * manifest.textBytes,
  },
  {
    label: `  after ${heap.queries} searches`,
    value: `${fmtBytes(heap.afterQueries.heapUsed + heap.afterQueries.external)} (empty runtime: ${fmtBytes(heap.baseline.heapUsed + heap.baseline.external)})`,
  },
  {
    section: `Cold first answer (median of ${options.coldRuns}; parent clock from spawn() to the answer line; q = ${JSON.stringify(coldQuery)})`,
  },
  {
    label: 'OS page cache dropped',
    value: dropOk
      ? `yes, before each of ${dropped} runs (sync; echo 3 > /proc/sys/vm/drop_caches)`
      : `no${dropError ? ` (${dropError})` : options.dropCaches ? '' : ' (--no-drop-caches)'}: runs are warm-cache`,
  },
  {
    label: 'runtime floor (node + tsx, empty)',
    value: `${fmtMs(coldNoop)}  [${cold.noop.map(fmtMs).join(', ')}]`,
  },
  {
    label: 'index: open + 1 search',
    value: `${fmtMs(coldIndex)}  [${cold.index.map(fmtMs).join(', ')}]`,
  },
  {
    label: '  in child: imports / open / query',
    value: `${fmtMs(medianOf(coldChild.index.map((r) => r.importedMs)))} / ${fmtMs(medianOf(coldChild.index.map((r) => r.openedMs - r.importedMs)))} / ${fmtMs(medianOf(coldChild.index.map((r) => r.answeredMs - r.openedMs)))}; ${coldChild.index[0]?.total ?? 0} hits`,
  },
  {
    label: 'naive scan: read+decode+includes',
    value: `${fmtMs(coldScan)}  [${cold.scan.map(fmtMs).join(', ')}]; ${coldChild.scan[0]?.files ?? 0} files, ${coldChild.scan[0]?.matching ?? 0} contain q`,
  },
  {
    label: 'index / scan',
    value: ratio(coldIndex / coldScan),
    target: '≤ 3×',
    pass: coldIndex <= 3 * coldScan,
  },
  {
    section: `Warm latency (${warm.queries} sampled queries: ${Object.entries(warm.kinds)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; median ${warm.medianHits} hits, ${warm.zeroHitQueries} with none)`,
  },
  {
    label: 'searchSync limit 20',
    value: `p50 ${fmtMs(warm.engine.p50)}  p95 ${fmtMs(warm.engine.p95)}  p99 ${fmtMs(warm.engine.p99)}  max ${fmtMs(warm.engine.max)}`,
  },
  {
    label: '  engine only (no snippets)',
    value: `p50 ${fmtMs(warm.core.p50)}  p95 ${fmtMs(warm.core.p95)}  p99 ${fmtMs(warm.core.p99)}  max ${fmtMs(warm.core.max)}`,
  },
  {
    label: 'in-memory includes scan',
    value: `p50 ${fmtMs(warm.scan.p50)}  p95 ${fmtMs(warm.scan.p95)}  p99 ${fmtMs(warm.scan.p99)}  max ${fmtMs(warm.scan.max)}`,
  },
  { label: 'p50 index / scan', value: ratio(p50Ratio), target: '≤ 1/20', pass: p50Ratio <= 1 / 20 },
  { label: 'p95 index / scan', value: ratio(p95Ratio), target: '≤ 1/3', pass: p95Ratio <= 1 / 3 },
  {
    section: 'Recall (complete result sets: engine vs includes scan over normalized article text)',
  },
  {
    label: 'recall',
    value: `${(warm.recall * 100).toFixed(3)}% (${warm.scanFound.toLocaleString('en')} expected)`,
    target: '100%',
    pass: warm.recall === 1,
  },
  {
    label: 'precision',
    value: `${(warm.precision * 100).toFixed(3)}% (${warm.engineFound.toLocaleString('en')} found)`,
    target: '100%',
    pass: warm.precision === 1,
  },
  { label: 'queries with identical sets', value: `${warm.exactQueries} of ${warm.queries}` },
]

const totalS = (performance.now() - started) / 1000
const engineAtEnd = engineFingerprint()
const out = formatTable(rows)
process.stdout.write(
  `\nArchive Reader search benchmark — ${new Date().toISOString()}\n` +
    `engine sources ${engineAtStart}; node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; MB = 10^6 bytes, MiB = 2^20\n` +
    out +
    '\n',
)
if (build.segmentation.examples.length) {
  process.stdout.write('\nPages whose article count differs from their source entries:\n')
  for (const x of build.segmentation.examples) process.stdout.write(`  ${x}\n`)
}
if (engineAtEnd !== engineAtStart)
  process.stdout.write(
    "\nWARNING: the engine's source files changed during this run; figures mix versions.\n",
  )
if (heap.index !== 'loaded')
  process.stdout.write(
    '\nWARNING: the heap child rebuilt the index instead of loading index.bin.\n',
  )
if (coldChild.index.some((r) => r.index !== 'loaded'))
  process.stdout.write('\nWARNING: a cold run rebuilt the index instead of loading index.bin.\n')
if (!warm.sameArticles)
  process.stdout.write(
    "\nWARNING: the scan's articles are not the index's articles (ids differ).\n",
  )
if (warm.mismatches.length) {
  process.stdout.write('\nQueries whose result sets differ (engine vs scan):\n')
  for (const m of warm.mismatches) process.stdout.write(`  ${JSON.stringify(m)}\n`)
}
process.stdout.write('\nSlowest queries (searchSync ms / engine-only ms / scan ms, hits):\n')
for (const s of warm.slowest)
  process.stdout.write(
    `  ${JSON.stringify(s.q)} [${s.kind}]  ${fmtMs(s.engineMs)} / ${fmtMs(s.coreMs)} / ${fmtMs(s.scanMs)}, ${s.hits}\n`,
  )
if (options.scale < 1 || sourceBytes < 94 * 2 ** 20)
  process.stdout.write(
    "\nNote: the issue's targets apply to a corpus of ≥ 94 MiB; this run is smaller.\n",
  )
process.stdout.write(
  `\nTotal bench time ${totalS.toFixed(0)} s. Figures: bench/.cache/results.json; queries: bench/.cache/queries.txt\n`,
)

writeFileSync(
  join(CACHE, 'results.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      engineSources: { start: engineAtStart, end: engineAtEnd },
      loadAverage: loadavg(),
      options,
      corpus: {
        name: corpus.name,
        files: sourceFiles.length,
        totalFiles: corpus.totalFiles,
        excluded: corpus.excluded,
      },
      sourceBytes,
      textBytes: manifest.textBytes,
      entries: manifest.entries,
      build: { ...build, rateMBps: buildRate },
      heap,
      cold: {
        query: coldQuery,
        dropCaches: dropOk,
        dropError,
        runsMs: cold,
        medianMs: { index: coldIndex, scan: coldScan, noop: coldNoop },
        children: coldChild,
      },
      warm,
      targets: Object.fromEntries(
        rows
          .filter((r) => r.pass !== undefined)
          .map((r) => [r.label, { value: r.value, target: r.target, pass: r.pass }]),
      ),
      totalSeconds: totalS,
    },
    null,
    2,
  ),
)
