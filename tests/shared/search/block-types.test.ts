// Block types in search: every block is searchable; a `types` filter narrows hits to some, and
// the type facet counts each type as if the filter were not set (like the paper facet).
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import { searchRequestFromParams, searchRequestToParams } from '../../../src/shared/http'
import { searchRequestSchema } from '../../../src/shared/contract'
import type { SearchRequest } from '../../../src/shared/types'
import { seedArchive } from './seed-index'

const { index, articles } = seedArchive()
const run = (request: SearchRequest) =>
  search(index, request, (id) => {
    const a = articles.find((x) => x.id === id)
    return a && { headline: a.headline, text: a.text }
  })

describe('block types in search', () => {
  it('finds non-article blocks too, and says what each hit is', () => {
    // The public-service ad on 江北报 p2 and the QR blurb are blocks of their own.
    const ad = run({ q: '严防溺水' })
    expect(ad.hits.map((h) => h.type)).toContain('ad')
    const every = run({ q: '我区' })
    for (const h of every.hits) {
      const a = articles.find((x) => x.id === h.articleId)
      expect(h.type).toBe(a?.type)
    }
  })

  it('filters by type and counts the type facet without its own filter', () => {
    const all = run({ q: '江北', limit: 1000 })
    const onlyArticles = run({ q: '江北', types: ['article'], limit: 1000 })
    expect(onlyArticles.hits.every((h) => h.type === 'article')).toBe(true)
    const facet = new Map(all.facets.type.map((f) => [f.value, f.count]))
    expect(onlyArticles.total).toBe(facet.get('article'))
    expect(onlyArticles.facets.type).toEqual(all.facets.type)
    expect(all.total).toBe([...facet.values()].reduce((a, b) => a + b, 0))
    expect(facet.size).toBeGreaterThan(1)
  })

  it('carries the filter through the HTTP parameters and the contract', () => {
    const request: SearchRequest = { q: '江北', types: ['article', 'brief'] }
    const back = searchRequestFromParams(searchRequestToParams(request))
    expect(searchRequestSchema.parse(back)).toEqual(request)
    expect(() => searchRequestSchema.parse({ q: 'x', types: ['poster'] })).toThrow()
  })
})
