// Lays an article's text out as paragraphs of runs (plain text or a continuation marker) and
// pieces (highlighted or not), so React renders highlights as elements: archive text is never
// handed to the DOM as HTML. A paragraph longer than MAX_PARAGRAPH (text extracted without line
// breaks: a whole page on one line) is cut into blocks at sentence ends, so the reader can lay it
// out and render it a block at a time instead of as one megabyte element.
import type { Range } from '../../shared/types'

export interface Piece {
  start: number
  text: string
  /** Index of the match this piece belongs to. */
  hit?: number
}

export interface Run {
  start: number
  /** Index into the article's continuations when this run is a marker. */
  link?: number
  pieces: Piece[]
}

export interface Paragraph {
  start: number
  /** End of the paragraph's text (exclusive). */
  end: number
  runs: Run[]
  /** True when this block continues the paragraph before it (a long paragraph, cut). */
  continued?: boolean
}

/** Characters of one rendered block at most; real paragraphs are far shorter. */
export const MAX_PARAGRAPH = 2000

interface SortedHit {
  s: number
  e: number
  i: number
}

function sortHits(hits: readonly Range[]): SortedHit[] {
  return hits
    .map((r, i) => ({ s: r[0], e: r[1], i }))
    .filter((h) => h.e > h.s)
    .sort((a, b) => a.s - b.s || a.e - b.e)
}

/** Pieces of [start, end) from hits sorted by start; `from` = first hit that may overlap. */
function piecesSorted(
  text: string,
  start: number,
  end: number,
  sorted: readonly SortedHit[],
  from: number,
): Piece[] {
  const out: Piece[] = []
  let at = start
  for (let k = from; k < sorted.length; k++) {
    const h = sorted[k] as SortedHit
    if (h.s >= end) break
    const s = Math.max(h.s, at)
    const e = Math.min(h.e, end)
    if (e <= s) continue
    if (s > at) out.push({ start: at, text: text.slice(at, s) })
    out.push({ start: s, text: text.slice(s, e), hit: h.i })
    at = e
  }
  if (at < end) out.push({ start: at, text: text.slice(at, end) })
  return out
}

/** First position in `sorted` whose hit may reach into `start` (hits are short; scan back). */
function firstHit(sorted: readonly SortedHit[], start: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as SortedHit).s < start) lo = mid + 1
    else hi = mid
  }
  // A hit starting before `start` may still cover it.
  while (lo > 0 && (sorted[lo - 1] as SortedHit).e > start) lo--
  return lo
}

/** Splits [start, end) of `text` into pieces at the boundaries of `hits`. */
export function piecesOf(
  text: string,
  start: number,
  end: number,
  hits: readonly Range[],
): Piece[] {
  const sorted = sortHits(hits).filter((h) => h.e > start && h.s < end)
  return piecesSorted(text, start, end, sorted, 0)
}

/** [start, end) cut into blocks of at most MAX_PARAGRAPH, at a sentence end where there is one. */
function blocksOf(text: string, start: number, end: number, links: readonly SortedHit[]) {
  const out: [number, number][] = []
  let at = start
  while (end - at > MAX_PARAGRAPH) {
    let cut = at + MAX_PARAGRAPH
    const window = text.slice(at + MAX_PARAGRAPH / 2, cut)
    const stop = Math.max(
      window.lastIndexOf('。'),
      window.lastIndexOf('！'),
      window.lastIndexOf('？'),
      window.lastIndexOf('. '),
    )
    if (stop >= 0) cut = at + MAX_PARAGRAPH / 2 + stop + 1
    // Never inside a continuation marker, nor between a surrogate pair.
    for (const l of links) if (l.s < cut && l.e > cut) cut = l.s > at ? l.s : l.e
    if (/[\udc00-\udfff]/.test(text[cut] ?? '')) cut++
    if (cut >= end) break
    out.push([at, cut])
    at = cut
  }
  out.push([at, end])
  return out
}

export function layoutText(
  text: string,
  hits: readonly Range[] = [],
  links: readonly Range[] = [],
): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const sep = /\n\s*\n/g
  let from = 0
  const bounds: [number, number][] = []
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    bounds.push([from, m.index])
    from = m.index + m[0].length
  }
  bounds.push([from, text.length])
  const sortedLinks = sortHits(links)
  const sortedHits = sortHits(hits)
  for (const [ps, pe] of bounds) {
    if (pe <= ps || !text.slice(ps, pe).trim()) continue
    blocksOf(text, ps, pe, sortedLinks).forEach(([bs, be], n) => {
      const runs: Run[] = []
      let at = bs
      const pieces = (s: number, e: number): Piece[] =>
        piecesSorted(text, s, e, sortedHits, firstHit(sortedHits, s))
      for (const l of sortedLinks) {
        const s = Math.max(l.s, at)
        const e = Math.min(l.e, be)
        if (e <= s) continue
        if (s > at) runs.push({ start: at, pieces: pieces(at, s) })
        runs.push({ start: s, link: l.i, pieces: pieces(s, e) })
        at = e
      }
      if (at < be) runs.push({ start: at, pieces: pieces(at, be) })
      paragraphs.push(
        n === 0 ? { start: bs, end: be, runs } : { start: bs, end: be, runs, continued: true },
      )
    })
  }
  return paragraphs
}
