// Applying corrections (corrections.ts) to what the segmenter made of a page. The entries act on
// the segmenter's drafts by page offsets — the block containing a place, the blocks a range
// spans — so they hold whatever a segmenter version does with the boundaries around them. Each
// entry gets an outcome; one that cannot apply (stale anchor, no block there, crossing blocks)
// is reported by its id and the others still apply.
import type { ArticleCorrection } from '../types'
import { fnv1a32 } from './corrections'
import type { Anchor, CorrectionEntry, TitleField } from './corrections'
import type { ArticleDraft } from './segment-work'

export type OutcomeStatus = 'applied' | 'reanchored' | 'redundant' | 'stale' | 'refused'

export interface EntryOutcome {
  id: string
  status: OutcomeStatus
  /** What is wrong (stale, refused), or why it changed nothing (redundant). */
  problem?: string
}

export interface TextFix {
  id: string
  /** Range in the page text. */
  start: number
  end: number
  replacement: string
}

/** A draft with the corrections that act on it. */
export interface CorrectedDraft extends ArticleDraft {
  marks: ArticleCorrection[]
  fixes: TextFix[]
  titles: Partial<Record<TitleField, string>>
}

/**
 * Where the anchor stands in `pageText` now: at its offsets when the text there still hashes
 * the same, else the nearest place its text occurs (re-anchored); undefined when it is gone.
 */
export function resolveAnchor(
  pageText: string,
  a: Anchor,
): { start: number; end: number; moved: boolean } | undefined {
  const len = a.end - a.start
  if (a.end <= pageText.length && fnv1a32(pageText.slice(a.start, a.end)) === a.hash)
    return { start: a.start, end: a.end, moved: false }
  if (!a.head) return undefined
  let best = -1
  for (let i = pageText.indexOf(a.head); i >= 0; i = pageText.indexOf(a.head, i + 1))
    if (
      fnv1a32(pageText.slice(i, i + len)) === a.hash &&
      (best < 0 || Math.abs(i - a.start) < Math.abs(best - a.start))
    )
      best = i
  return best < 0 ? undefined : { start: best, end: best + len, moved: true }
}

function overlap(d: { start: number; end: number }, s: number, e: number): number {
  return Math.max(0, Math.min(d.end, e) - Math.max(d.start, s))
}

/** The draft sharing most of [s, e); undefined when none does. */
export function blockAt<D extends { start: number; end: number }>(
  drafts: readonly D[],
  s: number,
  e: number,
): number | undefined {
  let best: number | undefined
  let most = 0
  drafts.forEach((d, i) => {
    const o = overlap(d, s, Math.max(e, s + 1))
    if (o > most) [best, most] = [i, o]
  })
  return best
}

/** What an article shows of an entry that acts on it (its history). */
export function markOf(entry: CorrectionEntry): ArticleCorrection {
  const mark: ArticleCorrection = { id: entry.id, kind: entry.kind }
  if (entry.created) mark.created = entry.created
  if (entry.note) mark.note = entry.note
  if (entry.kind === 'retitle') mark.fields = { ...entry.fields }
  if (entry.kind === 'retype') mark.type = entry.type
  return mark
}

const PAGE_LEVEL = new Set(['split', 'merge', 'retype', 'retitle', 'fix-text'])

/**
 * The page's drafts with its page-level corrections (split, merge, retype, retitle, fix-text)
 * applied, structure first, then in file order. Link and unlink act on the articles
 * (applyLinks) and are not judged here.
 */
