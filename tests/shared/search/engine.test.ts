import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as OpenCC from 'opencc-js'
import { matchingArticles, search } from '../../../src/shared/search/engine'
import { parseQuery } from '../../../src/shared/search/query'
import { normalize } from '../../../src/shared/text/normalize'
import { articleTitle } from '../../../src/shared/search/search-index'
import type { SearchRequest } from '../../../src/shared/types'
import { seedArchive } from './seed-index'

const { index, articles } = seedArchive()
const byId = new Map(articles.map((a) => [a.id, a]))
const run = (request: SearchRequest) =>
  search(index, request, (id) => {
    const a = byId.get(id)
    return a && { headline: a.headline, title: articleTitle(a), text: a.text }
  })
const ids = (q: string) => run({ q, limit: 1000 }).hits.map((h) => h.articleId)
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

/** Ground truth: the articles whose normalized headline or text contains the normalized term. */
function scan(term: string): string[] {
  const t = normalize(term)
  return articles
    .filter((a) => normalize(articleTitle(a)).includes(t) || normalize(a.text).includes(t))
    .map((a) => a.id)
    .sort()
}

describe('search over the seed archive', () => {
  it('finds a phrase that a line wrap splits in the source', () => {
    const r = run({ q: '发展和改革委员会' })
    expect(r.hits.map((h) => h.articleId)).toEqual(['jiangbei-2023-07-13/p1/a1'])
    const hit = r.hits[0]!
    const [s, e] = hit.highlights[0]!
    expect(hit.snippet.slice(s, e)).toBe('发展和改革委员会')
  })

  it('folds traditional characters in text and query', () => {
    const hit = run({ q: '中环万象城' }).hits[0]!
    expect(hit.snippet.slice(...hit.highlights[0]!)).toBe('中環万象城')
    expect(ids('中環萬象城')).toEqual(ids('中环万象城'))
  })

  it('ignores stray spaces: 7月12日 finds text printed 7月 12日', () => {
    const found = ids('7月12日')
    expect(found).toContain('jiangbei-2023-07-13/p1/a1')
    expect(found.sort()).toEqual(scan('7月12日'))
  })

  it('returns nothing for a phrase that is not there', () => {
    expect(run({ q: '北京烤鸭' })).toMatchObject({ total: 0, hits: [] })
  })

  it('supports AND, OR, quoted phrases and exclusions', () => {
    const green = new Set(scan('绿色'))
    const low = new Set(scan('低碳'))
    expect(ids('绿色 低碳').sort()).toEqual([...green].filter((x) => low.has(x)).sort())
    expect(ids('绿色 -低碳').sort()).toEqual([...green].filter((x) => !low.has(x)).sort())
    expect(ids('雷锋 OR 烤鸭').sort()).toEqual(scan('雷锋'))
    expect(ids('"记者 刘静"')).toEqual(['jiangbei-2023-07-13/p1/a1'])
    expect(run({ q: '-低碳' }).error).toMatch(/at least one word/)
  })

  it('filters by paper, date range, issue and page, with disjunctive facets', () => {
    const all = run({ q: '发展' })
    const jb = run({ q: '发展', papers: ['jiangbei'] })
    expect(jb.hits.every((h) => h.paper === 'jiangbei')).toBe(true)
    expect(jb.facets.paper).toEqual(all.facets.paper) // the paper facet ignores its own filter
    expect(jb.total).toBe(all.facets.paper.find((f) => f.value === 'jiangbei')!.count)
    const y2023 = run({ q: '发展', dateFrom: '2023-01-01', dateTo: '2023-12-31' })
    expect(y2023.hits.every((h) => h.date.startsWith('2023'))).toBe(true)
    const page2 = run({ q: '发展', issueId: 'jiangbei-2023-07-13', page: 2 })
    expect(page2.hits.every((h) => h.articleId.startsWith('jiangbei-2023-07-13/p2/'))).toBe(true)
    expect(page2.total).toBeGreaterThan(0)
  })

  it('sorts by date and pages through results', () => {
    const desc = run({ q: '发展', sort: 'date-desc', limit: 1000 }).hits.map((h) => h.date)
    expect(desc).toEqual([...desc].sort().reverse())
    const first = run({ q: '发展', limit: 3 })
    const second = run({ q: '发展', limit: 3, offset: 3 })
    expect(first.hits).toHaveLength(3)
    expect(second.hits[0]!.articleId).not.toBe(first.hits[0]!.articleId)
  })

  it('ranks an article whose headline matches above one that only mentions the term', () => {
    const hits = run({ q: '雷锋' }).hits
    expect(hits[0]!.headline).toContain('雷锋')
  })

  it('every hit really contains the query and every snippet shows it', () => {
    for (const q of ['发展', '绿色低碳', '渝中', 'hua望江', '2023年', '企业']) {
      const r = run({ q, limit: 1000 })
      expect(r.hits.map((h) => h.articleId).sort()).toEqual(scan(q))
      for (const h of r.hits) {
        expect(h.highlights.length).toBeGreaterThan(0)
        const shown = h.highlights.map(([s, e]) => normalize(h.snippet.slice(s, e)))
        expect(shown.some((x) => x.includes(normalize(q)) || normalize(q).includes(x))).toBe(true)
      }
    }
  })
})

describe('search properties', () => {
  const texts = articles.map((a) => ({ id: a.id, chars: Array.from(a.text) }))

  it('any substring of an article of 2–12 characters finds that article, and only articles containing it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.integer({ min: 2, max: 12 }),
        (which, start, len) => {
          const { id, chars } = texts[which]!
          const at = start % Math.max(1, chars.length - len)
          const sub = chars.slice(at, at + len).join('')
          const term = normalize(sub)
          fc.pre(term.length > 0)
          const found = matchingArticles(index, { all: [[{ text: term, raw: sub }]], none: [] })
          expect(found).toContain(id)
          expect([...found].sort()).toEqual(scan(sub))
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('a query and its traditional form find the same articles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.nat(),
        fc.integer({ min: 2, max: 8 }),
        (which, start, len) => {
          const { chars } = texts[which]!
          const at = start % Math.max(1, chars.length - len)
          const sub = chars
            .slice(at, at + len)
            .join('')
            .replace(/["“”＂\s-]/g, '')
          fc.pre(sub.length >= 2 && !/^OR$/.test(sub))
          const q = parseQuery(sub)
          const t = parseQuery(toTraditional(sub))
          expect(matchingArticles(index, t)).toEqual(matchingArticles(index, q))
        },
      ),
      { numRuns: 1000 },
    )
  })
})
