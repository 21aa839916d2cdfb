// A segment keeps an article's full title only when it is not its headline (format v13): the
// title reads back the same either way, in memory and through a file, and a headline is not
// stored twice.
import { describe, expect, it } from 'vitest'
import { deserializeSegment } from '../../../src/shared/search/index-file'
import { serializeSegment } from '../../../src/shared/search/segment-write'
import { buildSearchIndex, headlineOf, titleOf } from '../../../src/shared/search/search-index'
import { composeIndex } from '../../../src/shared/search/compose-index'
import type { SearchIndex } from '../../../src/shared/search/compose-index'
import { io } from './segment-io'

const issue = { id: 'x-2020-01-01', paper: 'x', date: '2020-01-01' }
const docs = [
  { issue: 0, page: 1, article: 1, headline: '低碳生活', text: '倡导低碳生活。' },
  {
    issue: 0,
    page: 1,
    article: 2,
    headline: '绿色发展',
    title: '本报讯 绿色发展 新篇章',
    text: '推动绿色发展。',
  },
  { issue: 0, page: 1, article: 3, headline: '', title: '', text: '没有标题。' },
]

function titles(index: SearchIndex): string[] {
  return docs.map((_, d) => `${headlineOf(index, d)} | ${titleOf(index, d)}`)
}

describe('titles', () => {
  it('are kept only where they differ from the headline, and read back the same', () => {
    const index = buildSearchIndex([issue], docs)
    const seg = index.segments[0]!.seg
    expect(Array.from(seg.docs.titleOwn)).toEqual([0, 1, 0])
    expect(seg.docs.titles.length).toBe('本报讯 绿色发展 新篇章'.length + 3)
    const expected = ['低碳生活 | 低碳生活', '绿色发展 | 本报讯 绿色发展 新篇章', ' | ']
    expect(titles(index)).toEqual(expected)
    const back = deserializeSegment(serializeSegment(seg, io), io)
    expect(titles(composeIndex([{ seg: back }]))).toEqual(expected)
  })
})
