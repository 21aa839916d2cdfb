// What leaves the app with an article: the citation source keeps whether the date was printed
// or inferred, and the text file carries heading, provenance, text, captions and the citation.
import { describe, expect, it } from 'vitest'
import { articleAsText, citationSource } from '../../../src/renderer/reader/article-export'
import { gbt7714 } from '../../../src/renderer/reader/citation'
import type { Article, IssueView } from '../../../src/shared/types'

const article: Article = {
  id: 'jiangbei-2023-07-13/p2/a1',
  issueId: 'jiangbei-2023-07-13',
  page: 2,
  index: 1,
  type: 'article',
  kicker: '聚焦',
  headline: '“碳”寻发展新路径',
  byline: '记者刘静',
  text: '第一段。\n\n第二段。',
  captions: ['图为现场'],
  continuations: [],
  sourceRange: [0, 10],
}

const issue: IssueView = {
  id: 'jiangbei-2023-07-13',
  paper: 'jiangbei',
  paperName: '江北报',
  date: '2023-07-13',
  dateSource: 'inferred',
  pages: [
    { number: 1, source: 'jiangbei-2023-07-13-p1.txt', encoding: 'utf-8', articles: [] },
    { number: 2, source: 'jiangbei-2023-07-13-p2.txt', encoding: 'gb18030', articles: [article] },
  ],
}

describe('citationSource', () => {
  it('takes the paper, the date and where the date came from from the issue', () => {
    expect(citationSource(issue, article)).toEqual({
      article,
      paperName: '江北报',
      date: '2023-07-13',
      dateSource: 'inferred',
    })
  })
})

describe('articleAsText', () => {
  const text = articleAsText(issue, article)
  const lines = text.split('\n')

  it('starts with the heading lines that exist, in reading order', () => {
    expect(lines.slice(0, 4)).toEqual(['聚焦', '“碳”寻发展新路径', '记者刘静', ''])
  })

  it('says where it is from: paper, date and its source, page, id, source file and encoding', () => {
    expect(lines).toContain('江北报 2023-07-13 (inferred) · p. 2 · jiangbei-2023-07-13/p2/a1')
    expect(lines).toContain('Source: jiangbei-2023-07-13-p2.txt (gb18030)')
  })

  it('has the text, the captions and the GB/T 7714 citation, and ends with a newline', () => {
    expect(text).toContain('第一段。\n\n第二段。\n\n图为现场\n')
    expect(text.endsWith(`${gbt7714(citationSource(issue, article))}\n`)).toBe(true)
  })

  it('leaves out what the article does not have', () => {
    const bare = { ...article, kicker: undefined, byline: undefined, captions: [] }
    const other = articleAsText({ ...issue, pages: [] }, bare).split('\n')
    expect(other[0]).toBe('“碳”寻发展新路径')
    expect(other.some((l) => l.startsWith('Source:'))).toBe(false)
    expect(other).not.toContain('图为现场')
  })
})
