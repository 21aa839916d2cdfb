// Lays an article's text out as paragraphs of runs (plain text or a continuation marker) and
// pieces (highlighted or not), so React renders highlights as elements: archive text is never
// handed to the DOM as HTML.
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
  runs: Run[]
}

/** Splits [start, end) of `text` into pieces at the boundaries of `hits`. */
export function piecesOf(
  text: string,
  start: number,
  end: number,
  hits: readonly Range[],
): Piece[] {
  const out: Piece[] = []
  let at = start
  const sorted = hits
    .map((r, i) => ({ s: r[0], e: r[1], i }))
    .filter((h) => h.e > start && h.s < end && h.e > h.s)
    .sort((a, b) => a.s - b.s)
  for (const h of sorted) {
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
  const sortedLinks = links.map((r, i) => ({ s: r[0], e: r[1], i })).sort((a, b) => a.s - b.s)
  for (const [ps, pe] of bounds) {
    if (pe <= ps || !text.slice(ps, pe).trim()) continue
    const runs: Run[] = []
    let at = ps
    for (const l of sortedLinks) {
      const s = Math.max(l.s, at)
      const e = Math.min(l.e, pe)
      if (e <= s) continue
      if (s > at) runs.push({ start: at, pieces: piecesOf(text, at, s, hits) })
      runs.push({ start: s, link: l.i, pieces: piecesOf(text, s, e, hits) })
      at = e
    }
    if (at < pe) runs.push({ start: at, pieces: piecesOf(text, at, pe, hits) })
    paragraphs.push({ start: ps, runs })
  }
  return paragraphs
}
