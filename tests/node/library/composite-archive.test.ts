// The app shows the bundled archive and the user's library as one: their suggestions and
// "did you mean" are merged as one archive's would be.
import { describe, expect, it } from 'vitest'
import { mergeDidYouMean, mergeSuggestions } from '../../../src/node/library/composite-archive'
import type { DidYouMean, DidYouMeanResponse } from '../../../src/shared/types'

const near = (q: string, total: number): DidYouMean => ({
  q,
  from: '低炭',
  to: q,
  change: 'substituted',
  total,
})
const answer = (total: number, offers: DidYouMean[] = []): DidYouMeanResponse => ({
  query: '低炭',
  total,
  offers,
  checked: offers.length,
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
    const merged = mergeDidYouMean('低炭', [
      answer(0, [near('低碳', 3)]),
      answer(1, [near('低碳', 2)]),
    ])
    expect(merged).toEqual({ query: '低炭', total: 1, offers: [near('低碳', 5)], checked: 2 })
    expect(mergeDidYouMean('低炭', [answer(2, [near('低碳', 3)]), answer(2)]).offers).toEqual([])
    expect(mergeDidYouMean('低炭', [answer(0), answer(0)]).offers).toEqual([])
  })
})
