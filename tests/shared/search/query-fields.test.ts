import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalize } from '../../../src/shared/text/normalize'
import { articleTitle } from '../../../src/shared/search/search-index'
import { matchingArticles, search } from '../../../src/shared/search/engine'
import { parseQuery, QuerySyntaxError } from '../../../src/shared/search/query'
import { seedArchive } from './seed-index'

const { index, articles } = seedArchive()
const byId = new Map(articles.map((a) => [a.id, a]))
const papers = [
  { slug: 'jiangbei', name: '江北报' },
  { slug: 'beibei', name: '北碚报' },
]
const ids = (q: string): string[] => matchingArticles(index, parseQuery(q), {}, { papers })

describe('fielded terms in the query', () => {
  it('parses headline:, byline:, paper: and type:, with aliases, phrases and exclusions', () => {
    const q = parseQuery('headline:低碳 author:"刘 静" paper:江北报 -type:ad 发展 12:30')
    expect(q.all.map((g) => g.map((t) => [t.field, t.text]))).toEqual([
      [['headline', '低碳']],
      [['byline', '刘静']],
      [[undefined, '发展']],
      [[undefined, '12:30']],
    ])
    expect(q.papers).toEqual(['江北报'])
    expect(q.notTypes).toEqual(['ad'])
    expect(parseQuery('title：低碳').all[0]?.[0]?.field).toBe('headline')
    expect(() => parseQuery('type:poem 低碳')).toThrow(QuerySyntaxError)
    expect(() => parseQuery('paper:jiangbei')).toThrow(QuerySyntaxError)
    // The same text in two fields is two terms.
    expect(parseQuery('headline:低碳 低碳').all).toHaveLength(2)
  })

  it('headline: finds exactly the articles whose title has the term (property)', () => {
    const titled = articles.filter((a) => normalize(articleTitle(a)).length >= 2)
    fc.assert(
      fc.property(
        fc.constantFrom(...titled),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        (a, at, len) => {
          const title = normalize(articleTitle(a))
          const start = at % (title.length - 1)
          const term = title.slice(start, start + len).trim()
          fc.pre(term.length > 0 && !/["“”＂\s]/.test(term))
          const found = ids(`headline:"${term}"`)
          expect(found).toContain(a.id)
          for (const id of found) expect(normalize(articleTitle(byId.get(id)!))).toContain(term)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('byline: finds exactly the articles whose byline has the name', () => {
    const found = ids('byline:刘静')
    expect(found.length).toBeGreaterThan(0)
    for (const id of found) expect(byId.get(id)!.byline).toContain('刘静')
    const withName = articles.filter((a) => a.byline?.includes('刘静')).map((a) => a.id)
    expect(found.sort()).toEqual(withName.sort())
    // Excluded by byline, kept otherwise.
    const notHer = ids('发展 -byline:刘静')
    expect(notHer.length).toBeGreaterThan(0)
    for (const id of notHer) expect(byId.get(id)!.byline ?? '').not.toContain('刘静')
  })

  it('paper: by slug or name, and type:, narrow hits, totals and facets', () => {
    const all = search(index, { q: '发展' }, () => undefined, { papers })
    const jb = search(index, { q: '发展 paper:江北报' }, () => undefined, { papers })
    const slug = search(index, { q: '发展 paper:jiangbei' }, () => undefined, { papers })
    expect(jb.total).toBe(slug.total)
    expect(jb.total).toBeGreaterThan(0)
    expect(jb.total).toBeLessThan(all.total)
    expect(jb.facets.paper.map((f) => f.value)).toEqual(['jiangbei'])
    const photos = search(index, { q: '发展 type:article' }, () => undefined, { papers })
    expect(photos.facets.type.map((f) => f.value)).toEqual(['article'])
    for (const h of photos.hits) expect(h.type).toBe('article')
  })
})