export function correctPage(
  pageText: string,
  input: readonly ArticleDraft[],
  entries: readonly CorrectionEntry[],
): { drafts: CorrectedDraft[]; outcomes: EntryOutcome[] } {
  let drafts: CorrectedDraft[] = input.map((d) => ({ ...d, marks: [], fixes: [], titles: {} }))
  const outcomes: EntryOutcome[] = []
  const page = entries.filter((e) => PAGE_LEVEL.has(e.kind))
  const structural = page.filter((e) => e.kind === 'split' || e.kind === 'merge')
  const rest = page.filter((e) => e.kind !== 'split' && e.kind !== 'merge')
  const fixed: { s: number; e: number; id: string }[] = []
  for (const entry of [...structural, ...rest]) {
    const at = resolveAnchor(pageText, entry.anchor)
    if (!at) {
      outcomes.push({
        id: entry.id,
        status: entry.anchor.end > pageText.length ? 'refused' : 'stale',
        problem:
          entry.anchor.end > pageText.length
            ? `points outside its page (${entry.anchor.start}–${entry.anchor.end}; the page has ${pageText.length} characters) and its text is not on the page`
            : `stale anchor: the page text at ${entry.anchor.start}–${entry.anchor.end} is no longer the text it was made on ("${entry.anchor.head}…"), and that text is not on the page`,
      })
      continue
    }
    const ok = (): void => {
      outcomes.push({ id: entry.id, status: at.moved ? 'reanchored' : 'applied' })
    }
    const refuse = (status: OutcomeStatus, problem: string): void => {
      outcomes.push({ id: entry.id, status, problem })
    }
    const mark = markOf(entry)
    if (entry.kind === 'split') {
      const p = at.start
      const i = drafts.findIndex((d) => d.start < p && p < d.end)
      const d = drafts[i]
      if (!d) {
        refuse('redundant', `a block already starts at ${p}`)
        continue
      }
      if (!pageText.slice(d.start, p).trim() || !pageText.slice(p, d.end).trim()) {
        refuse('redundant', `splitting the block at ${d.start} at ${p} would leave an empty part`)
        continue
      }
      if (p <= d.bodyStart) {
        refuse('refused', `the split point ${p} is inside the title of the block at ${d.start}`)
        continue
      }
      const second: CorrectedDraft = {
        type: d.type,
        captions: [],
        start: p,
        bodyStart: p,
        end: d.end,
        marks: [mark],
        fixes: [],
        titles: {},
      }
      drafts = [
        ...drafts.slice(0, i),
        { ...d, end: p, marks: [...d.marks, mark] },
        second,
        ...drafts.slice(i + 1),
      ]
      ok()
    } else if (entry.kind === 'merge') {
      const hit = drafts.flatMap((d, i) => (overlap(d, at.start, at.end) > 0 ? [i] : []))
      if (hit.length < 2) {
        refuse('redundant', `the range ${at.start}–${at.end} is already one block`)
        continue
      }
      const [i, j] = [hit[0] as number, hit[hit.length - 1] as number]
      const parts = drafts.slice(i, j + 1)
      const first = parts[0] as CorrectedDraft
      const merged: CorrectedDraft = {
        ...first,
        end: (parts[parts.length - 1] as CorrectedDraft).end,
        captions: parts.flatMap((d) => d.captions),
        marks: [...parts.flatMap((d) => d.marks), mark],
        fixes: parts.flatMap((d) => d.fixes),
      }
      drafts = [...drafts.slice(0, i), merged, ...drafts.slice(j + 1)]
      ok()
    } else {
      const i = blockAt(drafts, at.start, at.end)
      const d = i === undefined ? undefined : drafts[i]
      if (!d) {
        refuse('stale', `no block of the page lies at ${at.start}–${at.end}`)
        continue
      }
      if (entry.kind === 'retype') {
        d.type = entry.type
        d.marks.push(mark)
      } else if (entry.kind === 'retitle') {
        Object.assign(d.titles, entry.fields)
        d.marks.push(mark)
      } else if (entry.kind === 'fix-text') {
        if (at.start < d.bodyStart && d.bodyStart > d.start) {
          refuse('refused', `the span ${at.start}–${at.end} is in a block's title: use retitle`)
          continue
        }
        if (at.end > d.end || at.start < d.start) {
          refuse('refused', `the span ${at.start}–${at.end} crosses a block boundary`)
          continue
        }
        const other = fixed.find((f) => f.s < at.end && at.start < f.e)
        if (other) {
          refuse('refused', `the span ${at.start}–${at.end} overlaps entry "${other.id}"`)
          continue
        }
        fixed.push({ s: at.start, e: at.end, id: entry.id })
        // As the reader shows text: the line breaks of the page joined.
        const original = pageText.slice(at.start, at.end).replace(/\s*\n\s*/g, '')
        d.fixes.push({ id: entry.id, start: at.start, end: at.end, replacement: entry.replacement })
        d.marks.push({ ...mark, original, replacement: entry.replacement })
      }
      ok()
    }
  }
  return { drafts, outcomes }
}

/** The body of a draft with its text fixes applied (page text in, page text out). */
export function fixedBody(pageText: string, d: CorrectedDraft): string {
  let body = pageText.slice(d.bodyStart, d.end)
  const fixes = [...d.fixes].sort((a, b) => b.start - a.start)
  for (const f of fixes) {
    const s = f.start - d.bodyStart
    body = body.slice(0, s) + f.replacement + body.slice(f.end - d.bodyStart)
  }
  return body
}
