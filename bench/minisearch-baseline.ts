// `npm run bench:minisearch`: why article bodies are not indexed with MiniSearch. On the seed
// articles replicated R times (default 200, ~15 MB of text, the size measured in
// shared/notes), it builds the best MiniSearch set-up the notes describe (CJK bigrams + every
// single character, each character written as a fixed-width ASCII code so the radix tree stays
// narrow, and a substring check of each result for precision) and this project's n-gram index,
// then prints build time, heap, serialized size, load time, warm p50/p95 over the same sampled
// queries, and recall against a plain scan. Figures, never a timed test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { parseCatalog, sortCatalog } from '../src/shared/archive/catalog'
import { buildIssueView } from '../src/shared/archive/issue'
import { search } from '../src/shared/search/engine'
import { deserializeSegment } from '../src/shared/search/index-file'
import { serializeSegment } from '../src/shared/search/segment-write'
import { buildSearchIndex } from '../src/shared/search/search-index'
import type { DocInput } from '../src/shared/search/segment'
import { normalize } from '../src/shared/text/normalize'
import { segmentIo } from '../src/node/index-store'

const R = Number(process.argv.find((a) => a.startsWith('--replicas='))?.slice(11) ?? 200)
const QUERIES = 200
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc (npm run bench:minisearch does)')
const mem = (): number => {
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

// Corpus: the seed articles, replicated with small changes so documents differ.
const seeds = join(import.meta.dirname, '..', 'seeds')
const catalog = sortCatalog(parseCatalog(readFileSync(join(seeds, 'catalog.json'), 'utf8')))
const articles = catalog.issues.flatMap((issue) =>
  buildIssueView(
    issue,
    catalog.papers,
    issue.pages.map((p) => readFileSync(join(seeds, p.source), 'utf8')),
  ).pages.flatMap((p) => p.articles),
)
const docs: DocInput[] = []
for (let r = 0; r < R; r++) {
  for (const a of articles)
    docs.push({
      issue: r % 50,
      page: 1,
      article: 1,
      headline: a.headline,
      text: `${a.text.slice(r % 7)}${r}`,
    })
}
const issues = Array.from({ length: 50 }, (_, i) => ({
  id: `i${i}`,
  paper: `p${i % 4}`,
  date: `20${10 + (i % 10)}-01-01`,
}))
const normalized = docs.map((d) => `${normalize(d.headline)}\u0001${normalize(d.text)}`)
const textBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.headline + d.text), 0)

// Queries: substrings of 2–8 characters of random documents (seeded, repeatable).
let seed = 42
const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const queries: string[] = []
while (queries.length < QUERIES) {
  const body =
    (normalized[Math.floor(rand() * normalized.length)] as string).split('\u0001')[1] ?? ''
  const len = 2 + Math.floor(rand() * 7)
  const at = Math.floor(rand() * Math.max(1, body.length - len))
  const q = body.slice(at, at + len).replace(/[\s"“”-]/g, '')
  if (q.length >= 2 && !q.includes('OR')) queries.push(q)
}
const truth = queries.map((q) => new Set(normalized.flatMap((t, i) => (t.includes(q) ? [i] : []))))

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))
  ] as number
function timeQueries(run: (q: string) => Set<number>): {
  p50: number
  p95: number
  recall: number
  precision: number
} {
  for (const q of queries.slice(0, 20)) run(q) // warm the JIT
  const times: number[] = []
  let found = 0
  let correct = 0
  let expected = 0
  queries.forEach((q, i) => {
    const t = performance.now()
    const got = run(q)
    times.push(performance.now() - t)
    const want = truth[i] as Set<number>
    expected += want.size
    found += got.size
    for (const d of got) if (want.has(d)) correct++
  })
  return {
    p50: pct(times, 50),
    p95: pct(times, 95),
    recall: correct / Math.max(1, expected),
    precision: correct / Math.max(1, found),
  }
}

// 1. This project's index.
let before = mem()
let t = performance.now()
const index = buildSearchIndex(issues, docs)
const ourBuild = performance.now() - t
const ourHeap = mem() - before
const bytes = serializeSegment(index.segments[0]!.seg, segmentIo)
t = performance.now()
deserializeSegment(bytes, segmentIo)
const ourLoad = performance.now() - t
// Timed as the app runs it: a page of 20 hits (snippets aside). Recall is checked below.
const ours = timeQueries((q) => {
  search(index, { q: `"${q}"`, limit: 20 }, () => undefined)
  return new Set<number>()
})

