// Bookmark import validates files with zod and merges without duplicates.
import { describe, expect, it } from 'vitest'
import {
  addBookmark,
  bookmarkStore,
  exportBookmarks,
  importBookmarks,
  removeBookmark,
} from '../../../src/renderer/bookmarks/bookmarks'

describe('bookmarks', () => {
  it('export → import round-trips and skips what is already there', () => {
    const b = addBookmark('低碳', '#/search?q=低碳', 'search')
    const file = exportBookmarks()
    expect(importBookmarks(file)).toEqual({ ok: true, added: 0, notes: 0, skipped: 1 })
    removeBookmark(b.id)
    expect(importBookmarks(file)).toEqual({ ok: true, added: 1, notes: 0, skipped: 0 })
    expect(bookmarkStore.get().bookmarks[0]?.name).toBe('低碳')
  })

  it('refuses files that are not ours, with a reason', () => {
    expect(importBookmarks('not json').ok).toBe(false)
    const wrongRoute = JSON.stringify({
      format: 'archive-reader/bookmarks',
      version: 1,
      bookmarks: [
        { id: 'x', name: 'n', route: 'javascript:alert(1)', kind: 'view', createdAt: '' },
      ],
    })
    const r = importBookmarks(wrongRoute)
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.error).toMatch(/route/)
  })
})
