// `npm run bench`: the search benchmark of issue #2 (item 7). It builds an archive folder from a
// large real corpus (chinese-poetry@2.0.1, or --corpus DIR of .txt files) with the project's own
// pipeline, then measures in separate child processes, so that no figure shares a heap or a JIT
// with another: index build, heap after load, cold time to the first answer against a cold
// naive scan, warm latency against a warm in-memory scan, and the recall of sampled queries.
// It prints one table (targets marked PASS/FAIL) and writes bench/.cache/results.json.
//
// This is a script that prints figures, never a timed test: latencies vary about ±30% between
// runs on a shared 2-core machine, so compare the ratios measured within one run.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureArchive } from './lib/archive'
import { buildAndHeapRows } from './lib/build-rows'
import { coldRuns } from './lib/cold-runs'
import { engineFingerprint } from './lib/fingerprint'
import { printNotes } from './lib/notes'
import { peerRows } from './lib/peer-report'
import { runPeers } from './lib/peer-runs'
import { recordScale, scaleRows } from './lib/scale-curve'
import { parseBenchArgs, USAGE } from './lib/args'
import { runChild } from './lib/child'
import { ensurePoetry, listCorpus, POETRY_PACKAGE } from './lib/corpus'
import type { Corpus } from './lib/corpus'
import { formatTable } from './lib/report'
import type { Row } from './lib/report'
import { BANDS } from './lib/bands'
import type {
  AddRemoveResult,
  BuildResult,
  HeapResult,
  QueryDetail,
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
const scanText = join(CACHE, `${tag}-scale${options.scale}-seed${options.seed}-articles.txt`)
const sourceBytes = manifest.sourceBytes
const queriesFile = join(CACHE, 'queries.txt')
mkdirSync(CACHE, { recursive: true })

// 2. Build (no index.bin): times ArchiveService.open.
log('\n[1/6] build: ArchiveService.open on the folder without index.bin …')
const build = (
  await runChild<BuildResult>(
    'build.ts',
    [archiveDir, join(archiveDir, 'bench-manifest.json')],
    childOptions,
  )
).result

// 3. Warm latency and recall (also samples the queries).
log('\n[2/6] warm latency and recall …')
const warm = (
  await runChild<WarmResult>(
    'warm.ts',
    [
      archiveDir,
      queriesFile,
      join(CACHE, 'query-details.json'),
      String(options.seed),
      scanText,
      String(options.rounds),
    ],
    childOptions,
  )
).result

// 4. Heap after load.
log('\n[3/6] heap after load …')
const heap = (await runChild<HeapResult>('heap.ts', [archiveDir, queriesFile], childOptions)).result

// 5. Cold first answer, against a cold naive scan; the empty child shows the runtime's floor.
log('\n[4/6] cold first answer …')
const coldQuery = options.coldQuery ?? (readFileSync(queriesFile, 'utf8').split('\n')[0] as string)
const { cold, coldChild, dropOk, dropped, dropError } = await coldRuns(
  { archiveDir, scanText, query: coldQuery },
  options,
  log,
)

// 6. A librarian's actions on the whole archive: add one issue, remove it (last: it writes).
log('\n[5/6] add and remove one issue …')
const addRemove = (await runChild<AddRemoveResult>('add-remove.ts', [archiveDir, '5'])).result

// 7. The peers, on the warm child's articles and queries.
log('\n[6/6] peers …')
const detailsFile = join(CACHE, 'query-details.json')
const peerRuns = await runPeers(
  options.peers,
  { scanText, details: detailsFile, scratch: join(CACHE, 'peers') },
  options.rounds,
  log,
)
const details = JSON.parse(readFileSync(detailsFile, 'utf8')) as QueryDetail[]
const peerTable = peerRows(details, peerRuns, manifest.textBytes)

// 8. Figures and targets. Every ratio is over the page text (what the archive holds), the
// issue's "94 MiB"; the source JSON is printed for comparison with earlier runs.
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
const text = manifest.textBytes
const ratio = (x: number): string => (x >= 1 ? `${x.toFixed(2)}×` : `1/${(1 / x).toFixed(1)}`)
const openCold = median(coldChild.index.map((r) => r.openedMs - r.importedMs))
const addMs = median(addRemove.addMs)
const removeMs = median(addRemove.removeMs)
const bandRows: Row[] = BANDS.map(({ name }) => {
  const b = warm.byHits[name]
  if (!b || b.queries === 0) return { label: `  ${name} hits`, value: 'no queries' }
  const r = b.engine.p95 / b.scan.p95
  return {
    label: `  ${name} hits (${b.queries} q, median ${b.medianHits})`,
    value: `p50 ${fmtMs(b.engine.p50)}  p95 ${fmtMs(b.engine.p95)}  (engine only ${fmtMs(b.core.p95)}) vs scan p95 ${fmtMs(b.scan.p95)}: ${ratio(r)}`,
    target: 'p95 ≤ 1/20',
    pass: r <= 1 / 20,
  }
})
const p50Ratio = warm.engine.p50 / warm.scan.p50
const p95Ratio = warm.engine.p95 / warm.scan.p95
const medianOf = (xs: number[]): number => median(xs)

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
  ...buildAndHeapRows({ build, heap, sourceKind, sourceBytes, textBytes: text }),
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
    label: 'runtime floor (node, bundled, empty)',
    value: `${fmtMs(coldNoop)}  [${cold.noop.map(fmtMs).join(', ')}]`,
  },
  {
    label: 'index: open + 1 search',
    value: `${fmtMs(coldIndex)}  [${cold.index.map(fmtMs).join(', ')}]`,
  },
  {
    label: 'open, cold (in child)',
    value: fmtMs(openCold),
    target: '≤ 100 ms',
    pass: openCold <= 100,
  },
  {
    label: '  in child: imports / open / query',
    value: `${fmtMs(medianOf(coldChild.index.map((r) => r.importedMs)))} / ${fmtMs(medianOf(coldChild.index.map((r) => r.openedMs - r.importedMs)))} / ${fmtMs(medianOf(coldChild.index.map((r) => r.answeredMs - r.openedMs)))}; ${coldChild.index[0]?.total ?? 0} hits`,
  },
  {
    label: 'scan: read+decode+indexOf, same articles',
    value: `${fmtMs(coldScan)}  [${cold.scan.map(fmtMs).join(', ')}]; ${(coldChild.scan[0]?.articles ?? 0).toLocaleString('en')} articles, ${coldChild.scan[0]?.matching ?? 0} contain q`,
  },
  {
    label: 'index / scan',
    value: ratio(coldIndex / coldScan),
    target: '≤ 1/5',
    pass: coldIndex <= coldScan / 5,
  },
  {
    section: `Warm latency (${warm.queries} sampled queries: ${Object.entries(warm.kinds)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}; median ${warm.medianHits} hits, ${warm.zeroHitQueries} with none; interleaved, median of ${warm.rounds} rounds per query)`,
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
    label: `in-memory scan (${warm.scanKind})`,
    value: `p50 ${fmtMs(warm.scan.p50)}  p95 ${fmtMs(warm.scan.p95)}  p99 ${fmtMs(warm.scan.p99)}  max ${fmtMs(warm.scan.max)}`,
  },
  { label: 'p50 index / scan', value: ratio(p50Ratio), target: '≤ 1/20', pass: p50Ratio <= 1 / 20 },
  { label: 'p95 index / scan', value: ratio(p95Ratio), target: '≤ 1/20', pass: p95Ratio <= 1 / 20 },
  {
    section: `Warm latency by hit count (the corpus's words and phrases, searchSync limit 20)${warm.bandsShort.length ? `; short of queries: ${warm.bandsShort.join(', ')}` : ''}`,
  },
  ...bandRows,
  {
    section: `Add and remove one issue (a ${(addRemove.pageBytes / 1000).toFixed(1)} KB page, median of ${addRemove.addMs.length}; the archive ends as it began)`,
  },
  {
    label: 'add one issue (check + commit)',
    value: `${fmtMs(addMs)}  [${addRemove.addMs.map(fmtMs).join(', ')}]`,
    target: '≤ 1 s',
    pass: addMs <= 1000,
  },
  {
    label: 'remove one issue',
    value: `${fmtMs(removeMs)}  [${addRemove.removeMs.map(fmtMs).join(', ')}]`,
  },
  {
    label: '  peak RSS / index after',
    value: `${fmtBytes(addRemove.maxRssBytes)} / ${fmtBytes(addRemove.indexBytesAfter)}`,
  },
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
  { label: 'queries with identical sets', value: `${warm.exactQueries} of ${warm.checkedQueries}` },
  ...peerTable.rows,
]
const curve = recordScale(CACHE, `${tag}-seed${options.seed}`, {
  scale: options.scale,
  date: new Date().toISOString(),
  engine: engineAtStart,
  loadAverage: loadavg(),
  textBytes: text,
  articles: build.articles,
  buildMs: build.buildMs,
  pageTextMBps: pageRate,
  indexBytes: build.indexBytes,
  heapBytes: heapTotal,
  openColdMs: openCold,
  openWarmMs: heap.openMs,
  coldIndexMs: coldIndex,
  coldScanMs: coldScan,
  warmP50: warm.core.p50,
  warmP95: warm.core.p95,
  bandP95: Object.fromEntries(BANDS.map(({ name }) => [name, warm.byHits[name]?.core.p95 ?? NaN])),
  addMs,
  removeMs,
  recall: warm.recall,
  precision: warm.precision,
})
rows.push(...scaleRows(curve, engineAtStart))

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
printNotes({ build, heap, coldChild, warm, engineChanged: engineAtEnd !== engineAtStart })
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
      build: { ...build, rateMBps: buildRate, pageTextMBps: pageRate },
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
      add: { oneIssueMs: addMs, runsMs: addRemove.addMs, pageBytes: addRemove.pageBytes },
      remove: { oneIssueMs: removeMs, runsMs: addRemove.removeMs },
      open: { coldMs: openCold, warmMs: heap.openMs },
      addRemove,
      scale: curve,
      // Per-query times stay in peer-details.json; here the figures and the summaries.
      peers: {
        runs: peerRuns.map(({ peer, result, error }) => {
          if (!result) return { peer, error }
          const { peerMs: _p, scanMs: _s, ...figures } = result
          return { peer, ...figures }
        }),
        latency: peerTable.summaries,
      },
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
writeFileSync(
  join(CACHE, 'peer-details.json'),
  JSON.stringify(peerRuns.map((r) => ({ peer: r.peer, peerMs: r.result?.peerMs }))),
)