// 2. MiniSearch, best set-up from the notes.
const code = (c: string): string => c.charCodeAt(0).toString(16).padStart(4, '0')
const grams = (s: string): string[] => {
  const out: string[] = []
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\u0001') continue
    out.push(code(s[i] as string))
    if (i + 1 < s.length && s[i + 1] !== '\u0001')
      out.push(code(s[i] as string) + code(s[i + 1] as string))
  }
  return out
}
const OPTIONS = {
  fields: ['text'],
  tokenize: grams,
  processTerm: (t: string) => t,
  searchOptions: { combineWith: 'AND' as const },
}
before = mem()
t = performance.now()
const mini = new MiniSearch(OPTIONS)
mini.addAll(normalized.map((text, id) => ({ id, text })))
const miniBuild = performance.now() - t
const miniHeap = mem() - before
const json = JSON.stringify(mini)
t = performance.now()
MiniSearch.loadJSON(json, OPTIONS)
const miniLoad = performance.now() - t
const miniTimes = timeQueries((q) => {
  // Only the pairs of a query of 2+ characters (its single characters add nothing but cost).
  const tokenize = (s: string): string[] =>
    s.length === 1 ? grams(s) : grams(s).filter((g) => g.length === 8)
  const hits = mini.search(q, { combineWith: 'AND', tokenize })
  // Phrase verification: bigrams in any order are not the phrase.
  return new Set(
    hits.map((h) => h.id as number).filter((id) => (normalized[id] as string).includes(q)),
  )
})

// 3. Plain warm scan.
const scan = timeQueries((q) => new Set(normalized.flatMap((s, i) => (s.includes(q) ? [i] : []))))

// Our engine reports hits by article id, which repeats across replicas; its recall is checked
// by count instead (every replica of a matching article is a hit).
const ourTotals = queries.map(
  (q) => search(index, { q: `"${q}"`, limit: 1 }, () => undefined).total,
)
const ourRecallByCount = ourTotals.every((n, i) => n === (truth[i] as Set<number>).size)

const MBs = (ms: number): string => (textBytes / 1e6 / (ms / 1000)).toFixed(1)
const rows = [
  ['', 'n-gram index (ours)', 'MiniSearch (bigrams+unigrams, ASCII codes)', 'String.includes scan'],
  [
    'build',
    `${ourBuild.toFixed(0)} ms (${MBs(ourBuild)} MB/s)`,
    `${miniBuild.toFixed(0)} ms (${MBs(miniBuild)} MB/s)`,
    '–',
  ],
  [
    'heap + buffers',
    `${(ourHeap / 1e6).toFixed(0)} MB (${(ourHeap / textBytes).toFixed(1)}× text)`,
    `${(miniHeap / 1e6).toFixed(0)} MB (${(miniHeap / textBytes).toFixed(1)}× text)`,
    `${(textBytes / 1e6).toFixed(0)} MB text`,
  ],
  [
    'on disk',
    `${(bytes.length / 1e6).toFixed(1)} MB`,
    `${(json.length / 1e6).toFixed(1)} MB JSON`,
    '–',
  ],
  ['load', `${ourLoad.toFixed(0)} ms`, `${miniLoad.toFixed(0)} ms (loadJSON)`, '–'],
  [
    'warm p50 / p95',
    `${ours.p50.toFixed(2)} / ${ours.p95.toFixed(2)} ms`,
    `${miniTimes.p50.toFixed(2)} / ${miniTimes.p95.toFixed(2)} ms`,
    `${scan.p50.toFixed(2)} / ${scan.p95.toFixed(2)} ms`,
  ],
  [
    'recall',
    ourRecallByCount ? '1.000 (hit counts = scan)' : 'MISMATCH',
    miniTimes.recall.toFixed(3),
    '1.000',
  ],
]
process.stdout.write(
  `Seeds ×${R}: ${docs.length} articles, ${(textBytes / 1e6).toFixed(1)} MB of text, ${QUERIES} queries (2–8 characters)\n\n`,
)
for (const r of rows)
  process.stdout.write(
    `${(r[0] as string).padEnd(16)}${(r[1] as string).padEnd(34)}${(r[2] as string).padEnd(46)}${r[3]}\n`,
  )
