// `npm run bench:fields`: the field index of issue 14 (item 5) — suggestions, quick open and
// fielded search — on the bench corpus (chinese-poetry@2.0.1, as `npm run bench` builds it;
// `--scale F` takes a fraction of it). One process: the archive is opened (its n-gram index
// built once and cached in bench/.cache), then the field index is built from it and measured:
// build time, heap it holds (after a full GC), serialized size and load time, and p50/p95 of
// suggest, quick open, fielded search and did you mean over sampled inputs. It prints figures, never a timed
// test: latencies vary about ±30% between runs on a shared 2-core machine.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ArchiveService } from '../src/node/archive-service'
import { deserializeFieldIndex, fieldIdentity, serializeFieldIndex } from '../src/node/field-store'
import { buildFieldIndex, suggest } from '../src/shared/search/fields/field-index'
import { quickOpen } from '../src/shared/search/fields/quick-open'
import { DID_YOU_MEAN_CHECKS } from '../src/shared/search/fields/did-you-mean'
import { DID_YOU_MEAN_MAX_HITS } from '../src/shared/rules'
import { buildVocabulary } from '../src/shared/search/fields/vocabulary'
import { ensureArchive } from './lib/archive'
import { parseBenchArgs } from './lib/args'
import { ensurePoetry, listCorpus, POETRY_PACKAGE } from './lib/corpus'
import { makeRng } from '../tests/support/rng'
import { fmtBytes, latency, MB } from './lib/stats'

const CACHE = join(import.meta.dirname, '.cache')
const log = (m: string): void => void process.stderr.write(`${m}\n`)
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc (npm run bench:fields does)')
const heapNow = (): number => {
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

// `--archive DIR` measures an archive folder as it is (e.g. seeds/, to try the script quickly).
const argv = process.argv.slice(2)
const at = argv.indexOf('--archive')
const given = at >= 0 ? argv.splice(at, 2)[1] : undefined
const options = parseBenchArgs(argv)
let archiveDir: string
let corpusName: string
if (given) {
  archiveDir = given
  corpusName = given
} else {
  const dist = ensurePoetry(CACHE, log)
  const corpus = listCorpus(dist, 'json', POETRY_PACKAGE, options.scale, options.seed)
  archiveDir = join(CACHE, 'archives', `poetry-scale${options.scale}-seed${options.seed}`)
  ensureArchive(archiveDir, corpus, log)
  corpusName = `${corpus.name} scale ${options.scale}`
}
const pageBytes = readdirSync(archiveDir)
  .filter((f) => f.endsWith('.txt'))
  .reduce((s, f) => s + statSync(join(archiveDir, f)).size, 0)

log('opening the archive (its n-gram index is built once, then loaded) …')
const service = ArchiveService.open({ archiveDir, log })
const papers = service.catalog.papers
const index = service.index

const before = heapNow()
let t = performance.now()
const vocabulary = buildVocabulary(index, papers)
const vocabMs = performance.now() - t
t = performance.now()
const fields = buildFieldIndex(vocabulary)
const miniMs = performance.now() - t
const heldBytes = heapNow() - before

const source = fieldIdentity(index, papers) ?? 'unsaved'
t = performance.now()
const bytes = serializeFieldIndex(fields, source)
const saveMs = performance.now() - t
t = performance.now()
const loaded = deserializeFieldIndex(bytes, source)
const loadMs = performance.now() - t
if (loaded.entries.length !== fields.entries.length) throw new Error('load lost entries')

// Inputs: prefixes of 1–3 characters of vocabulary terms (weighted as typed: by term), dates
// and paper names for quick open, headline words and byline names for fielded search.
const rng = makeRng(options.seed)
const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)] as T
const terms = vocabulary.filter((e) => e.kind !== 'paper')
const prefixes = Array.from({ length: 400 }, () => {
  const e = pick(terms)
  return e.term.slice(0, 1 + Math.floor(rng() * Math.min(3, e.term.length)))
})
const issues = index.issues
const opens = Array.from({ length: 200 }, (_, i) => {
  const issue = pick(issues)
  const [y, m, d] = issue.date.split('-')
  const name = papers.find((p) => p.slug === issue.paper)?.name ?? issue.paper
  switch (i % 5) {
    case 0:
      return `${name} ${y}年${Number(m)}月${Number(d)}日`
    case 1:
      return `${issue.date}`
    case 2:
      return `${Number(m)}月${Number(d)}日`
    case 3:
      return `${y}-${m}`
    default:
      return pick(terms).text
  }
})
const headlineWords = vocabulary.filter((e) => e.kind === 'headline')
const bylineNames = vocabulary.filter((e) => e.kind === 'byline')
const fielded = Array.from({ length: 200 }, (_, i) =>
  i % 2 && bylineNames.length
    ? `byline:${pick(bylineNames).text}`
    : `headline:${pick(headlineWords.length ? headlineWords : terms).text}`,
)

