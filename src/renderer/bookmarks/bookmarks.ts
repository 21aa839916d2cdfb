// Saved views (searches and reading positions), recent searches, notes on articles (notes.ts),
// and their JSON export/import. Everything read from localStorage or from an imported file is
// validated with zod first.
import { MAX_QUERY_LENGTH } from '../../shared/rules'
import { describeZodError } from '../../shared/zod-problems'
import { z } from 'zod'
import { articleMetaShape } from './article-ref'
import { persisted } from '../ui/persisted'
import { useStore } from '../ui/store'

const route = z
  .string()
  .max(4096)
  .refine((s) => s.startsWith('#/'), 'a saved view is an in-app route starting with #/')

const bookmarkSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  route,
  kind: z.enum(['search', 'reading', 'view']),
  createdAt: z.string().max(40),
})

const recentSchema = z.object({
  q: z.string().min(1).max(MAX_QUERY_LENGTH),
  route,
  at: z.string().max(40),
})

export const MAX_NOTE_LENGTH = 2000

const noteSchema = z.object({
  ...articleMetaShape,
  text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
})

// `notes` is optional: a store or a file written before notes existed still reads.
const storeSchema = z.object({
  version: z.literal(1),
  bookmarks: z.array(bookmarkSchema).max(2000),
  recent: z.array(recentSchema).max(100),
  notes: z.array(noteSchema).max(5000).optional(),
})

export const EXPORT_FORMAT = 'archive-reader/bookmarks'

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40).optional(),
  bookmarks: z.array(bookmarkSchema).max(2000),
  notes: z.array(noteSchema).max(5000).optional(),
})

export type Bookmark = z.infer<typeof bookmarkSchema>
export type Note = z.infer<typeof noteSchema>
type Store = z.infer<typeof storeSchema>

export const BOOKMARKS_KEY = 'archive-reader.bookmarks'
const MAX_RECENT = 12

export const bookmarkStore = persisted<Store>(BOOKMARKS_KEY, storeSchema, () => ({
  version: 1,
  bookmarks: [],
  recent: [],
}))

export function useBookmarks(): Store {
  return useStore(bookmarkStore)
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

export function addBookmark(name: string, routeHash: string, kind: Bookmark['kind']): Bookmark {
  const b: Bookmark = {
    id: newId(),
    name: name.trim().slice(0, 200) || routeHash,
    route: routeHash,
    kind,
    createdAt: new Date().toISOString(),
  }
  const s = bookmarkStore.get()
  bookmarkStore.set({ ...s, bookmarks: [b, ...s.bookmarks] })
  return b
}

export function removeBookmark(id: string): void {
  const s = bookmarkStore.get()
  bookmarkStore.set({ ...s, bookmarks: s.bookmarks.filter((b) => b.id !== id) })
}

/** Remembers a search (most recent first, one entry per query). */
export function recordSearch(q: string, routeHash: string): void {
  const query = q.trim()
  if (!query) return
  const s = bookmarkStore.get()
  if (s.recent[0]?.q === query && s.recent[0].route === routeHash) return
  const recent = [
    { q: query, route: routeHash, at: new Date().toISOString() },
    ...s.recent.filter((r) => r.q !== query),
  ].slice(0, MAX_RECENT)
  bookmarkStore.set({ ...s, recent })
}

export function clearRecent(): void {
  bookmarkStore.set({ ...bookmarkStore.get(), recent: [] })
}

export function exportBookmarks(): string {
  const s = bookmarkStore.get()
  return JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      bookmarks: s.bookmarks,
      notes: s.notes ?? [],
    },
    null,
    2,
  )
}

export type ImportResult =
  { ok: true; added: number; notes: number; skipped: number } | { ok: false; error: string }

/**
 * Merges an exported file: bookmarks already present (same id or same view) and notes on an
 * article that already has one are skipped — what is here is never overwritten.
 */
export function importBookmarks(text: string): ImportResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: `not JSON (${(e as Error).message})` }
  }
  const parsed = exportSchema.safeParse(json)
  if (!parsed.success) {
    return { ok: false, error: describeZodError(parsed.error, { top: 'file' }) }
  }
  const s = bookmarkStore.get()
  const ids = new Set(s.bookmarks.map((b) => b.id))
  const routes = new Set(s.bookmarks.map((b) => b.route))
  const fresh = parsed.data.bookmarks.filter((b) => !ids.has(b.id) && !routes.has(b.route))
  const noted = new Set((s.notes ?? []).map((n) => n.articleId))
  const incoming = parsed.data.notes ?? []
  const notes: Note[] = []
  for (const n of incoming) {
    if (noted.has(n.articleId)) continue
    noted.add(n.articleId)
    notes.push(n)
  }
  bookmarkStore.set({
    ...s,
    bookmarks: [...s.bookmarks, ...fresh],
    ...(notes.length ? { notes: [...(s.notes ?? []), ...notes] } : {}),
  })
  return {
    ok: true,
    added: fresh.length,
    notes: notes.length,
    skipped: parsed.data.bookmarks.length - fresh.length + incoming.length - notes.length,
  }
}
