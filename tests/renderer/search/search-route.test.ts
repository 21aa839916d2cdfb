// A filter change keeps the rest of the search, starts again at the first result, opens the
// search tab and leaves no empty filter behind (so equal searches give equal links).
import { describe, expect, it } from 'vitest'
import { EMPTY_ROUTE, formatRoute } from '../../../src/renderer/app/route'
import type { AppRoute } from '../../../src/renderer/app/route'
import { withSearch } from '../../../src/renderer/search/search-route'

const route: AppRoute = {
  ...EMPTY_ROUTE,
  tab: 'library',
  search: { q: '低碳', papers: ['jiangbei'], dateFrom: '2023-01-01', offset: 40 },
}

describe('withSearch', () => {
  it('merges the change, drops the offset and opens the search tab', () => {
    const r = withSearch(route, { sort: 'date-desc' })
    expect(r.tab).toBe('search')
    expect(r.search).toEqual({
      q: '低碳',
      papers: ['jiangbei'],
      dateFrom: '2023-01-01',
      sort: 'date-desc',
    })
  })

  it('removes filters set to undefined or to an empty list', () => {
    const r = withSearch(route, { papers: [], dateFrom: undefined })
    expect(r.search).toEqual({ q: '低碳' })
    expect(Object.keys(r.search)).toEqual(['q'])
  })

  it('gives the same link as a search that never had the filter', () => {
    const cleared = withSearch(route, { papers: [], dateFrom: undefined })
    const fresh = withSearch({ ...route, search: { q: '低碳' } }, {})
    expect(formatRoute(cleared)).toBe(formatRoute(fresh))
  })

  it('leaves the route it was given unchanged', () => {
    const before = structuredClone(route)
    withSearch(route, { papers: ['beibei'] })
    expect(route).toEqual(before)
  })
})