// Mistyped queries for "did you mean": a term (2+ characters) with one character changed to one
// of another term's; most then find nothing or very little, which is when the reader asks.
const longer = terms.filter((e) => e.text.length >= 2)
const mistyped = Array.from({ length: 200 }, () => {
  const t = [...pick(longer).text]
  const other = [...pick(longer).text]
  t[Math.floor(rng() * t.length)] = other[Math.floor(rng() * other.length)] as string
  return t.join('')
})

function time(inputs: readonly string[], run: (s: string) => unknown): ReturnType<typeof latency> {
  for (const s of inputs.slice(0, 20)) run(s) // warm the JIT
  const samples: number[] = []
  for (const s of inputs) {
    const t0 = performance.now()
    run(s)
    samples.push(performance.now() - t0)
  }
  return latency(samples)
}
const src = {
  papers,
  issues: issues.filter((_, i) => index.live[i] === 1),
  fields,
  search: (r: Parameters<typeof service.searchSync>[0]) => service.searchSync(r),
}
const sug = time(prefixes, (p) => suggest(fields, p, 8))
const open = time(opens, (s) => quickOpen(src, s, 10))
const field = time(fielded, (q) => service.searchSync({ q, limit: 20 }))
// The reader asks for it only after a search found at most DID_YOU_MEAN_MAX_HITS: time those.
const few = mistyped.filter(
  (q) => service.searchSync({ q, limit: 1 }).total <= DID_YOU_MEAN_MAX_HITS,
)
const dym = time(few, (q) => service.didYouMeanSync({ q }))
const answers = few.map((q) => service.didYouMeanSync({ q }))
const checks = answers.map((r) => r.checked)
const offered = answers.filter((r) => r.offers.length > 0).length
const checksMax = Math.max(0, ...checks)
const checksMean = checks.reduce((a, b) => a + b, 0) / Math.max(1, checks.length)

const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`
const rows: [string, string, string][] = [
  ['page text', fmtBytes(pageBytes), ''],
  ['vocabulary', `${vocabulary.length} terms, ${ms(vocabMs)}`, ''],
  ['MiniSearch build', ms(miniMs), ''],
  [
    'build (vocabulary + MiniSearch)',
    ms(vocabMs + miniMs),
    '≤ 10 s ' + (vocabMs + miniMs <= 10_000 ? 'PASS' : 'FAIL'),
  ],
  [
    'heap held',
    `${fmtBytes(heldBytes)} = ${(heldBytes / pageBytes).toFixed(3)}× the text`,
    '≤ 0.5× ' + (heldBytes <= 0.5 * pageBytes ? 'PASS' : 'FAIL'),
  ],
  ['serialized (index.bin.fields)', `${fmtBytes(bytes.length)}, written in ${ms(saveMs)}`, ''],
  ['load (checksum + loadJSON)', ms(loadMs), ''],
  [
    'suggest p50 / p95',
    `${ms(sug.p50)} / ${ms(sug.p95)} (n=${sug.n})`,
    'p95 ≤ 5 ms ' + (sug.p95 <= 5 ? 'PASS' : 'FAIL'),
  ],
  ['quick open p50 / p95', `${ms(open.p50)} / ${ms(open.p95)} (n=${open.n})`, ''],
  ['fielded search p50 / p95', `${ms(field.p50)} / ${ms(field.p95)} (n=${field.n})`, ''],
  [
    'did you mean p50 / p95',
    `${ms(dym.p50)} / ${ms(dym.p95)} (n=${dym.n} mistyped queries with ≤ ${DID_YOU_MEAN_MAX_HITS} hits, ${offered} offered something)`,
    '',
  ],
  [
    '  searches counted per answer',
    `mean ${checksMean.toFixed(1)}, max ${checksMax} (cap ${DID_YOU_MEAN_CHECKS})`,
    '',
  ],
]
const w = Math.max(...rows.map((r) => r[0].length))
process.stdout.write(
  `bench:fields — ${corpusName}, ${index.issues.length} issues, ${service.indexStatusSync().articles} articles (${(pageBytes / MB).toFixed(1)} MB of page text)\n` +
    rows.map(([a, b, c]) => `${a.padEnd(w)}  ${b}${c ? `   [${c}]` : ''}`).join('\n') +
    '\n',
)
