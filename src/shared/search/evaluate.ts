// Query evaluation, the hot path: plan (rarest group first), gather candidates from the n-gram
// index, filter by scope before any text is touched, verify longer terms against the text, and
// score with BM25 (headline occurrences weigh more). Everything is kept in flat typed arrays:
// a common two-character term can match tens of thousands of articles, and per-hit objects,
// closures or maps would cost more than the search itself.
import { WorkBudget } from './query'
import type { ParsedQuery, QueryTerm } from './query'
import { INDEX_OPTIONS } from './search-index'
import type { SearchIndex } from './compose-index'
import { estimate, lowerBound, termHits } from './term-hits'
import type { DocFilter } from './term-hits'
import { BLOCK_TYPES } from '../types'
import type { SearchFilters } from '../types'

// The ranking reads its parameters from the index's options (search-index.ts), nowhere else.
const { k1: K1, b: B } = INDEX_OPTIONS.bm25

/** Matching documents (ascending) with their scores. */
export interface Matches {
  docs: Uint32Array
  scores: Float64Array
}

const EMPTY: Matches = { docs: new Uint32Array(0), scores: new Float64Array(0) }

export function docFilter(
  index: SearchIndex,
  f: SearchFilters,
  issueTest: (i: number) => boolean,
): DocFilter {
  const issueOk = new Uint8Array(index.issues.length)
  index.issues.forEach((issue, i) => {
    // A removed issue's documents stay in their segment until a merge: never returned.
    issueOk[i] =
      index.live[i] === 1 && (f.issueId === undefined || issue.id === f.issueId) && issueTest(i)
        ? 1
        : 0
  })
  const typeOk = new Uint8Array(BLOCK_TYPES.length).fill(f.types && f.types.length ? 0 : 1)
  for (const t of f.types ?? []) typeOk[BLOCK_TYPES.indexOf(t)] = 1
  return { issueOk, page: f.page ?? 0, typeOk }
}

/** Union of two scored lists (an OR group): a document keeps its better score. */
function unionMax(a: Matches, b: Matches): Matches {
  const docs = new Uint32Array(a.docs.length + b.docs.length)
  const scores = new Float64Array(docs.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.docs.length || j < b.docs.length) {
    const da = i < a.docs.length ? (a.docs[i] as number) : Infinity
    const db = j < b.docs.length ? (b.docs[j] as number) : Infinity
    if (da === db) {
      docs[n] = da
      scores[n++] = Math.max(a.scores[i++] as number, b.scores[j++] as number)
    } else if (da < db) {
      docs[n] = da
      scores[n++] = a.scores[i++] as number
    } else {
      docs[n] = db
      scores[n++] = b.scores[j++] as number
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) }
}

/** Documents of `a` that are also in `b` (a subset of `a`), with summed scores. */
function intersectSum(a: Matches, b: Matches): Matches {
  const docs = new Uint32Array(b.docs.length)
  const scores = new Float64Array(b.docs.length)
  let i = 0
  let n = 0
  for (let j = 0; j < b.docs.length; j++) {
    const d = b.docs[j] as number
    while ((a.docs[i] as number) < d) i++
    docs[n] = d
    scores[n++] = (a.scores[i] as number) + (b.scores[j] as number)
  }
  return { docs, scores }
}

/** Documents of `a` that are not in the ascending `drop`. */
function without(a: Matches, drop: Uint32Array): Matches {
  const docs = new Uint32Array(a.docs.length)
  const scores = new Float64Array(a.docs.length)
  let j = 0
  let n = 0
  for (let i = 0; i < a.docs.length; i++) {
    const d = a.docs[i] as number
    while (j < drop.length && (drop[j] as number) < d) j++
    if (drop[j] === d) continue
    docs[n] = d
    scores[n++] = a.scores[i] as number
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) }
}

/**
 * The matching documents of `query`. `budget` counts the postings walked and throws
 * QueryTooBroadError past its limit, so no query costs more than one request may.
 */
export function evaluate(
  index: SearchIndex,
  query: ParsedQuery,
  filter: DocFilter,
  budget: WorkBudget = new WorkBudget(),
): Matches {
  if (query.all.length === 0) return EMPTY
  // Collection statistics over the live documents of every segment.
  const n = index.stats.docs
  const cost = (group: { text: string }[]): number =>
    group.reduce((s, t) => s + estimate(index, t.text), 0)
  // Query planning: the rarest group is looked up in the index; the others only within its hits.
  const groups = [...query.all].sort((a, b) => cost(a) - cost(b))
  const lens = index.docs.len
  const avgLen = index.stats.length / Math.max(1, n)

  const scoreTerm = (term: QueryTerm, f: DocFilter, within?: Uint32Array): Matches => {
    const hits = termHits(index, term.text, f, budget, within, term.field)
    // Document frequency: exact for the first group; for later ones, bounded by the pair lists.
    const df = within ? estimate(index, term.text) : hits.docs.length
    const idf = Math.log(1 + (n - df + 0.5) / (Math.max(1, df) + 0.5))
    const scores = new Float64Array(hits.docs.length)
    for (let i = 0; i < hits.docs.length; i++) {
      const d = hits.docs[i] as number
      const tf = hits.tf[i] as number
      const len = lens[d] as number
      scores[i] = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen))
    }
    return { docs: hits.docs, scores }
  }
  const scoreGroup: GroupScorer = (group, f, within) =>
    group.map((t) => scoreTerm(t, f, within)).reduce(unionMax)

  if (hasStories(index)) return evaluateStories(index, query, filter, groups, scoreGroup, budget)
  let result = scoreGroup(groups[0] as QueryTerm[], filter)
  for (const group of groups.slice(1)) {
    if (result.docs.length === 0) return EMPTY
    result = intersectSum(result, scoreGroup(group, filter, result.docs))
  }
  for (const term of query.none) {
    if (result.docs.length === 0) break
    result = without(
      result,
      termHits(index, term.text, filter, budget, result.docs, term.field).docs,
    )
  }
  return result
}

