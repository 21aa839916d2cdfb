// INDEX_OPTIONS.grams and .fields are what the build reads: each test builds the same tiny
// archive under the shipped options and under another value, and fails if the index does not
// follow (a build that ignored `grams` would still post pairs; one that ignored `fields` would
// still find a headline-only word). The shipped values are pinned, so changing one is seen.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import { hasPairs } from '../../../src/shared/search/ngram'
import { buildSearchIndex, INDEX_OPTIONS } from '../../../src/shared/search/search-index'
import type { BuildOptions } from '../../../src/shared/search/search-index'
import type { SearchIndex } from '../../../src/shared/search/compose-index'
import type { DocInput, IssueRow } from '../../../src/shared/search/segment'

const ISSUES: IssueRow[] = [{ id: 'a-2023-01-01', paper: 'a', date: '2023-01-01' }]

function build(docs: { headline: string; text: string }[], options?: Partial<BuildOptions>) {
  const inputs: DocInput[] = docs.map((d, i) => ({ issue: 0, page: 1, article: i + 1, ...d }))
  return buildSearchIndex(ISSUES, inputs, undefined, { ...INDEX_OPTIONS, ...options })
}

function ids(index: SearchIndex, q: string): string[] {
  return search(index, { q, limit: 1000 }, () => undefined)
    .hits.map((h) => h.articleId)
    .sort()
}

const DOCS = [
  { headline: '雷锋精神', text: '学习雷锋好榜样，哈哈哈' },
  { headline: '春耕', text: '公社春耕生产，学习先进' },
  { headline: '哈尔滨', text: '雷雨锋面过境' },
]

describe('INDEX_OPTIONS.grams', () => {
  it('ships characters and adjacent pairs', () => {
    expect(INDEX_OPTIONS.grams).toEqual([1, 2])
    expect(hasPairs(build(DOCS).segments[0]!.seg.ngram)).toBe(true)
  })

  it('[1] posts characters only: a smaller index that finds the same articles', () => {
    const both = build(DOCS).segments[0]!.seg
    const charsIndex = build(DOCS, { grams: [1] })
    const chars = charsIndex.segments[0]!.seg
    expect(hasPairs(chars.ngram)).toBe(false)
    expect(chars.ngram.terms.count).toBeLessThan(both.ngram.terms.count)
    expect(chars.ngram.terms.lastKey).toBeLessThan(chars.ngram.radix)
    // 雷锋 is a pair in doc 1 only; in doc 3 its characters are apart: verified away.
    expect(ids(charsIndex, '雷锋')).toEqual(['a-2023-01-01/p1/a1'])
    // A repeated character is not scored as its character's list.
    expect(ids(charsIndex, '哈哈')).toEqual(['a-2023-01-01/p1/a1'])
  })

  it('finds the same articles under [1] as under [1, 2] for any query', () => {
    const alphabet = fc.constantFrom(...'雷锋精神学习春耕哈尔滨公社')
    const doc = fc.record({
      headline: fc.string({ unit: alphabet, minLength: 1, maxLength: 4 }),
      text: fc.string({ unit: alphabet, maxLength: 30 }),
    })
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 8 }),
        fc.string({ unit: alphabet, minLength: 1, maxLength: 3 }),
        (docs, q) => {
          expect(ids(build(docs, { grams: [1] }), q)).toEqual(ids(build(docs), q))
        },
      ),
      { numRuns: 100 },
    )
  })

  it('refuses sizes the key layout cannot hold, or no single characters', () => {
    expect(() => build(DOCS, { grams: [2] })).toThrow(/n-gram sizes/)
    expect(() => build(DOCS, { grams: [1, 2, 3] as never })).toThrow(/n-gram sizes/)
  })
})

describe('INDEX_OPTIONS.fields', () => {
  const docs = [
    { headline: '春耕', text: '公社生产' },
    { headline: '秋收', text: '春耕以后' },
  ]

  it('ships headline then text, both searched', () => {
    expect(INDEX_OPTIONS.fields).toEqual(['headline', 'text'])
    expect(ids(build(docs), '春耕')).toEqual(['a-2023-01-01/p1/a1', 'a-2023-01-01/p1/a2'])
    expect(ids(build(docs), '秋收')).toEqual(['a-2023-01-01/p1/a2'])
  })

  it('a field left out is not searched', () => {
    const textOnly = build(docs, { fields: ['text'] })
    expect(ids(textOnly, '秋收')).toEqual([])
    expect(ids(textOnly, '春耕')).toEqual(['a-2023-01-01/p1/a2'])
    const headOnly = build(docs, { fields: ['headline'] })
    expect(ids(headOnly, '公社')).toEqual([])
    expect(ids(headOnly, '春耕')).toEqual(['a-2023-01-01/p1/a1'])
  })

  it('refuses no field, or the text before the headline', () => {
    expect(() => build(docs, { fields: [] })).toThrow(/index fields/)
    expect(() => build(docs, { fields: ['text', 'headline'] })).toThrow(/index fields/)
  })
})
