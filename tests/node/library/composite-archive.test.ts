// The app shows the bundled archive and the user's library as one: their suggestions and
// "did you mean" are merged as one archive's would be.
import { describe, expect, it } from 'vitest'
import { mergeDidYouMean, mergeSuggestions } from '../../../src/node/library/composite-archive'
import { emptyResponse } from '../../../src/shared/search/engine'
import type { DidYouMean, SearchResponse } from '../../../src/shared/types'

const near = (q: string, total: number): DidYouMean => ({
  q,
  from: '低炭',
  to: q,
  change: 'substituted',
  total,
})
const answer = (total: number, didYouMean?: DidYouMean[]): SearchResponse => ({
  ...emptyResponse('低炭'),
  total,
  ...(didYouMean ? { didYouMean } : {}),
})

describe('merging the parts of a composite archive', () => {
  it('adds up the counts of one suggestion, most frequent first, within the limit', () => {
    const a = {
      prefix: '低',
      suggestions: [{ text: '低碳', kind: 'phrase' as const, count: 3, query: '低碳' }],
    }
    const b = {
      prefix: '低',
      suggestions: [
        { text: '低碳', kind: 'phrase' as const, count: 2, query: '低碳' },
        { text: '低温', kind: 'phrase' as const, count: 4, query: '低温' },
      ],
    }
    expect(mergeSuggestions([a, b], 5).map((s) => [s.text, s.count])).toEqual([
      ['低碳', 5],
      ['低温', 4],
    ])
    expect(mergeSuggestions([a, b], 1)).toHaveLength(1)
  })

  it('adds up the hits of one nearby query, and offers none once the parts together find enough', () => {
    const merged = mergeDidYouMean([answer(0, [near('低碳', 3)]), answer(1, [near('低碳', 2)])], 1)
    expect(merged).toEqual([near('低碳', 5)])
    expect(mergeDidYouMean([answer(2, [near('低碳', 3)]), answer(2)], 4)).toBeUndefined()
    expect(mergeDidYouMean([answer(0), answer(0)], 0)).toBeUndefined()
  })
})