type GroupScorer = (group: QueryTerm[], f: DocFilter, within?: Uint32Array) => Matches

const storiesSeen = new WeakMap<Uint32Array, boolean>()

/** Whether any document of the index is one part of a story continued across pages. */
function hasStories(index: SearchIndex): boolean {
  const s = index.docs.story
  let known = storiesSeen.get(s)
  if (known === undefined) {
    known = false
    for (let d = 0; d < s.length && !known; d++) known = s[d] !== d
    storiesSeen.set(s, known)
  }
  return known
}

const nextParts = new WeakMap<Uint32Array, Int32Array>()

/** next[d]: the next part of d's story after d, or -1. Built once per index. */
function nextPartOf(index: SearchIndex): Int32Array {
  const { story } = index.docs
  let next = nextParts.get(story)
  if (!next) {
    next = new Int32Array(story.length).fill(-1)
    const last = new Map<number, number>()
    for (let d = 0; d < story.length; d++) {
      const h = story[d] as number
      if (h === d) continue
      next[last.get(h) ?? h] = d
      last.set(h, d)
    }
    nextParts.set(story, next)
  }
  return next
}

/** All parts of the stories whose first parts are `heads` (ascending). */
function storyMembers(index: SearchIndex, heads: Set<number>): Uint32Array {
  const next = nextPartOf(index)
  const out: number[] = []
  for (const h of heads) for (let d = h; d >= 0; d = next[d] as number) out.push(d)
  return Uint32Array.from(out).sort()
}

/**
 * The boolean query judged on whole stories: a story continued across pages matches when its
 * parts together have every group and none has an excluded term (`低碳 OR 环保 -交通` does not
 * return page 2's half of a story whose page-1 half has 交通); a hit is still the part that has a
 * term, scored by its own terms. Scope (page, type) decides which parts are returned, not which
 * stories match: the issue filter (paper, dates, issue) is the same for every part.
 */
function evaluateStories(
  index: SearchIndex,
  query: ParsedQuery,
  filter: DocFilter,
  groups: ParsedQuery['all'],
  scoreGroup: GroupScorer,
  budget: WorkBudget,
): Matches {
  const { story, page, type } = index.docs
  const whole: DocFilter = {
    ...filter,
    page: 0,
    typeOk: new Uint8Array(filter.typeOk.length).fill(1),
  }
  const first = scoreGroup(groups[0] as QueryTerm[], whole)
  let alive = new Set<number>()
  for (const d of first.docs) alive.add(story[d] as number)
  let hits = first
  for (const group of groups.slice(1)) {
    if (alive.size === 0) return EMPTY
    const within = storyMembers(index, alive)
    const g = scoreGroup(group, whole, within)
    const next = new Set<number>()
    for (const d of g.docs) if (alive.has(story[d] as number)) next.add(story[d] as number)
    alive = next
    hits = sumUnion(hits, g)
  }
  for (const term of query.none) {
    if (alive.size === 0) break
    const within = storyMembers(index, alive)
    for (const d of termHits(index, term.text, whole, budget, within, term.field).docs)
      alive.delete(story[d] as number)
  }
  const docs = new Uint32Array(hits.docs.length)
  const scores = new Float64Array(hits.docs.length)
  let n = 0
  for (let i = 0; i < hits.docs.length; i++) {
    const d = hits.docs[i] as number
    if (!alive.has(story[d] as number)) continue
    if (filter.page !== 0 && page[d] !== filter.page) continue
    if (filter.typeOk[type[d] as number] === 0) continue
    docs[n] = d
    scores[n++] = hits.scores[i] as number
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) }
}

/** Union of two scored lists with summed scores (a part's terms from several groups add up). */
function sumUnion(a: Matches, b: Matches): Matches {
  const m = unionMax(a, b)
  const inA = new Map<number, number>()
  for (let i = 0; i < a.docs.length; i++) inA.set(a.docs[i] as number, a.scores[i] as number)
  for (let i = 0; i < b.docs.length; i++) {
    const d = b.docs[i] as number
    const sa = inA.get(d)
    if (sa === undefined) continue
    const at = lowerBound(m.docs, d)
    m.scores[at] = sa + (b.scores[i] as number)
  }
  return m
}
