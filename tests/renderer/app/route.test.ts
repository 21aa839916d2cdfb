// Hash routes: every view round-trips through the URL, and malformed links degrade gracefully.
import { describe, expect, it } from 'vitest'
import { formatRoute, parsePaneRef, parseRoute } from '../../../src/renderer/app/route'
import type { AppRoute } from '../../../src/renderer/app/route'
import {
  openRef,
  sameDateElsewhere,
  stepHit,
  swapPanes,
  toggleSplit,
} from '../../../src/renderer/app/navigation'
import type { IssueSummary } from '../../../src/shared/types'

const full: AppRoute = {
  tab: 'search',
  search: {
    q: '低碳 "双碳"',
    papers: ['beibei', 'jiangbei'],
    dateFrom: '2023-01-01',
    sort: 'date-asc',
    offset: 20,
  },
  libPaper: 'jiangbei',
  libYear: '2023',
  panes: [
    {
      ref: { issueId: 'jiangbei-2023-07-13', page: 1, article: 1 },
      q: '低碳',
      hit: 3,
      original: true,
    },
    { ref: { issueId: 'jiangbei-2023-07-13', page: 2 } },
  ],
  active: 1,
  sync: true,
}

describe('routes', () => {
  it('round-trip a full view', () => {
    expect(parseRoute(formatRoute(full))).toEqual(full)
  })

  it('format stably (same view, same link)', () => {
    expect(formatRoute(parseRoute(formatRoute(full)))).toBe(formatRoute(full))
    expect(formatRoute(parseRoute(''))).toBe('#/library')
  })

  it('drop what is malformed and keep the rest', () => {
    const r = parseRoute(
      '#/search?q=x&from=2023-99-99&page=x&sort=up&a=BAD!&b=ok-1/p2/a3&active=b&sync=1',
    )
    expect(r.search).toEqual({ q: 'x' })
    expect(r.panes).toEqual([{ ref: { issueId: 'ok-1', page: 2, article: 3 } }])
    expect(r.active).toBe(0)
    expect(r.sync).toBe(false)
  })

  it('an unknown tab with a query opens the search', () => {
    expect(parseRoute('#/nowhere?q=a').tab).toBe('search')
    expect(parseRoute('#/nowhere').tab).toBe('library')
  })

  it('pane references', () => {
    expect(parsePaneRef('a-1')).toEqual({ issueId: 'a-1' })
    expect(parsePaneRef('a-1/p0')).toEqual({ issueId: 'a-1' })
    expect(parsePaneRef('a-1/p2/a0')).toEqual({ issueId: 'a-1', page: 2 })
    expect(parsePaneRef('../etc')).toBeUndefined()
  })
})

describe('pane navigation', () => {
  const one: AppRoute = { ...full, panes: [full.panes[0]!], active: 0, sync: false }

  it('open beside adds pane B; toggling split keeps the active pane', () => {
    const r = openRef(one, { issueId: 'x' }, 'other')
    expect(r.panes.map((p) => p.ref.issueId)).toEqual(['jiangbei-2023-07-13', 'x'])
    expect(toggleSplit({ ...r, active: 1 }).panes).toEqual([{ ref: { issueId: 'x' } }])
  })

  it('swap exchanges panes and follows the active one', () => {
    const s = swapPanes(full)
    expect(s.panes[0]).toEqual(full.panes[1])
    expect(s.active).toBe(0)
  })

  it('next/previous hit wraps around', () => {
    expect(stepHit(one, 0, 1, 4).panes[0]?.hit).toBeUndefined() // 3 → 0
    expect(stepHit(one, 0, -1, 4).panes[0]?.hit).toBe(2)
  })

  it('same date elsewhere: exact dates first, then the nearest issue per paper', () => {
    const issue = (id: string, paper: string, date: string): IssueSummary => ({
      id,
      paper,
      paperName: paper,
      date,
      dateSource: 'printed',
      pages: [],
    })
    const issues = [
      issue('a1', 'a', '2023-07-13'),
      issue('b1', 'b', '2023-07-01'),
      issue('b2', 'b', '2023-07-12'),
      issue('c1', 'c', '2023-07-13'),
    ]
    expect(sameDateElsewhere(issues, 'a1').map((x) => [x.issue.id, x.exact])).toEqual([
      ['c1', true],
      ['b2', false],
    ])
  })
})
