// Finding a query's matches in display text: the text is normalized with an offset map, the
// terms are found in the normalized text, and each match is mapped back. That is what keeps
// highlights right where the source had a line break, a stray space or a traditional character
// inside the match.
import type { Article, Range } from '../types'
import { normalizeMapped } from '../text/normalize'
import { mapRange } from '../text/reflow'

/** Sorted, non-overlapping ranges in `text` where any of `terms` (normalized) occurs. */
export function findMatches(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || text.length === 0) return []
  const { text: norm, map } = normalizeMapped(text)
  return findMatchesIn(norm, map, terms)
}

/**
 * The same, given the text's normalized form and normalizeMapped's map of it (a hit's body
 * rebuilt from the index: body-text.ts applyEditsMapped).
 */
export function findMatchesIn(norm: string, map: Int32Array, terms: readonly string[]): Range[] {
  if (terms.length === 0) return []
  const found: [number, number][] = []
  for (const term of terms) {
    let at = norm.indexOf(term)
    while (at >= 0) {
      found.push(mapRange(map, at, at + term.length))
      at = norm.indexOf(term, at + term.length)
    }
  }
  return mergeRanges(found)
}

/** A query's matches in each part of an article, and how many there are. */
export interface ArticleOccurrences {
  kicker: Range[]
  headline: Range[]
  subheadline: Range[]
  text: Range[]
  /**
   * The occurrences of the query in the article: kicker, headline, subheadline and body, each
   * counted once. A headline made from the body (headlineDerived) is the body's first words: its
   * matches are highlighted but counted in the body only. The one definition for the matches
   * API, the reader's "n / total" and its stepping.
   */
  total: number
}

export function articleOccurrences(
  a: Pick<Article, 'kicker' | 'headline' | 'headlineDerived' | 'subheadline' | 'text'>,
  terms: readonly string[],
): ArticleOccurrences {
  const kicker = a.kicker ? findMatches(a.kicker, terms) : []
  const headline = findMatches(a.headline, terms)
  const subheadline = a.subheadline ? findMatches(a.subheadline, terms) : []
  const text = findMatches(a.text, terms)
  const counted = a.headlineDerived ? 0 : headline.length
  return {
    kicker,
    headline,
    subheadline,
    text,
    total: kicker.length + counted + subheadline.length + text.length,
  }
}

export function mergeRanges(ranges: [number, number][]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: [number, number][] = []
  for (const r of ranges) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else out.push([r[0], r[1]])
  }
  return out
}

export interface Snippet {
  snippet: string
  highlights: Range[]
}

const BEFORE = 30
const AFTER = 90

/**
 * A plain-text snippet around the first match (of `preferred` if it occurs), with highlight
 * ranges relative to the snippet. Paragraph breaks become spaces so offsets do not shift.
 */
export function makeSnippet(
  text: string,
  matches: readonly Range[],
  preferredStart?: number,
): Snippet {
  const anchor = preferredStart ?? matches[0]?.[0] ?? 0
  let start = Math.max(0, anchor - BEFORE)
  let end = Math.min(text.length, anchor + AFTER)
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--
  if (end < text.length && /[\udc00-\udfff]/.test(text[end] ?? '')) end++
  const body = text.slice(start, end).replace(/\n/g, ' ')
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  const highlights: Range[] = []
  for (const [s, e] of matches) {
    if (e <= start || s >= end) continue
    highlights.push([Math.max(s, start) + shift, Math.min(e, end) + shift])
  }
  return { snippet: prefix + body + suffix, highlights }
}
