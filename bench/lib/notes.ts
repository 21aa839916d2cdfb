// What `npm run bench` prints under its table: pages segmented otherwise than their source,
// warnings that make a run's figures doubtful, the mismatching and the slowest queries.
import type { BuildResult, ColdIndexResult, HeapResult, WarmResult } from './results'
import { fmtMs } from './stats'

export function printNotes(r: {
  build: BuildResult
  heap: HeapResult
  coldChild: { index: ColdIndexResult[] }
  warm: WarmResult
  engineChanged: boolean
}): void {
  if (r.build.segmentation.examples.length) {
    process.stdout.write('\nPages whose article count differs from their source entries:\n')
    for (const x of r.build.segmentation.examples) process.stdout.write(`  ${x}\n`)
  }
  if (r.engineChanged)
    process.stdout.write(
      "\nWARNING: the engine's source files changed during this run; figures mix versions.\n",
    )
  if (r.heap.index !== 'loaded')
    process.stdout.write(
      '\nWARNING: the heap child rebuilt the index instead of loading index.bin.\n',
    )
  if (r.coldChild.index.some((c) => c.index !== 'loaded'))
    process.stdout.write('\nWARNING: a cold run rebuilt the index instead of loading index.bin.\n')
  if (!r.warm.sameArticles)
    process.stdout.write(
      "\nWARNING: the scan's articles are not the index's articles (ids differ).\n",
    )
  if (r.warm.mismatches.length) {
    process.stdout.write('\nQueries whose result sets differ (engine vs scan):\n')
    for (const m of r.warm.mismatches) process.stdout.write(`  ${JSON.stringify(m)}\n`)
  }
  process.stdout.write('\nSlowest queries (searchSync ms / engine-only ms / scan ms, hits):\n')
  for (const s of r.warm.slowest)
    process.stdout.write(
      `  ${JSON.stringify(s.q)} [${s.kind}]  ${fmtMs(s.engineMs)} / ${fmtMs(s.coreMs)} / ${fmtMs(s.scanMs)}, ${s.hits}\n`,
    )
}
