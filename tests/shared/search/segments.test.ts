// The segmented index answers exactly as one index over the same documents: the same hits in
// the same order with the same scores, totals and facets — split into several segments, merged
// back by the policy or all at once, and with removed issues (deleted, then merged away).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCatalog, sortCatalog } from '../../../src/shared/archive/catalog'
import { search } from '../../../src/shared/search/engine'
import { DOC_SEPARATOR } from '../../../src/shared/search/ngram'
import { MERGE_FACTOR, mergeAll, mergeByPolicy, nextMerge } from '../../../src/shared/search/merge'
import {
  buildSearchIndex,
  docText,
  extendSearchIndex,
  issueDocInputs,
  withoutIssues,
} from '../../../src/shared/search/search-index'
import type { SearchIndex } from '../../../src/shared/search/compose-index'
import type { DocInput, IssueRow } from '../../../src/shared/search/segment'
import type { SearchRequest } from '../../../src/shared/types'
import { SEEDS } from '../../helpers'

const catalog = sortCatalog(parseCatalog(readFileSync(join(SEEDS, 'catalog.json'), 'utf8')))
const rows: IssueRow[] = catalog.issues.map((i) => ({ id: i.id, paper: i.paper, date: i.date }))
/** Each issue's documents, numbered as the only issue of a batch. */
const perIssue: DocInput[][] = catalog.issues.map((issue) =>
  issueDocInputs(
    0,
    issue,
    issue.pages.map((p) => readFileSync(join(SEEDS, p.source), 'utf8')),
  ),
)

/** One index over issues `which` (in this order), built at once. */
function single(which: number[]): SearchIndex {
  return buildSearchIndex(
    which.map((i) => rows[i]!),
    which.flatMap((i, k) => perIssue[i]!.map((d) => ({ ...d, issue: k }))),
  )
}

/** The same issues added one batch at a time: a segment per batch. */
function segmented(batches: number[][]): SearchIndex {
  let index = buildSearchIndex([], [])
  for (const batch of batches)
    index = extendSearchIndex(
      index,
      batch.map((i) => rows[i]!),
      batch.flatMap((i, k) => perIssue[i]!.map((d) => ({ ...d, issue: k }))),
    )
  return index
}

const all = catalog.issues.map((_, i) => i)
const reference = single(all)
const words = (() => {
  const out: string[] = []
  for (let d = 0; d < reference.docs.issue.length; d++) {
    const t = docText(reference, d).replaceAll(DOC_SEPARATOR, '').replace(/\s/g, '')
    for (let i = 0; i + 4 <= t.length; i += 37) out.push(t.slice(i, i + 2 + (i % 3)))
  }
  return out.filter((w) => /\p{Script=Han}/u.test(w))
})()

const answer = (index: SearchIndex, request: SearchRequest) => {
  const r = search(index, { limit: 1000, ...request }, () => undefined)
  return { ...r, tookMs: 0 }
}

const requests: SearchRequest[] = [
  { q: '发展和改革委员会' },
  { q: '绿色 低碳' },
  { q: '低碳 OR 环保 -交通' },
  { q: '"记者 刘静"' },
  { q: '经济 -北碚' },
  { q: '重庆', sort: 'date-asc', limit: 7, offset: 3 },
  { q: '企业', papers: [catalog.issues[0]!.paper] },
  { q: '的', types: ['article'], page: 1 },
]

const query = fc.oneof(
  fc.constantFrom(...words),
  fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} ${b}`),
  fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} OR ${b}`),
  fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} -${b}`),
)

describe('a segmented index', () => {
  const splits: number[][][] = [all.map((i) => [i]), [all.slice(0, 2), all.slice(2)]]

  it('answers every request as one index over the same issues (hits, order, scores, facets)', () => {
    for (const batches of splits) {
      const index = segmented(batches)
      expect(index.segments.length).toBe(batches.length)
      for (const r of requests) expect(answer(index, r), r.q).toEqual(answer(reference, r))
    }
  })

  it('any query: the same answer split per issue, merged by the policy and merged whole', () => {
    const split = segmented(all.map((i) => [i]))
    const whole = mergeAll(split)
    expect(whole.segments.length).toBe(1)
    fc.assert(
      fc.property(query, (q) => {
        const want = answer(reference, { q })
        expect(answer(split, { q })).toEqual(want)
        expect(answer(whole, { q })).toEqual(want)
      }),
      { numRuns: 150 },
    )
  })

  it('a removed issue is gone at once, and a merge drops its documents for good', () => {
    const gone = rows[1]!.id
    const want = single(all.filter((i) => i !== 1))
    const removed = withoutIssues(segmented(all.map((i) => [i])), new Set([gone]))
    // Its segment held only that issue: dropped without a merge.
    expect(removed.segments.length).toBe(all.length - 1)
    const twoIn = withoutIssues(segmented([all.slice(0, 3), all.slice(3)]), new Set([gone]))
    expect(twoIn.segments[0]!.deleted[1]).toBe(1)
    const merged = mergeAll(twoIn)
    expect(merged.docs.issue.length).toBe(want.docs.issue.length)
    for (const r of requests) {
      expect(answer(removed, r), r.q).toEqual(answer(want, r))
      // Before the merge the deleted documents still count in the planner's list lengths
      // (as in Lucene), which can move a score: the same articles, compared as sets.
      const idsOf = (x: SearchIndex) =>
        answer(x, { ...r, limit: 1000, offset: 0 })
          .hits.map((h) => h.articleId)
          .sort()
      expect(idsOf(twoIn), r.q).toEqual(idsOf(want))
      expect(answer(merged, r), r.q).toEqual(answer(want, r))
    }
  })

  it('the policy merges runs of MERGE_FACTOR small adjacent segments, keeping doc order', () => {
    let index = single(all)
    // Re-adding the seed issues as many small batches (their ids repeat; the engine minds not).
    const batches = Array.from({ length: MERGE_FACTOR + 3 }, (_, k) => [k % all.length])
    for (const b of batches) {
      index = extendSearchIndex(
        index,
        b.map((i) => rows[i]!),
        b.flatMap((i) => perIssue[i]!),
      )
      index = mergeByPolicy(index)
      expect(nextMerge(index)).toBeUndefined()
    }
    expect(index.segments.length).toBeLessThan(MERGE_FACTOR)
    const flat = single([...all, ...batches.flat()])
    for (const r of requests) expect(answer(index, r), r.q).toEqual(answer(flat, r))
  })
})
