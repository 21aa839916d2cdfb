// Bench child: builds the index of an archive folder from scratch with `ArchiveService.open`
// (no index.bin present), timing the phases through the service's own progress events, then
// checks that the segmenter made about one article per source entry (poem).
// argv: archiveDir manifestPath
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { listLengthAt } from '../../src/shared/search/ngram'
import { forEachTerm } from '../../src/shared/search/term-dictionary'
import { docCount, textLength } from '../../src/shared/search/search-index'
import type { Manifest } from '../lib/archive'
import { makeRng } from '../../tests/support/rng'
import { shuffled } from '../lib/rng'
import { progress, sendResult } from '../lib/protocol'
import type { BuildResult } from '../lib/results'

const [archiveDir, manifestPath] = process.argv.slice(2) as [string, string]
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
const indexPath = join(archiveDir, INDEX_FILE)
rmSync(indexPath, { force: true })
rmSync(`${indexPath}.segments`, { recursive: true, force: true })

// Phase marks from the service's progress events: each shard's 0..0.5 is reading and segmenting
// its pages, 0.5..1 building its segment, and the service reports their weighted sum; after 1
// the shards hand their segments over, index.bin is written and the service is 'ready'.
const marks: BuildResult['phases'] = {}
let lastReport = -1
const t0 = performance.now()
const service = ArchiveService.open({
  archiveDir,
  onProgress: (s) => {
    const t = performance.now() - t0
    if (s.state === 'ready') marks.ready = t
    else if (s.progress >= 1) marks.indexed ??= t
    else if (s.progress >= 0.5) marks.collected ??= t
    const tenth = Math.floor(s.progress * 10)
    if (s.state === 'building' && tenth > lastReport) {
      lastReport = tenth
      progress(`build ${(s.progress * 100).toFixed(0)}% at ${(t / 1000).toFixed(1)} s`)
    }
  },
  log: (m) => progress(m),
})
const buildMs = performance.now() - t0
// index.bin (the manifest) and its segment files.
const segDir = `${indexPath}.segments`
const indexBytes =
  statSync(indexPath).size +
  (existsSync(segDir)
    ? readdirSync(segDir).reduce((s, f) => s + statSync(join(segDir, f)).size, 0)
    : 0)

// One article per poem? Count the index's articles per issue against the entries written.
const perIssue = new Map<string, number>()
const { issue } = service.index.docs
for (let d = 0; d < docCount(service.index); d++) {
  const id = (service.index.issues[issue[d] as number] as { id: string }).id
  perIssue.set(id, (perIssue.get(id) ?? 0) + 1)
}
let fewer = 0
let more = 0
const examples: string[] = []
for (const f of manifest.files) {
  if (!f.entries) continue
  const got = perIssue.get(f.issueId) ?? 0
  if (got < f.entries) fewer++
  if (got > f.entries) more++
  if (got !== f.entries && examples.length < 8)
    examples.push(`${f.rel}: ${f.entries} entries → ${got} articles`)
}
// The reader's own view of a few issues must agree with the index.
const viewChecks: string[] = []
for (const f of shuffled(makeRng(7), manifest.files).slice(0, 5)) {
  const view = service.getIssueSync(f.issueId)
  const articles = view.pages.reduce((s, p) => s + p.articles.length, 0)
  viewChecks.push(
    `${f.rel}: ${f.entries} entries, getIssueSync ${articles} articles, index ${perIssue.get(f.issueId) ?? 0}`,
  )
}

const result: BuildResult = {
  buildMs,
  phases: marks,
  openResult: service.openResult,
  indexBytes,
  articles: docCount(service.index),
  issues: service.catalog.issues.length,
  textChars: textLength(service.index),
  distinctTerms: service.index.segments.reduce((s, r) => s + r.seg.ngram.terms.count, 0),
  postings: service.index.segments.reduce((s, r) => {
    forEachTerm(
      r.seg.ngram.terms,
      (_key, start, end) => (s += listLengthAt(r.seg.ngram, start, end)),
    )
    return s
  }, 0),
  segmentation: { fewer, more, examples, viewChecks },
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}
sendResult(result)
