// What INDEX_OPTIONS promises about ranking and the facets, on tiny made-up archives where the
// answer is known: a headline occurrence weighs three times a body one (fieldWeights), BM25
// normalizes by length (bm25.b), and each facet counts under the other filters (a paper facet
// respects the date filter). Each test fails if its option or rule changes (checked by hand:
// headline 3 → 1, b 0.75 → 0, the paper facet counting without dateOk).
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import { buildSearchIndex, INDEX_OPTIONS } from '../../../src/shared/search/search-index'
import type { DocInput, IssueRow } from '../../../src/shared/search/search-index'
import type { SearchRequest } from '../../../src/shared/types'

const FILL = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'

function archive(issues: IssueRow[], docs: { issue?: number; headline: string; text: string }[]) {
  const inputs: DocInput[] = docs.map((d, i) => ({
    issue: d.issue ?? 0,
    page: 1,
    article: i + 1,
    headline: d.headline,
    text: d.text,
  }))
  const index = buildSearchIndex(issues, inputs)
  return (request: SearchRequest) => search(index, { limit: 100, ...request }, () => undefined)
}

const ONE_ISSUE: IssueRow[] = [{ id: 'a-2023-01-01', paper: 'a', date: '2023-01-01' }]

describe('field weights (INDEX_OPTIONS.fieldWeights)', () => {
  it('is 3 for the headline and 1 for the text', () => {
    expect(INDEX_OPTIONS.fieldWeights).toEqual({ headline: 3, text: 1 })
  })

  // Same length; one occurrence in the headline against two in the body: 3 > 2 with the
  // headline weight, 1 < 2 without it.
  for (const term of ['雷锋', '雷锋精神']) {
    it(`one headline occurrence outranks two in the body (${term.length} characters)`, () => {
      const pad = (n: number) => FILL.slice(0, n)
      const run = archive(ONE_ISSUE, [
        { headline: `${term}${pad(2)}`, text: pad(12) },
        { headline: pad(term.length + 2), text: `${term}${pad(12 - 2 * term.length)}${term}` },
      ])
      const r = run({ q: term })
      expect(r.hits.map((h) => h.articleId)).toEqual(['a-2023-01-01/p1/a1', 'a-2023-01-01/p1/a2'])
      expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score)
    })
  }
})

describe('BM25 (INDEX_OPTIONS.bm25)', () => {
  it('has k1 1.2 and b 0.75', () => {
    expect(INDEX_OPTIONS.bm25).toEqual({ k1: 1.2, b: 0.75 })
  })

  it('normalizes by length: the same occurrence scores higher in a shorter article', () => {
    const run = archive(ONE_ISSUE, [
      { headline: '甲', text: `雷锋${FILL.repeat(10)}` },
      { headline: '乙', text: `雷锋${FILL.slice(0, 4)}` },
      { headline: '丙', text: FILL.repeat(3) },
    ])
    const r = run({ q: '雷锋' })
    expect(r.hits.map((h) => h.articleId)).toEqual(['a-2023-01-01/p1/a2', 'a-2023-01-01/p1/a1'])
    // With b = 0 both would score the same.
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score * 1.5)
  })
})

describe('facets count under the other filters', () => {
  const run = archive(
    [
      { id: 'a-2023-01-01', paper: 'a', date: '2023-01-01' },
      { id: 'a-2024-01-01', paper: 'a', date: '2024-01-01' },
      { id: 'b-2024-01-01', paper: 'b', date: '2024-01-01' },
    ],
    [
      { issue: 0, headline: '甲', text: '雷锋' },
      { issue: 1, headline: '乙', text: '雷锋' },
      { issue: 2, headline: '丙', text: '雷锋' },
    ],
  )

  it('the paper facet respects the date filter', () => {
    const r = run({ q: '雷锋', dateFrom: '2024-01-01' })
    expect(r.total).toBe(2)
    expect(r.facets.paper).toEqual(
      expect.arrayContaining([
        { value: 'a', count: 1 },
        { value: 'b', count: 1 },
      ]),
    )
    expect(r.facets.paper).toHaveLength(2)
  })

  it('the year facet respects the paper filter, and the paper facet ignores its own', () => {
    const r = run({ q: '雷锋', papers: ['a'] })
    expect(r.total).toBe(2)
    expect(r.facets.year).toEqual(
      expect.arrayContaining([
        { value: '2023', count: 1 },
        { value: '2024', count: 1 },
      ]),
    )
    expect(r.facets.year).toHaveLength(2)
    expect(r.facets.paper).toEqual(
      expect.arrayContaining([
        { value: 'a', count: 2 },
        { value: 'b', count: 1 },
      ]),
    )
  })
})

describe('the month facet', () => {
  const run = archive(
    [
      { id: 'a-2023-01-05', paper: 'a', date: '2023-01-05' },
      { id: 'a-2023-01-20', paper: 'a', date: '2023-01-20' },
      { id: 'a-2023-03-01', paper: 'a', date: '2023-03-01' },
      { id: 'b-2023-03-02', paper: 'b', date: '2023-03-02' },
    ],
    [
      { issue: 0, headline: '甲', text: '雷锋' },
      { issue: 1, headline: '乙', text: '雷锋' },
      { issue: 2, headline: '丙', text: '雷锋' },
      { issue: 3, headline: '丁', text: '雷锋' },
    ],
  )

  it('counts per YYYY-MM under the paper filter, ignoring the date filter (a year drills into months)', () => {
    const r = run({ q: '雷锋', papers: ['a'], dateFrom: '2023-03-01', dateTo: '2023-03-31' })
    expect(r.total).toBe(1)
    expect(r.facets.month).toEqual([
      { value: '2023-01', count: 2 },
      { value: '2023-03', count: 1 },
    ])
    // Months add up to their year.
    expect(r.facets.year).toEqual([{ value: '2023', count: 3 }])
  })
})
