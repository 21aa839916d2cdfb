// Notes on articles: one per article, newest first, an empty text deletes, exported with the
// bookmarks and imported without overwriting a note already there; a note on something that is
// not an article (a script URL, a path) is refused at the boundary.
import { beforeEach, describe, expect, it } from 'vitest'
import {
  bookmarkStore,
  exportBookmarks,
  importBookmarks,
} from '../../../src/renderer/bookmarks/bookmarks'
import { deleteNote, MAX_NOTE_LENGTH, saveNote } from '../../../src/renderer/bookmarks/notes'

const noteOf = (articleId: string) =>
  bookmarkStore.get().notes?.find((n) => n.articleId === articleId)

const issue = { paperName: '江北报', paperNameEn: 'Jiangbei Daily', date: '2023-07-13' }
const article = (n: number) => ({
  id: `jiangbei-2023-07-13/p2/a${n}`,
  page: 2,
  headline: `标题${n}`,
})

describe('notes', () => {
  beforeEach(() => bookmarkStore.set({ version: 1, bookmarks: [], recent: [] }))

  it('keeps one note per article, newest first, and keeps when it was first written', () => {
    saveNote(issue, article(1), '第一条', new Date('2026-01-01T00:00:00Z'))
    saveNote(issue, article(2), '第二条')
    saveNote(issue, article(1), '  改过的  ', new Date('2026-02-01T00:00:00Z'))
    const notes = bookmarkStore.get().notes ?? []
    expect(notes.map((n) => n.articleId)).toEqual([article(1).id, article(2).id])
    expect(noteOf(article(1).id)).toMatchObject({
      text: '改过的',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
      paperNameEn: 'Jiangbei Daily',
      page: 2,
    })
  })

  it('an empty text deletes the note; the text is cut to the limit', () => {
    saveNote(issue, article(1), '有')
    expect(saveNote(issue, article(1), '   ')).toBeUndefined()
    expect(noteOf(article(1).id)).toBeUndefined()
    saveNote(issue, article(1), '字'.repeat(MAX_NOTE_LENGTH + 10))
    expect(noteOf(article(1).id)?.text).toHaveLength(MAX_NOTE_LENGTH)
    deleteNote(article(1).id)
    expect(bookmarkStore.get().notes).toEqual([])
  })

  it('are exported with the bookmarks and imported without overwriting', () => {
    saveNote(issue, article(1), '原有')
    saveNote(issue, article(2), '第二条')
    const file = exportBookmarks()
    deleteNote(article(2).id)
    saveNote(issue, article(1), '这里改过')
    expect(importBookmarks(file)).toEqual({ ok: true, added: 0, notes: 1, skipped: 1 })
    expect(noteOf(article(1).id)?.text).toBe('这里改过')
    expect(noteOf(article(2).id)?.text).toBe('第二条')
  })

  it('a file of bookmarks from before notes still imports', () => {
    const old = JSON.stringify({ format: 'archive-reader/bookmarks', version: 1, bookmarks: [] })
    expect(importBookmarks(old)).toEqual({ ok: true, added: 0, notes: 0, skipped: 0 })
  })

  it('refuses a note that is not on an article, with the field named', () => {
    saveNote(issue, article(1), '原有')
    const file = JSON.parse(exportBookmarks())
    for (const articleId of ['javascript:alert(1)', '../../etc/passwd', 'jiangbei-2023-07-13']) {
      file.notes[0].articleId = articleId
      const r = importBookmarks(JSON.stringify(file))
      expect(r.ok).toBe(false)
      expect(r.ok ? '' : r.error).toMatch(/articleId/)
    }
    file.notes[0].articleId = article(1).id
    file.notes[0].text = ''
    expect(importBookmarks(JSON.stringify(file)).ok).toBe(false)
  })
})
