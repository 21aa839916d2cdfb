// The merge policy of the segmented index (Lucene's log-structured merging, in our terms): every
// add appends a small segment, and a run of MERGE_FACTOR adjacent segments of the same size
// level is folded into one, so an archive of n issues has O(log n) segments and each document
// is rewritten O(log n) times over its life. Only adjacent segments merge, so doc order — and
// with it every answer, ties included — is that of one index built over the same issues in the
// same order. A merge also drops removed issues' documents for good; a segment more than half
// of whose documents are removed is rewritten on its own. Memory is bounded by the segments
// merged at once: a merge never makes a segment above MAX_MERGED_CHARS from smaller ones.
import { mergedSegment } from './search-index'
import { composeIndex } from './compose-index'
import type { SearchIndex, SegmentRef } from './compose-index'
import { segmentDocCount } from './segment'

export const MERGE_FACTOR = 10
/** Normalized characters below which a segment is of level 0 (about 20 pages of a newspaper). */
const LEVEL_BASE = 1 << 16
/** No merge makes a segment larger than this from smaller ones (about 270 MB of UTF-16 text). */
export const MAX_MERGED_CHARS = 2 ** 27

/** The characters of a segment's documents that are still in the archive. */
function liveChars(r: SegmentRef): number {
  const { docs } = r.seg
  if (!r.deleted.some((x) => x)) return docs.text.length
  let chars = 0
  for (let d = 0; d < segmentDocCount(r.seg); d++)
    if (!r.deleted[docs.issue[d] as number])
      chars += (docs.starts[d + 1] as number) - (docs.starts[d] as number)
  return chars
}

function deletedDocs(r: SegmentRef): number {
  let n = 0
  for (let d = 0; d < segmentDocCount(r.seg); d++) if (r.deleted[r.seg.docs.issue[d] as number]) n++
  return n
}

function level(chars: number): number {
  return chars < LEVEL_BASE
    ? 0
    : 1 + Math.floor(Math.log(chars / LEVEL_BASE) / Math.log(MERGE_FACTOR))
}

/** The next merge the policy wants, as [first, end) over the segments, or undefined. */
export function nextMerge(index: SearchIndex): [number, number] | undefined {
  const segs = index.segments
  for (let i = 0; i < segs.length; i++) {
    const r = segs[i] as SegmentRef
    if (deletedDocs(r) * 2 > segmentDocCount(r.seg)) return [i, i + 1]
  }
  const sizes = segs.map(liveChars)
  const levels = sizes.map(level)
  // The lowest level first: small merges are cheap and keep the count of segments down.
  const order = [...new Set(levels)].sort((a, b) => a - b)
  for (const want of order) {
    for (let i = 0; i < segs.length;) {
      if (levels[i] !== want) {
        i++
        continue
      }
      let j = i
      let chars = 0
      while (j < segs.length && levels[j] === want && j - i < MERGE_FACTOR)
        chars += sizes[j++] as number
      if (j - i === MERGE_FACTOR && chars <= MAX_MERGED_CHARS) return [i, j]
      i = j
    }
  }
  return undefined
}

/** The index with segments [first, end) merged into one. */
export function mergeRange(index: SearchIndex, first: number, end: number): SearchIndex {
  const segs = index.segments
  const part = (r: SegmentRef): { seg: SegmentRef['seg']; deleted: Uint8Array; file?: string } => ({
    seg: r.seg,
    deleted: r.deleted,
    ...(r.file ? { file: r.file } : {}),
  })
  const merged = mergedSegment(segs.slice(first, end))
  const parts = [
    ...segs.slice(0, first).map(part),
    ...(merged.issues.length ? [{ seg: merged }] : []),
    ...segs.slice(end).map(part),
  ]
  return composeIndex(parts)
}

/** Applies the policy's merges until it wants none. */
export function mergeByPolicy(index: SearchIndex): SearchIndex {
  for (let range = nextMerge(index); range; range = nextMerge(index))
    index = mergeRange(index, range[0], range[1])
  return index
}

/** Everything in one segment (on demand, e.g. before an archive is shipped). */
export function mergeAll(index: SearchIndex): SearchIndex {
  return index.segments.length <= 1 && !index.segments.some((r) => r.deleted.some((x) => x))
    ? index
    : mergeRange(index, 0, index.segments.length)
}
