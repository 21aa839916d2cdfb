import { describe, expect, it } from 'vitest'
import {
  buildFieldIndex,
  fieldIndexJson,
  loadFieldIndex,
  nearbyTerms,
  suggest,
} from '../../../../src/shared/search/fields/field-index'
import { quickOpen } from '../../../../src/shared/search/fields/quick-open'
import { buildVocabulary, bylineNames } from '../../../../src/shared/search/fields/vocabulary'
import type { SearchRequest } from '../../../../src/shared/types'
import { searchIndex, seedArchive } from '../seed-index'

const { index } = seedArchive()
const papers = [
  { slug: 'jiangbei', name: '江北报' },
  { slug: 'beibei', name: '北碚报' },
  { slug: 'yuzhong', name: '渝中报' },
  { slug: 'xinyu', name: '新渝报' },
]
const fields = buildFieldIndex(buildVocabulary(index, papers))
const src = {
  papers,
  issues: index.issues,
  fields,
  search: (r: SearchRequest) => searchIndex(index, r, { papers }),
}

describe('the vocabulary', () => {
  it('takes the names out of bylines', () => {
    expect(bylineNames('本报记者 刘静')).toEqual(['刘静'])
    expect(bylineNames('记者刘静 通讯员 王晓')).toEqual(['刘静', '王晓'])
    expect(bylineNames('下转2版')).toEqual([])
  })
})

describe('suggestions', () => {
  it('complete a prefix from titles, bodies, bylines and paper names, with counts', () => {
    const s = suggest(fields, '低')
    expect(s.map((x) => x.text)).toContain('低碳')
    const low = s.find((x) => x.text === '低碳')!
    // The count is the articles that have it: the engine agrees.
    expect(low.count).toBe(src.search({ q: '低碳' }).total)
    expect(suggest(fields, 'byline:刘')[0]).toMatchObject({
      text: '刘静',
      kind: 'byline',
      query: 'byline:刘静',
    })
    expect(suggest(fields, '江北').map((x) => x.query)).toContain('paper:jiangbei')
    expect(suggest(fields, 'jiang')[0]).toMatchObject({ kind: 'paper', text: '江北报' })
    expect(suggest(fields, '')).toEqual([])
    expect(suggest(fields, '发', 3).length).toBeLessThanOrEqual(3)
  })

  it('survive MiniSearch JSON and loadJSON with the same options', () => {
    const again = loadFieldIndex(fieldIndexJson(fields), fields.entries)
    expect(suggest(again, '发')).toEqual(suggest(fields, '发'))
  })

  it('find archive terms one character away', () => {
    expect(nearbyTerms(fields, '低炭').map((e) => e.term)).toContain('低碳')
    expect(nearbyTerms(fields, '刘晶').map((e) => e.term)).toContain('刘静')
  })
})

describe('quick open', () => {
  it('goes to an issue from a paper and a date in any usual form', () => {
    for (const text of [
      '江北报 2023年7月13日',
      '江北报 2023-07-13',
      'jiangbei 7月13日',
      '江北报20230713',
    ]) {
      const r = quickOpen(src, text)
      expect(r.items[0], text).toMatchObject({ kind: 'issue', issueId: 'jiangbei-2023-07-13' })
    }
    const month = quickOpen(src, '江北报 2023-07')
    expect(month.items[0]).toMatchObject({
      kind: 'year',
      paper: 'jiangbei',
      year: '2023',
      month: '2023-07',
    })
  })

  it('goes to a paper, and to articles by part of a headline or byline, prefix and fuzzy', () => {
    expect(quickOpen(src, '江北').items[0]).toMatchObject({
      kind: 'paper',
      paper: 'jiangbei',
      match: 'prefix',
    })
    const byHeadline = quickOpen(src, '小巨人')
    expect(byHeadline.items[0]).toMatchObject({
      kind: 'article',
      issueId: 'jiangbei-2023-07-13',
      page: 1,
    })
    const byByline = quickOpen(src, '刘静')
    expect(byByline.items.some((i) => i.kind === 'article')).toBe(true)
    const fuzzy = quickOpen(src, '小巨仁')
    expect(fuzzy.items.some((i) => i.kind === 'article' && i.match === 'fuzzy')).toBe(true)
    const last = quickOpen(src, '低碳').items.at(-1)
    expect(last).toMatchObject({ kind: 'search', q: '低碳' })
  })
})
