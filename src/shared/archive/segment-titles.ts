// Title pieces: which article they belong to and what role each plays. Newspapers stack up to
// four pieces over an article: a kicker (引题, "X在Y时强调"), the main title, and subtitles (副题,
// "——记…", "X出席"). Markdown headings rank them by level; plain text by these conventions.
import { headingPieces } from './segment-blocks'
import { ATTENDANCE, KICKER_END, SPONSORS } from './segment-rules'
import type { TitlePiece, Work } from './segment-work'

export interface TitleRoles {
  kicker?: string
  headline?: string
  subheadline?: string
  byline?: string
}

/** Pairs of adjacent Han characters (ignoring everything else), coded as numbers. */
function bigrams(s: string): Set<number> {
  const set = new Set<number>()
  let prev = -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x3400 || c > 0x9fff) continue
    if (prev >= 0) set.add(prev * 0x10000 + c)
    prev = c
  }
  return set
}

/** Share of the title's character pairs that occur in one of the texts. */
function overlap(title: Set<number>, ...texts: Set<number>[]): number {
  if (title.size === 0) return 0
  let shared = 0
  for (const g of title) if (texts.some((t) => t.has(g))) shared++
  return shared / title.size
}

const pieceText = (p: TitlePiece): string => p.block.lines.map((l) => l.content).join('')

function bodyOf(w: Work, text: string): string {
  return w.hasBody ? text.slice(w.d.bodyStart, w.d.end) : ''
}

/** The character pairs of a work's body, computed once per body range. */
const gramCache = new WeakMap<Work, { from: number; to: number; grams: Set<number> }>()
function bodyGrams(w: Work, text: string): Set<number> {
  const hit = gramCache.get(w)
  if (hit && hit.from === w.d.bodyStart && hit.to === w.d.end) return hit.grams
  const grams = bigrams(bodyOf(w, text))
  gramCache.set(w, { from: w.d.bodyStart, to: w.d.end, grams })
  return grams
}

/**
 * `linesArePieces`: the page marks headings line by line (web text, or headings between blank
 * lines), so each line is a piece; otherwise one block of several lines is several pieces, but
 * several blocks are a piece each (a title broken over two lines).
 */
export function titleRoles(pieces: TitlePiece[], linesArePieces = false): TitleRoles {
  const units: { text: string; level: number }[] = []
  let byline: string | undefined
  const perLine = linesArePieces || pieces.length === 1
  for (const p of pieces) {
    const lines = perLine
      ? p.block.lines.map((l) => l.content)
      : [p.block.lines.map((l) => l.content).join(' ')]
    for (const line of lines) {
      const split = headingPieces(line)
      byline ??= split.byline
      for (const t of split.titles) if (t) units.push({ text: t, level: p.level })
    }
  }
  if (units.length === 0) return byline ? { byline } : {}
  let main: number
  const ranked = units.some((u) => u.level < 7)
  const isSub = (i: number): boolean => {
    const t = (units[i] as { text: string }).text
    // A subtitle, an attendance line, or a deck (a sentence or two summing the story up).
    return /^——|^—/.test(t) || ATTENDANCE.test(t) || (i > 0 && (t.length > 40 || /[。；]/.test(t)))
  }
  if (ranked) {
    main = 0
    units.forEach((u, i) => {
      if (u.level < (units[main] as { level: number }).level) main = i
    })
  } else {
    const candidates = units.map((_, i) => i).filter((i) => !isSub(i))
    const kickers = candidates.filter(
      (i) =>
        i < units.length - 1 &&
        (KICKER_END.test((units[i] as { text: string }).text) ||
          /(——|—|：|:)$/.test((units[i] as { text: string }).text)),
    )
    if (kickers.length) {
      const last = kickers[kickers.length - 1] as number
      main = candidates.find((i) => i > last) ?? last
    } else if (candidates.length >= 2 && units.length >= 3) main = candidates[1] as number
    else main = candidates[0] ?? 0
  }
  const join = (xs: number[]): string | undefined =>
    xs.length ? xs.map((i) => (units[i] as { text: string }).text).join(' ') : undefined
  const before = units.map((_, i) => i).filter((i) => i < main && !(ranked ? false : isSub(i)))
  const after = units.map((_, i) => i).filter((i) => i > main || (i < main && !ranked && isSub(i)))
  const roles: TitleRoles = { headline: (units[main] as { text: string }).text }
  const kicker = join(before)
  const sub = join(after.sort((a, b) => a - b))
  if (kicker) roles.kicker = kicker
  if (sub) roles.subheadline = sub
  if (byline) roles.byline = byline
  return roles
}

/**
 * Pages printed headline-last. When, over the page, title groups share more with the text before
 * them than with the text after them, each title piece goes to the article (or photo) whose text
 * it shares most with: one of the four before it, or the one it stands over. A piece that shares
 * nothing goes where the piece before it went.
 */
