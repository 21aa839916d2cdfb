// A term's hits over a segmented index: each segment's postings (ngram.ts) answer for its own
// documents, which are then numbered as the index numbers them (the segment's first doc id plus
// its own). A 1- or 2-character term is exactly one postings list, scored from its tf bytes; a
// longer one is narrowed by its rarest pairs' lists and verified against the segment's text.
// Scope (issue, page, type) is checked before any text is touched.
import { isPostedGram, listLengths, termLists } from './ngram'
import { intersectList, TF_COUNT, TF_HEADLINE } from './postings'
import type { PostingReader } from './postings'
import type { WorkBudget } from './query'
import type { TextField } from './query-fields'
import { INDEX_OPTIONS } from './search-index'
import type { SearchIndex, SegmentRef } from './compose-index'
import { segmentDocCount } from './segment'

const { headline: HEADLINE_WEIGHT, text: TEXT_WEIGHT } = INDEX_OPTIONS.fieldWeights

/** Which documents a query may return, decided per issue (paper, dates, issue) and page. */
export interface DocFilter {
  /** 1 where the issue passes. */
  issueOk: Uint8Array
  /** 0 = any page. */
  page: number
  /** typeOk[t] = 1 when block type t (position in BLOCK_TYPES) may be returned. */
  typeOk: Uint8Array
}

/**
 * Weighted term frequency from a tf byte: each occurrence counts TEXT_WEIGHT, and one in the
 * headline (the byte's headline bit) HEADLINE_WEIGHT instead.
 */
function weight(v: number): number {
  return (v & TF_COUNT) * TEXT_WEIGHT + (v & TF_HEADLINE ? HEADLINE_WEIGHT - TEXT_WEIGHT : 0)
}

export interface TermHits {
  docs: Uint32Array
  tf: Float64Array
}

/**
 * The documents containing `term` (within `within`, ascending, when given) that pass `filter`.
 * A term that is itself a posted n-gram (a character, or a pair when the index has pairs) is
 * exactly one postings list, whose tf bytes score it without reading text; a longer term is
 * narrowed by intersecting its rarest pairs' (or characters') lists, then each candidate is
 * verified against its text, counting occurrences on the way.
 */
function segmentTermHits(
  index: SearchIndex,
  ref: SegmentRef,
  term: string,
  filter: DocFilter,
  budget: WorkBudget,
  within?: Uint32Array,
  field?: TextField,
): TermHits {
  if (field === 'byline') return segmentBylineHits(index, ref, term, filter, budget, within)
  const lists = termLists(ref.seg.ngram, term)
  if (!lists || lists.length === 0) return NO_HITS
  const first = lists[0] as PostingReader
  // The index's columns hold every segment's docs: this segment's start at `base`.
  const base = ref.docBase
  const { issue, page, type } = index.docs
  const { issueOk, typeOk } = filter
  const wantPage = filter.page
  let cand: ArrayLike<number>
  // The tf byte of each candidate, from the first (shortest) list.
  let tfBytes: ArrayLike<number>
  // Work is charged before it is done, as the postings an intersection walks (the shorter list).
  if (within) {
    budget.spend(Math.min(within.length, first.length))
    const t: number[] = []
    cand = intersectList(within, first, t)
    tfBytes = t
  } else {
    budget.spend(first.length)
    const all = first.decodeAll()
    cand = all.docs
    tfBytes = all.tf
  }
  const docs = new Uint32Array(cand.length)
  const tf = new Float64Array(cand.length)
  let n = 0
  // A headline: term is verified against the title even when its postings list is exact.
  if (lists.length === 1 && isPostedGram(ref.seg.ngram, term) && field !== 'headline') {
    for (let i = 0; i < cand.length; i++) {
      const d = base + (cand[i] as number)
      if (issueOk[issue[d] as number] === 0 || (wantPage !== 0 && page[d] !== wantPage)) continue
      if (typeOk[type[d] as number] === 0) continue
      docs[n] = d
      tf[n++] = weight(tfBytes[i] as number)
    }
    return { docs: docs.subarray(0, n), tf: tf.subarray(0, n) }
  }
  // The other lists are probed only for the candidates: their blocks that hold none are skipped.
  for (let i = 1; i < lists.length && cand.length > 32; i++) {
    budget.spend(cand.length)
    cand = intersectList(cand, lists[i] as PostingReader)
  }
  budget.spend(cand.length)
  const { text, starts, headEnds } = ref.seg.docs
  const len = term.length
  for (let i = 0; i < cand.length; i++) {
    const local = cand[i] as number
    const d = base + local
    if (issueOk[issue[d] as number] === 0 || (wantPage !== 0 && page[d] !== wantPage)) continue
    if (typeOk[type[d] as number] === 0) continue
    const start = starts[local] as number
    // Search a slice (a cheap view in V8), never the whole text from an offset: a miss would
    // otherwise scan the rest of the segment.
    const slice = text.slice(start, (starts[local + 1] as number) - 1)
    const head = (headEnds[local] as number) - start
    // A headline: term counts only whole occurrences inside the title.
    const end = field === 'headline' ? head - len : Infinity
    let count = 0
    for (let at = slice.indexOf(term); at >= 0 && at <= end; at = slice.indexOf(term, at + len)) {
      count += at < head ? HEADLINE_WEIGHT : TEXT_WEIGHT
    }
    if (count > 0) {
      docs[n] = d
      tf[n++] = count
    }
  }
  return { docs: docs.subarray(0, n), tf: tf.subarray(0, n) }
}

