// Where the reader stopped in each article: the paragraph block at the top of the pane, as its
// character offset in the article's text (so a change of text size or pane width keeps it), and
// how far into that block. Kept in localStorage like the bookmarks: one setItem per write (a
// write lands whole or not at all), validated with zod on every read, and an unreadable store is
// reset — its text kept aside — with a notice (ui/persisted.ts). The most recent positions are
// also the "continue reading" list.
import { z } from 'zod'
import { articleMetaShape } from '../bookmarks/article-ref'
import { persisted } from '../ui/persisted'
import { useStore } from '../ui/store'

const positionSchema = z.object({
  ...articleMetaShape,
  /** The start of the block at the top of the pane, in characters of the article's text. */
  offset: z.number().int().min(0).max(100_000_000),
  /** How far down that block the pane's top line is, 0–1. */
  within: z.number().min(0).max(1),
  /** The article's length then, for "n % read". */
  length: z.number().int().min(1).max(100_000_000),
  at: z.string().max(40),
})

const storeSchema = z.object({
  version: z.literal(1),
  positions: z.array(positionSchema).max(1000),
})

export type ReadingPosition = z.infer<typeof positionSchema>
type Store = z.infer<typeof storeSchema>

export const READING_KEY = 'archive-reader.reading'
/** Positions kept, most recent first; older ones are forgotten. */
export const MAX_POSITIONS = 300
/** A position this close to the top of the article is no position: it opens at the top anyway. */
const AT_TOP = 0.05

export const readingStore = persisted<Store>(READING_KEY, storeSchema, () => ({
  version: 1,
  positions: [],
}))

export function useReadingPositions(): readonly ReadingPosition[] {
  return useStore(readingStore).positions
}

export function positionOf(articleId: string): ReadingPosition | undefined {
  return readingStore.get().positions.find((p) => p.articleId === articleId)
}

/** Remembers where the reader is (or forgets it, back at the top); most recent first. */
export function rememberPosition(p: Omit<ReadingPosition, 'at'>, now = new Date()): void {
  if (p.offset === 0 && p.within < AT_TOP) {
    forgetPosition(p.articleId)
    return
  }
  const s = readingStore.get()
  const old = s.positions.find((q) => q.articleId === p.articleId)
  if (
    old &&
    s.positions[0] === old &&
    old.offset === p.offset &&
    Math.abs(old.within - p.within) < 0.01
  )
    return
  const next: ReadingPosition = {
    ...p,
    within: Math.round(Math.min(1, Math.max(0, p.within)) * 1000) / 1000,
    at: now.toISOString(),
  }
  const positions = [next, ...s.positions.filter((q) => q.articleId !== p.articleId)]
  readingStore.set({ ...s, positions: positions.slice(0, MAX_POSITIONS) })
}

/**
 * How many times each article's position was forgotten (or all were cleared: `clears`). A pane
 * notes it when it records a position and writes that position only if it has not changed
 * since, so a position forgotten while its article is open is not written back by the pane's
 * pending save or by its save on leaving the article.
 */
const forgets = new Map<string, number>()
let clears = 0
export function forgetCount(articleId: string): number {
  return clears + (forgets.get(articleId) ?? 0)
}

export function forgetPosition(articleId: string): void {
  forgets.set(articleId, (forgets.get(articleId) ?? 0) + 1)
  const s = readingStore.get()
  if (!s.positions.some((p) => p.articleId === articleId)) return
  readingStore.set({ ...s, positions: s.positions.filter((p) => p.articleId !== articleId) })
}

export function clearPositions(): void {
  clears++
  readingStore.set({ version: 1, positions: [] })
}

/** How much of the article lies above the position, in whole percent (0–100). */
export function percentRead(p: Pick<ReadingPosition, 'offset' | 'length'>): number {
  return Math.max(0, Math.min(100, Math.round((100 * p.offset) / p.length)))
}

/** What "continue reading" offers: the most recent positions not read to the end. */
export function continueList(positions: readonly ReadingPosition[], limit = 5): ReadingPosition[] {
  return positions.filter((p) => percentRead(p) < 95).slice(0, limit)
}

/**
 * The first of `count` blocks laid out top to bottom whose bottom edge is below `line` (the
 * block the reader's eye is on), by binary search: a megabyte article has thousands of blocks.
 * `count` when every block is above the line.
 */
export function blockAtLine(count: number, bottomOf: (i: number) => number, line: number): number {
  let lo = 0
  let hi = count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (bottomOf(mid) > line) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** How far down a block (top, height) the line is, 0–1. */
export function fractionAt(top: number, height: number, line: number): number {
  if (height <= 0) return 0
  return Math.min(1, Math.max(0, (line - top) / height))
}

/** The last block starting at or before `offset` (the text may have been corrected since). */
export function blockFor(blocks: readonly { start: number }[], offset: number): number {
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((blocks[mid] as { start: number }).start <= offset) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}
