// Making correction entries from what a librarian sees: an article (by its id, as the reader and
// `show` number it now, corrections applied) and a piece of its text. The entry is anchored in
// the page text (corrections.ts), so it outlives the article numbering it was made from.
import type { Article, BlockType } from '../types'
import { correctionId, makeAnchor } from './corrections'
import type { CorrectionEntry, TitleField } from './corrections'

export class EditError extends Error {
  override name = 'EditError'
}

/** A page as an edit sees it: its decoded text and its articles as they stand. */
export interface EditPage {
  issue: string
  page: number
  text: string
  articles: Article[]
}

const SPLIT_ANCHOR = 16

function withId<T extends Omit<CorrectionEntry, 'id'>>(e: T, note?: string): CorrectionEntry {
  const entry = { id: correctionId(e), ...e } as CorrectionEntry
  if (note) entry.note = note
  return entry
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Where `needle` stands in `text` within [from, to): the page text breaks lines (and may space
 * characters) where the reader shows none, so any whitespace may stand between its characters.
 * `occurrence` (1-based) picks one of several; without it the needle must occur once.
 */
export function locate(
  text: string,
  needle: string,
  from: number,
  to: number,
  occurrence?: number,
): { start: number; end: number } {
  const chars = [...needle.replace(/\s+/g, '')]
  if (!chars.length) throw new EditError('the text to find is empty')
  const re = new RegExp(chars.map(escape).join('\\s*'), 'gu')
  const hits: { start: number; end: number }[] = []
  const part = text.slice(from, to)
  for (const m of part.matchAll(re))
    hits.push({ start: from + m.index, end: from + m.index + m[0].length })
  if (!hits.length) throw new EditError(`"${needle}" is not in this article's text`)
  if (occurrence !== undefined) {
    const hit = hits[occurrence - 1]
    if (!hit) throw new EditError(`"${needle}" occurs ${hits.length} time(s), not ${occurrence}`)
    return hit
  }
  if (hits.length > 1)
    throw new EditError(
      `"${needle}" occurs ${hits.length} times in this article: give --occurrence N or more text`,
    )
  return hits[0] as { start: number; end: number }
}

function article(page: EditPage, id: string): Article {
  const a = page.articles.find((x) => x.id === id)
  if (!a)
    throw new EditError(
      `unknown block "${id}": page ${page.page} of ${page.issue} has ${page.articles.length} (a1–a${page.articles.length}); see "show ${page.issue} --page ${page.page}"`,
    )
  return a
}

const blockAnchor = (page: EditPage, a: Article): CorrectionEntry['anchor'] =>
  makeAnchor(page.text, a.sourceRange[0], a.sourceRange[1])

const base = (page: EditPage) => ({ issue: page.issue, page: page.page }) as const

/** Split `id` where `before` starts (or at the page offset `at`). */
export function makeSplit(
  page: EditPage,
  id: string,
  where: { before?: string; at?: number; occurrence?: number },
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  const [s, e] = a.sourceRange
  let p: number
  if (where.before !== undefined) p = locate(page.text, where.before, s, e, where.occurrence).start
  else if (where.at !== undefined) p = where.at
  else throw new EditError('split needs --before TEXT or --at OFFSET')
  if (p <= s || p >= e)
    throw new EditError(
      `the split point ${p} is outside its block: ${id} spans ${s}–${e} of the page text`,
    )
  return withId(
    {
      ...base(page),
      kind: 'split',
      anchor: makeAnchor(page.text, p, Math.min(e, p + SPLIT_ANCHOR)),
    },
    note,
  )
}

/** Merge `id` with the block after it on the page. */
export function makeMerge(page: EditPage, id: string, note?: string): CorrectionEntry {
  const a = article(page, id)
  const next = page.articles[page.articles.indexOf(a) + 1]
  if (!next) throw new EditError(`${id} is the last block of its page: there is none to merge with`)
  const anchor = makeAnchor(page.text, a.sourceRange[0], next.sourceRange[1])
  return withId({ ...base(page), kind: 'merge', anchor }, note)
}

export function makeRetype(
  page: EditPage,
  id: string,
  type: BlockType,
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  if (a.type === type) throw new EditError(`${id} is already of type ${type}`)
  return withId({ ...base(page), kind: 'retype', anchor: blockAnchor(page, a), type }, note)
}

export function makeRetitle(
  page: EditPage,
  id: string,
  fields: Partial<Record<TitleField, string>>,
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  if (!Object.keys(fields).length)
    throw new EditError('retitle needs --headline, --kicker, --subheadline or --byline')
  return withId({ ...base(page), kind: 'retitle', anchor: blockAnchor(page, a), fields }, note)
}

export function makeLink(
  page: EditPage,
  id: string,
  target: EditPage,
  targetId: string,
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  const b = article(target, targetId)
  if (target.page === page.page) throw new EditError('a continuation links two different pages')
  return withId(
    {
      ...base(page),
      kind: 'link',
      anchor: blockAnchor(page, a),
      to: { page: target.page, anchor: blockAnchor(target, b) },
    },
    note,
  )
}

export function makeUnlink(
  page: EditPage,
  id: string,
  toPage?: number,
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  const e = { ...base(page), kind: 'unlink' as const, anchor: blockAnchor(page, a) }
  return withId(toPage === undefined ? e : { ...e, toPage }, note)
}

export function makeFixText(
  page: EditPage,
  id: string,
  find: string,
  replacement: string,
  occurrence?: number,
  note?: string,
): CorrectionEntry {
  const a = article(page, id)
  const at = locate(page.text, find, a.sourceRange[0], a.sourceRange[1], occurrence)
  if (page.text.slice(at.start, at.end) === replacement)
    throw new EditError(`the text already reads "${replacement}"`)
  return withId(
    {
      ...base(page),
      kind: 'fix-text',
      anchor: makeAnchor(page.text, at.start, at.end),
      replacement,
    },
    note,
  )
}