const NO_HITS: TermHits = { docs: new Uint32Array(0), tf: new Float64Array(0) }

/**
 * The documents whose normalized byline contains `term`: bylines are short, so their joined
 * column is scanned for the term (one indexOf pass) rather than indexed; each occurrence is
 * placed in its document by binary search. A byline occurrence counts as a headline one.
 */
function segmentBylineHits(
  index: SearchIndex,
  ref: SegmentRef,
  term: string,
  filter: DocFilter,
  budget: WorkBudget,
  within?: Uint32Array,
): TermHits {
  const { bylineNorms: text, bylineNormStarts: starts } = ref.seg.docs
  const { issue, page, type } = index.docs
  budget.spend(Math.ceil(text.length / 64))
  const docs: number[] = []
  const tf: number[] = []
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
    // The doc whose byline holds offset `at`: the last start <= at.
    let lo = 0
    let hi = starts.length - 2
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= at) lo = mid
      else hi = mid - 1
    }
    // An occurrence across the separator (never, as no term holds one) is not a match.
    if (at + term.length > (starts[lo + 1] as number) - 1) continue
    const d = ref.docBase + lo
    if (docs[docs.length - 1] === d) {
      tf[tf.length - 1]! += HEADLINE_WEIGHT
      continue
    }
    if (within && within[lowerBound(within, lo)] !== lo) continue
    if (filter.issueOk[issue[d] as number] === 0) continue
    if (filter.page !== 0 && page[d] !== filter.page) continue
    if (filter.typeOk[type[d] as number] === 0) continue
    docs.push(d)
    tf.push(HEADLINE_WEIGHT)
  }
  return { docs: Uint32Array.from(docs), tf: Float64Array.from(tf) }
}

/**
 * The documents containing `term` (within `within`, ascending index doc ids, when given) that
 * pass `filter`, segment by segment: each segment's postings answer for its own docs.
 */
export function termHits(
  index: SearchIndex,
  term: string,
  filter: DocFilter,
  budget: WorkBudget,
  within?: Uint32Array,
  field?: TextField,
): TermHits {
  const parts: TermHits[] = []
  let total = 0
  for (const ref of index.segments) {
    let w: Uint32Array | undefined
    if (within) {
      const lo = lowerBound(within, ref.docBase)
      const hi = lowerBound(within, ref.docBase + segmentDocCount(ref.seg))
      if (lo === hi) continue
      w = within.slice(lo, hi)
      for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - ref.docBase
    }
    const h = segmentTermHits(index, ref, term, filter, budget, w, field)
    if (h.docs.length === 0) continue
    parts.push(h)
    total += h.docs.length
  }
  if (parts.length <= 1) return parts[0] ?? NO_HITS
  const docs = new Uint32Array(total)
  const tf = new Float64Array(total)
  let at = 0
  for (const p of parts) {
    docs.set(p.docs, at)
    tf.set(p.tf, at)
    at += p.docs.length
  }
  return { docs, tf }
}

/**
 * The size of the smallest list `term` needs over the whole index (a cheap upper bound on its
 * matches, for planning): each list's length summed over the segments, so exactly what one
 * index over all their documents would say.
 */
export function estimate(index: SearchIndex, term: string): number {
  let sums: Map<string, number> | undefined
  for (const ref of index.segments) {
    const lengths = listLengths(ref.seg.ngram, term)
    if (!sums) sums = lengths
    else for (const [gram, n] of lengths) sums.set(gram, (sums.get(gram) ?? 0) + n)
  }
  return sums && sums.size ? Math.min(...sums.values()) : 0
}

export function lowerBound(a: Uint32Array, x: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((a[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}
