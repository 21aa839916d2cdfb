// A researcher's notes on articles: one short note per article, kept in the bookmarks store
// (bookmarks.ts: validated on every read, exported and imported with the bookmarks). The note
// carries the article's paper, date, page and headline, so the list of notes reads without
// loading any issue.
import type { Article, IssueView } from '../../shared/types'
import { createStore, useStore } from '../ui/store'
import { bookmarkStore, MAX_NOTE_LENGTH } from './bookmarks'
import type { Note } from './bookmarks'

export { MAX_NOTE_LENGTH }
export type { Note }

export function useNotes(): readonly Note[] {
  return useStore(bookmarkStore).notes ?? []
}

/** The article's note in the list; its text trimmed and cut to MAX_NOTE_LENGTH. */
export function noteFor(
  issue: Pick<IssueView, 'paperName' | 'paperNameEn' | 'date'>,
  article: Pick<Article, 'id' | 'page' | 'headline'>,
  text: string,
  now = new Date(),
  created?: string,
): Note {
  const at = now.toISOString()
  return {
    articleId: article.id,
    text: text.trim().slice(0, MAX_NOTE_LENGTH),
    headline: article.headline.slice(0, 300),
    paperName: issue.paperName,
    ...(issue.paperNameEn ? { paperNameEn: issue.paperNameEn } : {}),
    date: issue.date,
    page: article.page,
    createdAt: created ?? at,
    updatedAt: at,
  }
}

/** Saves the article's note (newest first); an empty text deletes it. */
export function saveNote(
  issue: Pick<IssueView, 'paperName' | 'paperNameEn' | 'date'>,
  article: Pick<Article, 'id' | 'page' | 'headline'>,
  text: string,
  now = new Date(),
): Note | undefined {
  if (!text.trim()) {
    deleteNote(article.id)
    return undefined
  }
  const s = bookmarkStore.get()
  const old = s.notes?.find((n) => n.articleId === article.id)
  const note = noteFor(issue, article, text, now, old?.createdAt)
  const rest = (s.notes ?? []).filter((n) => n.articleId !== article.id)
  bookmarkStore.set({ ...s, notes: [note, ...rest] })
  return note
}

export function deleteNote(articleId: string): void {
  const s = bookmarkStore.get()
  if (!s.notes?.some((n) => n.articleId === articleId)) return
  bookmarkStore.set({ ...s, notes: s.notes.filter((n) => n.articleId !== articleId) })
}

/** Which article's note is open for editing (one at a time, in whichever pane shows it). */
const editing = createStore<string | undefined>(undefined)

export function useNoteEditing(): string | undefined {
  return useStore(editing)
}

export function editNote(articleId: string | undefined): void {
  editing.set(articleId)
}
