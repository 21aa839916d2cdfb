// The build and heap sections of the bench table: build time by phase, rates over the source
// and over the page text, the index on disk, and the heap after a fresh process loads it.
import type { Row } from './report'
import type { BuildResult, HeapResult } from './results'
import { fmtBytes, fmtMs, MB } from './stats'

export function buildAndHeapRows(m: {
  build: BuildResult
  heap: HeapResult
  /** What the source bytes are ("the source JSON", "the .txt files"). */
  sourceKind: string
  sourceBytes: number
  textBytes: number
}): Row[] {
  const { build, heap, sourceKind, sourceBytes, textBytes } = m
  const buildRate = sourceBytes / MB / (build.buildMs / 1000)
  const pageRate = textBytes / MB / (build.buildMs / 1000)
  const total = heap.afterOpen.heapUsed + heap.afterOpen.external
  const ph = build.phases
  const phase = (a: number | undefined, b: number | undefined): string =>
    a === undefined || b === undefined ? '?' : fmtMs(b - a)
  return [
    { section: 'Build (ArchiveService.open without index.bin)' },
    { label: 'build time', value: fmtMs(build.buildMs) },
    {
      // The service's progress is the shards' weighted sum, half of each for reading and
      // segmenting its pages: the first two marks are where that sum crossed 1/2 and 1, so they
      // blur when shards run at different speeds; the last spans the shards handing their
      // segments over, writing index.bin and opening the field index.
      label: '  phases (by progress)',
      value: `to 50% ${phase(0, ph.collected)}, to 100% ${phase(ph.collected, ph.indexed)}, then hand-over + write index.bin + fields ${phase(ph.indexed, ph.ready)}`,
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
      target: '≥ 10 MB/s',
      pass: pageRate >= 10,
    },
    {
      label: 'index.bin on disk',
      value: `${fmtBytes(build.indexBytes)} = ${(build.indexBytes / textBytes).toFixed(2)}× page text (${(build.indexBytes / sourceBytes).toFixed(2)}× source)`,
      target: '≤ 1.5× text',
      pass: build.indexBytes <= 1.5 * textBytes,
    },
    {
      label: '  terms / postings',
      value: `${build.distinctTerms.toLocaleString('en')} / ${build.postings.toLocaleString('en')}`,
    },
    { label: 'peak RSS while building', value: fmtBytes(build.maxRssBytes) },
    { section: 'Heap after load (fresh process, index.bin loaded, after global.gc())' },
    { label: 'open (load index.bin), warm cache', value: fmtMs(heap.openMs) },
    { label: 'heapUsed', value: fmtBytes(heap.afterOpen.heapUsed) },
    { label: 'external', value: fmtBytes(heap.afterOpen.external) },
    { label: 'arrayBuffers (part of external)', value: fmtBytes(heap.afterOpen.arrayBuffers) },
    { label: 'rss', value: fmtBytes(heap.afterOpen.rss) },
    {
      label: 'heapUsed + external',
      value: `${fmtBytes(total)} = ${(total / sourceBytes).toFixed(2)}× ${sourceKind}`,
      target: '≤ 6× text',
      pass: total <= 6 * sourceBytes,
    },
    {
      label: '  against the page text',
      value: `${(total / textBytes).toFixed(2)}× page text`,
      target: '≤ 2× text',
      pass: total <= 2 * textBytes,
    },
    {
      label: `  after ${heap.queries} searches`,
      value: `${fmtBytes(heap.afterQueries.heapUsed + heap.afterQueries.external)} (empty runtime: ${fmtBytes(heap.baseline.heapUsed + heap.baseline.external)})`,
    },
  ]
}