export function assignTrailingTitles(works: Work[], text: string): void {
  if (!works.some((w) => w.pieces.length > 0)) return
  const body = (j: number): Set<number> => bodyGrams(works[j] as Work, text)
  const bodyAt = (j: number): Set<number> | undefined => {
    for (let k = j; k < works.length; k++) if ((works[k] as Work).hasBody) return body(k)
    return undefined
  }
  let before = 0
  let after = 0
  works.forEach((w, j) => {
    if (w.pieces.length === 0 || j === 0) return
    const head = bigrams(w.pieces.map(pieceText).join(''))
    let p = j - 1
    while (p >= 0 && !(works[p] as Work).hasBody) p--
    if (p < 0) return
    before += overlap(head, body(p))
    after += overlap(head, bodyAt(j) ?? new Set())
  })
  if (before <= after) return

  const moves = new Map<Work, TitlePiece[]>()
  works.forEach((w, j) => {
    if (w.pieces.length === 0) return
    const own = w.hasBody ? j : works.findIndex((x, k) => k > j && x.hasBody)
    const candidates: number[] = []
    for (let k = j - 1; k >= 0 && candidates.length < 4; k--)
      if ((works[k] as Work).hasBody) candidates.push(k)
    if (own >= 0) candidates.push(own)
    let previous: number | undefined
    for (const piece of w.pieces) {
      const head = bigrams(pieceText(piece))
      let best = -1
      let bestScore = 0
      for (const k of candidates) {
        // Headline-last: the nearest article before is the default home.
        const prior = k === candidates[0] ? 0.05 : 0
        const score = overlap(head, body(k)) + prior
        if (score > bestScore) [best, bestScore] = [k, score]
      }
      if (bestScore < 0.25) best = previous ?? candidates[0] ?? j
      previous = best
      const target = works[best] as Work
      let list = moves.get(target)
      if (!list) moves.set(target, (list = []))
      list.push(piece)
    }
  })
  for (const w of works) {
    if (w.pieces.length && w.hasBody) w.d.start = w.d.bodyStart
    w.pieces = []
  }
  for (const [w, pieces] of moves) {
    w.pieces = pieces.sort(
      (a, b) => (a.block.lines[0]?.start ?? 0) - (b.block.lines[0]?.start ?? 0),
    )
  }
}

/**
 * A report that opened with its lead and has no title, followed by a titled part with no lead
 * of its own that shares its words: the title was printed after the first paragraphs (a second
 * column's head), so the two are one article.
 */
export function mergeMidHeadlines(works: Work[], text: string): void {
  for (let i = 0; i + 1 < works.length; i++) {
    const a = works[i] as Work
    const b = works[i + 1] as Work
    if (a.kind !== 'text' || b.kind !== 'text' || !a.lead || a.pieces.length || !a.hasBody) continue
    if (!b.pieces.length || !b.hasBody || b.lead || b.continued || a.ended) continue
    const head = bigrams(b.pieces.map(pieceText).join(''))
    const shared = overlap(head, bodyGrams(a, text), bodyGrams(b, text))
    if (shared < 0.3) continue
    a.pieces = b.pieces
    a.bodyBlocks.push(...b.bodyBlocks)
    a.d.end = b.d.end
    a.d.captions.push(...b.d.captions)
    a.d.byline ??= b.d.byline
    a.ended = b.ended
    works.splice(i + 1, 1)
  }
}

/**
 * An ad takes the title-like lines just above it that share no words with any text on the page
 * (a public-service ad's slogans), back to the first that does (an article's headline).
 */
export function absorbIntoAds(works: Work[], text: string): void {
  if (!works.some((w) => w.kind === 'ad')) return
  const bodies = works.filter((w) => w.hasBody && w.kind === 'text').map((w) => bodyGrams(w, text))
  const shared = (p: TitlePiece): number => {
    const head = bigrams(pieceText(p))
    return Math.max(0, ...bodies.map((b) => overlap(head, b)))
  }
  works.forEach((ad, i) => {
    if (ad.kind !== 'ad') return
    // A promotion box closes with its sponsors: the title group over them is the box's.
    const sponsors = ad.bodyBlocks.some((b) => SPONSORS.test(b.lines[0]?.content ?? ''))
    for (let k = i - 1; k >= 0; k--) {
      const w = works[k] as Work
      if (w.kind !== 'text' || w.hasBody || w.pieces.length === 0) return
      while (
        w.pieces.length &&
        (sponsors || shared(w.pieces[w.pieces.length - 1] as TitlePiece) < 0.25)
      ) {
        const p = w.pieces.pop() as TitlePiece
        ad.d.start = Math.min(ad.d.start, p.block.lines[0]?.start ?? ad.d.start)
      }
      if (w.pieces.length) return
    }
  })
}
