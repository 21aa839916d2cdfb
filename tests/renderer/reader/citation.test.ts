// Citations of one article in GB/T 7714, BibTeX and RIS.
import { describe, expect, it } from 'vitest'
import { authorOf, bibtex, gbt7714, ris } from '../../../src/renderer/reader/citation'

describe('citations', () => {
  const source = {
    article: {
      id: 'jiangbei-2023-07-13/p1/a1',
      headline: '“碳”寻发展新路径',
      byline: '记者刘静',
      page: 1,
    },
    paperName: '江北报',
    date: '2023-07-13',
    dateSource: 'inferred' as const,
  }

  it('GB/T 7714 newspaper form', () => {
    // An inferred date in square brackets, the standard's form for an estimated date.
    expect(gbt7714(source)).toBe('刘静. “碳”寻发展新路径[N]. 江北报, [2023-07-13](1).')
    expect(gbt7714({ ...source, dateSource: 'printed' })).toBe(
      '刘静. “碳”寻发展新路径[N]. 江北报, 2023-07-13(1).',
    )
  })

  it('a story continued across pages is cited with all its pages', () => {
    const story = {
      ...source,
      dateSource: 'printed' as const,
      article: {
        ...source.article,
        story: { parts: ['jiangbei-2023-07-13/p1/a1', 'jiangbei-2023-07-13/p2/a5'], pages: [1, 2] },
      },
    }
    expect(gbt7714(story)).toBe('刘静. “碳”寻发展新路径[N]. 江北报, 2023-07-13(1, 2).')
    expect(bibtex(story)).toContain('pages = {1,2}')
    expect(ris(story).split('\r\n')).toEqual(expect.arrayContaining(['SP  - 1', 'EP  - 2']))
  })

  it('read online: [N/OL], access date and URL in every format', () => {
    const online = {
      ...source,
      dateSource: 'printed' as const,
      url: 'http://127.0.0.1:8080/#/library?a=jiangbei-2023-07-13/p1/a1',
      accessed: '2026-12-02',
    }
    expect(gbt7714(online)).toBe(
      '刘静. “碳”寻发展新路径[N/OL]. 江北报, 2023-07-13(1)[2026-12-02]. http://127.0.0.1:8080/#/library?a=jiangbei-2023-07-13/p1/a1.',
    )
    expect(bibtex(online)).toContain('urldate = {2026-12-02}')
    expect(ris(online).split('\r\n')).toContain('Y2  - 2026/12/02')
    expect(ris(online)).toContain('UR  - http://127.0.0.1:8080/')
  })

  it('BibTeX and RIS', () => {
    expect(bibtex(source)).toContain('@article{jiangbei-2023-07-13-p1-a1,')
    expect(bibtex(source)).toContain('journal = {江北报}')
    const r = ris(source).split('\r\n')
    expect(r[0]).toBe('TY  - NEWS')
    expect(r).toContain('DA  - 2023/07/13')
    expect(r.at(-1)).toBe('ER  - ')
  })

  it('authors from bylines', () => {
    expect(authorOf('本报记者 王偲媞')).toBe('王偲媞')
    expect(authorOf(undefined)).toBeUndefined()
  })
})
