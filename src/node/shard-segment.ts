// One shard's segment, read from its pages: what a shard worker (shard-worker.ts) does, kept
// apart from the worker's messaging so that it can be called in this thread too.
import { buildSegment } from '../shared/search/search-index'
import type { IndexSegment } from '../shared/search/segment'
import type { CorrectionEntry } from '../shared/archive/corrections'
import type { Catalog } from '../shared/types'
import { collectDocs } from './collect-docs'

/** The segment of `catalog`'s issues; `onProgress` gets 0..1 (half reading, half assembling). */
export function buildShardSegment(
  dir: string,
  catalog: Catalog,
  corrections: readonly CorrectionEntry[],
  onProgress?: (fraction: number) => void,
  log?: (message: string) => void,
): IndexSegment {
  const n = Math.max(1, catalog.issues.length)
  const docs = collectDocs(dir, catalog, (done) => onProgress?.((0.5 * done) / n), log, corrections)
  const issues = catalog.issues.map((i) => ({ id: i.id, paper: i.paper, date: i.date }))
  return buildSegment(issues, docs, onProgress && ((f) => onProgress(0.5 + 0.5 * f)))
}
