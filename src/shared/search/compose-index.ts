// How segments make one index (SearchIndex): doc and issue numbers run through them in order;
// the engine's columns over all of them, and what a listing counts, are made from the
// segments' own columns.
import { segmentDocCount } from './segment'
import type { IndexSegment, IssueRow } from './segment'

/** A segment in the index: where its docs and issues start among the index's. */
export interface SegmentRef {
  seg: IndexSegment
  docBase: number
  issueBase: number
  /** 1 for each of the segment's issues that was removed (its docs are skipped until a merge). */
  deleted: Uint8Array
  /** Its file's name once persisted (index-store.ts); segments are immutable, so written once. */
  file?: string
}

/** The columns the engine reads for every hit, over the index's doc ids (all segments). */
export interface IndexColumns {
  /** The index's issue number of doc d (a position in SearchIndex.issues). */
  issue: Uint32Array
  page: Uint16Array
  article: Uint16Array
  type: Uint8Array
  /** The first part of d's story, as an index doc id (stories never cross issues, so segments). */
  story: Uint32Array
  /** Length of d's normalized text plus its separator (BM25's document length). */
  len: Uint32Array
}

export interface SearchIndex {
  /** Every segment's issues in segment order, removed ones included (see `live`). */
  issues: IssueRow[]
  segments: SegmentRef[]
  /** 1 for each issue in the archive, 0 for a removed one. */
  live: Uint8Array
  docs: IndexColumns
  /** Live documents and their total length: BM25's collection statistics. */
  stats: { docs: number; length: number }
}

/**
 * Lays segments out as one index: doc and issue numbers run through them in order. The engine's
 * columns over all segments (`docs`) and the collection statistics are made on first use: they
 * read every segment's doc columns, which a segment read from its file reads only then
 * (lazy-columns.ts), and an open that lists issues before anyone searches needs neither.
 */
export function composeIndex(
  parts: readonly { seg: IndexSegment; deleted?: Uint8Array; file?: string }[],
): SearchIndex {
  const issues: IssueRow[] = []
  const liveFlags: number[] = []
  const segments: SegmentRef[] = []
  let docBase = 0
  for (const p of parts) {
    const issueBase = issues.length
    const deleted = p.deleted ?? new Uint8Array(p.seg.issues.length)
    issues.push(...p.seg.issues)
    for (let i = 0; i < p.seg.issues.length; i++) liveFlags.push(deleted[i] ? 0 : 1)
    segments.push({ seg: p.seg, docBase, issueBase, deleted, ...(p.file ? { file: p.file } : {}) })
    docBase += segmentDocCount(p.seg)
  }
  let columns: { docs: IndexColumns; stats: SearchIndex['stats'] } | undefined
  const made = (): { docs: IndexColumns; stats: SearchIndex['stats'] } =>
    (columns ??= layColumns(segments, docBase))
  return {
    issues,
    segments,
    live: Uint8Array.from(liveFlags),
    get docs() {
      return made().docs
    },
    get stats() {
      return made().stats
    },
  }
}

/** The engine's columns over the index's doc ids, and its live docs and length (BM25's). */
function layColumns(
  segments: readonly SegmentRef[],
  n: number,
): { docs: IndexColumns; stats: SearchIndex['stats'] } {
  const docs: IndexColumns = {
    issue: new Uint32Array(n),
    page: new Uint16Array(n),
    article: new Uint16Array(n),
    type: new Uint8Array(n),
    story: new Uint32Array(n),
    len: new Uint32Array(n),
  }
  let liveDocs = 0
  let liveLength = 0
  for (const { seg, docBase, issueBase, deleted } of segments) {
    const c = seg.docs
    const m = segmentDocCount(seg)
    // Whole columns copied where no base shifts them (this is most of the work).
    docs.page.set(c.page, docBase)
    docs.article.set(c.article, docBase)
    docs.type.set(c.type, docBase)
    const issue = c.issue
    if (issueBase === 0) docs.issue.set(issue, docBase)
    else for (let d = 0; d < m; d++) docs.issue[docBase + d] = issueBase + (issue[d] as number)
    const story = c.story
    if (docBase === 0) docs.story.set(story, 0)
    else for (let d = 0; d < m; d++) docs.story[docBase + d] = docBase + (story[d] as number)
    const { starts } = c
    for (let d = 0; d < m; d++)
      docs.len[docBase + d] = (starts[d + 1] as number) - (starts[d] as number)
    if (deleted.every((x) => x === 0)) {
      liveDocs += m
      liveLength += (starts[m] as number) - (starts[0] as number)
    } else
      for (let d = 0; d < m; d++)
        if (!deleted[issue[d] as number]) {
          liveDocs++
          liveLength += (starts[d + 1] as number) - (starts[d] as number)
        }
  }
  return { docs, stats: { docs: liveDocs, length: liveLength } }
}

/**
 * Articles per page of each issue (by id), counted from the segments' own columns: a listing
 * needs neither the pages nor the engine's columns (layColumns). Docs come in runs of one page
 * of one issue, so a Map is touched once a run, not once a doc.
 */
export function articlesPerPage(index: SearchIndex): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>()
  for (const row of index.issues) out.set(row.id, new Map())
  for (const { seg } of index.segments) {
    const { issue, page } = seg.docs
    const m = segmentDocCount(seg)
    for (let d = 0; d < m;) {
      const i = issue[d] as number
      const p = page[d] as number
      let e = d + 1
      while (e < m && issue[e] === i && page[e] === p) e++
      const counts = out.get((seg.issues[i] as IssueRow).id) as Map<number, number>
      counts.set(p, (counts.get(p) ?? 0) + e - d)
      d = e
    }
  }
  return out
}
