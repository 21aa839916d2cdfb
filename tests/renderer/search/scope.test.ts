// The scope ladder: each level is plain filters relative to the active pane, and the filters of
// a search read back as the level they set.
import { describe, expect, it } from 'vitest'
import { SCOPE_LEVELS, levelOf, scopeFilters } from '../../../src/renderer/search/scope'
import type { SearchRequest } from '../../../src/shared/types'

const issue = { id: 'jiangbei-2023-07-13', paper: 'jiangbei' }

describe('scope ladder', () => {
  it('reads the level from the filters', () => {
    expect(levelOf({ q: 'x' })).toBe('all')
    expect(levelOf({ q: 'x', papers: ['jiangbei'] })).toBe('paper')
    expect(levelOf({ q: 'x', papers: ['jiangbei', 'beibei'] })).toBe('all')
    expect(levelOf({ q: 'x', issueId: issue.id })).toBe('issue')
    expect(levelOf({ q: 'x', issueId: issue.id, page: 2 })).toBe('page')
  })

  it('sets each level so that it reads back as that level, clearing the others', () => {
    for (const level of SCOPE_LEVELS) {
      const filters = scopeFilters(level, issue, 2)
      expect(filters).toBeDefined()
      const search: SearchRequest = { q: 'x', papers: ['beibei', 'yuzhong'], ...filters }
      expect(levelOf(search)).toBe(level)
    }
    expect(scopeFilters('page', issue, 2)).toEqual({
      issueId: issue.id,
      page: 2,
      papers: undefined,
    })
    expect(scopeFilters('paper', issue, 2)).toEqual({
      issueId: undefined,
      page: undefined,
      papers: ['jiangbei'],
    })
  })

  it('offers only "everything" when the pane shows nothing, and no page without one', () => {
    expect(scopeFilters('all', undefined, undefined)).toEqual({
      issueId: undefined,
      page: undefined,
      papers: undefined,
    })
    expect(scopeFilters('paper', undefined, undefined)).toBeUndefined()
    expect(scopeFilters('issue', undefined, undefined)).toBeUndefined()
    expect(scopeFilters('page', issue, undefined)).toBeUndefined()
    expect(scopeFilters('issue', issue, undefined)).toEqual({
      issueId: issue.id,
      page: undefined,
      papers: undefined,
    })
  })
})
