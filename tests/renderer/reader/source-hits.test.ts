// The query's words found in a page's source text across its line breaks.
import { describe, expect, it } from 'vitest'
import { highlightTerms, sourceHits } from '../../../src/renderer/reader/source-hits'

describe('source hits', () => {
  it('takes words and phrases, not exclusions or OR', () => {
    expect(highlightTerms('记者 "发展 和改革" -北京 OR 雷锋')).toEqual([
      '记者',
      '发展和改革',
      '雷锋',
    ])
  })

  it('finds a word broken over a line and stays inside the range', () => {
    const text = '前言记者\n本报发展和改\n革委员会，记者'
    expect(sourceHits(text, '发展和改革')).toEqual([[7, 13]])
    expect(sourceHits(text, '记者', 3)).toEqual([[17, 19]])
    expect(sourceHits(text, '记者', 0, 10)).toEqual([[2, 4]])
    expect(sourceHits(text, '-记者')).toEqual([])
  })

  it('treats the query as text, never as a pattern', () => {
    expect(sourceHits('a.b a*b', 'a*b')).toEqual([[4, 7]])
  })
})
