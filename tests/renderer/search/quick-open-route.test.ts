import { describe, expect, it } from 'vitest'
import { EMPTY_ROUTE, formatRoute, parseRoute } from '../../../src/renderer/app/route'
import type { AppRoute } from '../../../src/renderer/app/route'
import { readDateText, routeForItem } from '../../../src/renderer/search/quick-open-route'
import type { QuickOpenItem } from '../../../src/shared/types'

const base = { label: 'x', detail: 'y', match: 'exact', score: 1 } as const
const reading: AppRoute = {
  ...EMPTY_ROUTE,
  tab: 'search',
  search: { q: '低碳', papers: ['jiangbei'] },
  panes: [{ ref: { issueId: 'beibei-2024-03-04', page: 1, article: 5 }, q: '低碳' }],
}

const go = (item: QuickOpenItem, route: AppRoute = EMPTY_ROUTE): string =>
  decodeURIComponent(formatRoute(routeForItem(item, route)))

describe('routeForItem', () => {
  it('opens a paper, and a paper’s year, in the library', () => {
    expect(go({ ...base, kind: 'paper', paper: 'jiangbei', issues: 2 })).toBe(
      '#/library?lp=jiangbei',
    )
    expect(
      go({ ...base, kind: 'year', paper: 'jiangbei', year: '2023', month: '2023-07', issues: 2 }),
    ).toBe('#/library?lp=jiangbei&ly=2023')
    const other = { ...EMPTY_ROUTE, libPaper: 'beibei', libYear: '2024' }
    expect(go({ ...base, kind: 'paper', paper: 'jiangbei', issues: 2 }, other)).toBe(
      '#/library?lp=jiangbei',
    )
  })

  it('opens an issue or an article in the active pane, keeping the search', () => {
    expect(
      go({
        ...base,
        kind: 'issue',
        issueId: 'jiangbei-2023-07-13',
        paper: 'jiangbei',
        date: '2023-07-13',
      }),
    ).toBe('#/library?a=jiangbei-2023-07-13')
    const article: QuickOpenItem = {
      ...base,
      kind: 'article',
      articleId: 'jiangbei-2023-07-13/p2/a5',
      issueId: 'jiangbei-2023-07-13',
      page: 2,
      article: 5,
      paper: 'jiangbei',
      date: '2023-07-13',
      headline: 'h',
    }
    expect(go(article)).toBe('#/library?a=jiangbei-2023-07-13/p2/a5')
    expect(go(article, reading)).toBe('#/search?q=低碳&paper=jiangbei&a=jiangbei-2023-07-13/p2/a5')
  })

  it('runs a search as a new one, its results over the open panes', () => {
    const r = routeForItem({ ...base, kind: 'search', q: '刘静', total: 3 }, reading)
    expect(r.search).toEqual({ q: '刘静' })
    expect(r.tab).toBe('search')
    expect(parseRoute(formatRoute(r)).resultsView).toBe(true)
    expect(go({ ...base, kind: 'search', q: '刘静', total: 3 })).toBe('#/search?q=刘静')
  })
})

describe('readDateText', () => {
  it('says each form of date in the UI language', () => {
    expect(readDateText('2023-07-13', 'zh-CN')).toBe('2023年7月13日')
    expect(readDateText('2023-07-13', 'en')).toBe('July 13, 2023')
    expect(readDateText('2023-07', 'zh-CN')).toBe('2023年7月')
    expect(readDateText('--07-13', 'zh-CN')).toBe('7月13日')
    expect(readDateText('--02-29', 'en')).toBe('February 29')
    expect(readDateText('2023', 'en')).toBe('2023')
  })
})
