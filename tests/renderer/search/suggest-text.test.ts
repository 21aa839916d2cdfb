import { describe, expect, it } from 'vitest'
import { applySuggestion, typedWord } from '../../../src/renderer/search/suggest-text'

describe('typedWord', () => {
  it('is the last word, with its field prefix', () => {
    expect(typedWord('低')).toEqual({ start: 0, prefix: '低' })
    expect(typedWord('发展 byline:刘')).toEqual({ start: 3, prefix: 'byline:刘' })
  })

  it('keeps a leading minus out of the prefix', () => {
    expect(typedWord('发展 -交')).toEqual({ start: 4, prefix: '交' })
    expect(typedWord('发展 －交')).toEqual({ start: 4, prefix: '交' })
  })

  it('has nothing to complete after a space, in a phrase, or on an operator', () => {
    expect(typedWord('')).toBeUndefined()
    expect(typedWord('低碳 ')).toBeUndefined()
    expect(typedWord('"低碳 发')).toBeUndefined()
    expect(typedWord('"低碳"')).toBeUndefined()
    expect(typedWord('a OR')).toBeUndefined()
    expect(typedWord('a -')).toBeUndefined()
    expect(typedWord('headline:')).toBeUndefined()
  })

  it('only completes where the caret is at the end', () => {
    expect(typedWord('低碳', 1)).toBeUndefined()
  })

  it('is the same answer twice in a row (no regex state)', () => {
    expect(typedWord('"a" b')).toEqual({ start: 4, prefix: 'b' })
    expect(typedWord('"a" b')).toEqual({ start: 4, prefix: 'b' })
  })
})

describe('applySuggestion', () => {
  it('replaces the typed word and adds a space', () => {
    const text = '发展 byline:刘'
    expect(applySuggestion(text, typedWord(text)!, 'byline:刘静')).toBe('发展 byline:刘静 ')
  })
  it('keeps the minus', () => {
    const text = '发展 -交'
    expect(applySuggestion(text, typedWord(text)!, '交通')).toBe('发展 -交通 ')
  })
})
