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

/** A run of a block before its pieces are cut: hits do not change a block's runs. */
export interface RunShape {
  start: number
  end: number
  link?: number
}

/** A block's place and runs, from the text and its continuation markers alone. */
export interface BlockShape {
  start: number
  end: number
  runs: RunShape[]
  continued?: boolean
}

/** Hits sorted once per article, for `piecesIn`. */
export type SortedHits = readonly SortedHit[]

export function sortedHits(hits: readonly Range[]): SortedHits {
  return sortHits(hits)
}

/** The pieces of [start, end) at the boundaries of `sorted` (binary search: cheap per block). */
export function piecesIn(text: string, start: number, end: number, sorted: SortedHits): Piece[] {
  return piecesSorted(text, start, end, sorted, firstHit(sorted, start))
}

/** Indices of the hits that touch [start, end), as a key: a block re-renders when it changes. */
export function hitsKey(sorted: SortedHits, start: number, end: number): string {
  let key = ''
  for (let k = firstHit(sorted, start); k < sorted.length; k++) {
    const h = sorted[k] as SortedHit
    if (h.s >= end) break
    if (h.e > start) key += `${h.i}:${h.s}-${h.e},`
  }
  return key
}

/** Index of the block holding `pos` (blocks are sorted and disjoint); -1 when none. */
export function blockAt(blocks: readonly BlockShape[], pos: number): number {
  let lo = 0
  let hi = blocks.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const b = blocks[mid] as BlockShape
    if (pos < b.start) hi = mid - 1
    else if (pos >= b.end) lo = mid + 1
    else return mid
  }
  return -1
}

/** Paragraphs cut into blocks of at most MAX_PARAGRAPH, with their continuation-marker runs. */
export function layoutBlocks(text: string, links: readonly Range[] = []): BlockShape[] {
  const blocks: BlockShape[] = []
  const sep = /\n\s*\n/g
  let from = 0
  const bounds: [number, number][] = []
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    bounds.push([from, m.index])
    from = m.index + m[0].length
  }
  bounds.push([from, text.length])
  const sortedLinks = sortHits(links)
  for (const [ps, pe] of bounds) {
    if (pe <= ps || !text.slice(ps, pe).trim()) continue
    blocksOf(text, ps, pe, sortedLinks).forEach(([bs, be], n) => {
      const runs: RunShape[] = []
      let at = bs
      for (const l of sortedLinks) {
        const s = Math.max(l.s, at)
        const e = Math.min(l.e, be)
        if (e <= s) continue
        if (s > at) runs.push({ start: at, end: s })
        runs.push({ start: s, end: e, link: l.i })
        at = e
      }
      if (at < be) runs.push({ start: at, end: be })
      blocks.push(
        n === 0 ? { start: bs, end: be, runs } : { start: bs, end: be, runs, continued: true },
      )
    })
  }
  return blocks
}

/** A block with its pieces cut at `sorted`. */
export function blockParagraph(text: string, block: BlockShape, sorted: SortedHits): Paragraph {
  const runs: Run[] = block.runs.map((r) => {
    const pieces = piecesIn(text, r.start, r.end, sorted)
    return r.link === undefined
      ? { start: r.start, pieces }
      : { start: r.start, link: r.link, pieces }
  })
  const p: Paragraph = { start: block.start, end: block.end, runs }
  if (block.continued) p.continued = true
  return p
}

export function layoutText(
  text: string,
  hits: readonly Range[] = [],
  links: readonly Range[] = [],
): Paragraph[] {
  const sorted = sortHits(hits)
  return layoutBlocks(text, links).map((b) => blockParagraph(text, b, sorted))
}
