import { describe, expect, it } from 'vitest'
import {
  CONFUSABLE,
  DID_YOU_MEAN_CHECKS,
  didYouMean,
  VARIANTS,
} from '../../../../src/shared/search/fields/did-you-mean'
import { buildFieldIndex } from '../../../../src/shared/search/fields/field-index'
import { buildVocabulary } from '../../../../src/shared/search/fields/vocabulary'
import { normalize } from '../../../../src/shared/text/normalize'
import type { SearchRequest } from '../../../../src/shared/types'
import { searchIndex, seedArchive } from '../seed-index'

const { index } = seedArchive()
const papers = [{ slug: 'jiangbei', name: '江北报' }]
const fields = buildFieldIndex(buildVocabulary(index, papers))
const run = (r: SearchRequest) => searchIndex(index, r, { papers })
const count = (r: SearchRequest): number | undefined => {
  const answer = run(r)
  return answer.error === undefined ? answer.total : undefined
}
const nearby = (q: string, extra: Partial<SearchRequest> = {}) => {
  const request = { q, ...extra }
  return didYouMean(fields, request, run(request).total, count).offers
}

describe('did you mean', () => {
  it('offers the archive term one character off, with its hits under the same filters', () => {
    const d = nearby('低炭')
    expect(d?.[0]).toMatchObject({ q: '低碳', from: '低炭', to: '低碳', change: 'substituted' })
    expect(d?.[0]?.total).toBe(run({ q: '低碳' }).total)
    // The rest of the query and the filters stay as they were.
    const withWords = nearby('绿色 低炭', { papers: ['jiangbei'] })
    expect(withWords?.[0]?.q).toBe('绿色 低碳')
    expect(withWords?.[0]?.total).toBe(run({ q: '绿色 低碳', papers: ['jiangbei'] }).total)
  })

  it('a character added or dropped, and a fielded term', () => {
    expect(nearby('低碳碳')?.map((d) => [d.to, d.change])).toContainEqual(['低碳', 'dropped'])
    expect(nearby('byline:刘晶')?.[0]).toMatchObject({ q: 'byline:刘静', change: 'substituted' })
  })

  it('variant and confusable characters the normalizer does not fold', () => {
    // Every pair stays apart after normalizing (else it would need no suggestion).
    for (const [a, b] of Object.entries({ ...VARIANTS, ...CONFUSABLE }))
      expect(normalize(a), `${a} ${b}`).not.toBe(normalize(b))
    // 低炭 → 低碳 also through the confusable table alone (an empty vocabulary).
    const empty = buildFieldIndex([])
    const r = { q: '低炭' }
    expect(didYouMean(empty, r, 0, count).offers[0]).toMatchObject({ to: '低碳' })
  })

  it('stays quiet when the query finds enough, or cannot be understood', () => {
    expect(nearby('发展')).toEqual([])
    expect(nearby('-发展')).toEqual([])
    expect(nearby('')).toEqual([])
  })

  it('counts at most DID_YOU_MEAN_CHECKS candidates, and none for a query that finds enough', () => {
    let searches = 0
    const counted = (r: SearchRequest): number | undefined => (searches++, count(r))
    // Many long terms: dozens of candidates (a character dropped from each, variants …).
    const q = '低炭低炭低炭 余略你姐炭 的在作须即 帐订历副园 制以经带划'
    const r = didYouMean(fields, { q }, 0, counted)
    expect(r.checked).toBe(DID_YOU_MEAN_CHECKS)
    expect(searches).toBe(DID_YOU_MEAN_CHECKS)
    searches = 0
    expect(didYouMean(fields, { q: '发展' }, run({ q: '发展' }).total, counted).checked).toBe(0)
    expect(searches).toBe(0)
  })
})
