// Scores a segmentation against gold blocks (bench/lib/segment-gold.ts):
// - boundaries: a predicted block start is right when it is within one line of a true start
//   (matched one to one, nearest first); precision, recall and F1 over all blocks;
// - titles: of the true articles and briefs, the share whose matched block has the right title:
//   the headline is the labelled one (or, where roles are not labelled, one of the heading
//   lines) and every title piece (kicker, subheadline) is made of that article's heading lines;
// - types: of all true blocks, the share whose matched block has the labelled type.
import type { GoldBlock, GoldPageT } from './segment-gold'

export interface PredictedBlock {
  /** 1-based line of the block's first character in the page text. */
  line: number
  type: string
  headline: string
  kicker?: string
  subheadline?: string
  /** The title was made from the text (no printed headline was found). */
  derived: boolean
}

export interface Score {
  pages: number
  trueBlocks: number
  predicted: number
  matched: number
  titled: number
  titlesRight: number
  typesRight: number
  /** Titles that were wrong, for the report: page, labelled title, predicted title. */
  misses: { page: string; line: number; want: string; got: string }[]
}

export const emptyScore = (): Score => ({
  pages: 0,
  trueBlocks: 0,
  predicted: 0,
  matched: 0,
  titled: 0,
  titlesRight: 0,
  typesRight: 0,
  misses: [],
})

const squash = (s: string | undefined): string => (s ?? '').replace(/[\s\u3000]+/g, '')

/** 1-based line number of each offset of `text` (offsets sorted or not). */
export function lineOf(text: string, offset: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++
  return n
}

function titleRight(gold: GoldBlock, got: PredictedBlock): boolean {
  // No printed headline: right only when none was taken from elsewhere on the page.
  if (!gold.headline && !gold.headingLines) return got.derived && !got.kicker && !got.subheadline
  if (got.derived) return false
  const headline = squash(got.headline)
  if (!headline) return false
  const lines = (gold.headingLines ?? [gold.kicker, gold.headline, gold.subheadline])
    .filter((x): x is string => !!x)
    .map(squash)
  const all = lines.join('')
  if (gold.headingLines) {
    if (!lines.includes(headline)) return false
  } else if (headline !== squash(gold.headline)) return false
  for (const piece of [got.kicker, got.subheadline]) {
    if (piece !== undefined && !all.includes(squash(piece))) return false
  }
  if (!gold.headingLines) {
    // With labelled roles, a missing or extra piece is a wrong title too.
    if (squash(got.kicker) !== squash(gold.kicker)) return false
    if (squash(got.subheadline) !== squash(gold.subheadline)) return false
  }
  return true
}

export function scorePage(gold: GoldPageT, predicted: PredictedBlock[], into: Score): void {
  into.pages++
  into.trueBlocks += gold.blocks.length
  into.predicted += predicted.length
  // One-to-one matching of starts within one line, exact matches first.
  const used = new Set<number>()
  const match = new Map<number, PredictedBlock>()
  for (const dist of [0, 1]) {
    gold.blocks.forEach((g, gi) => {
      if (match.has(gi)) return
      const pi = predicted.findIndex(
        (p, i) => !used.has(i) && Math.abs(p.line - g.lines[0]) === dist,
      )
      if (pi >= 0) {
        used.add(pi)
        match.set(gi, predicted[pi] as PredictedBlock)
      }
    })
  }
  into.matched += match.size
  gold.blocks.forEach((g, gi) => {
    const got = match.get(gi)
    if (got && got.type === g.type) into.typesRight++
    if (g.type !== 'article' && g.type !== 'brief') return
    into.titled++
    if (got && titleRight(g, got)) into.titlesRight++
    else
      into.misses.push({
        page: gold.source,
        line: g.lines[0],
        want: [g.kicker, g.headline ?? g.headingLines?.join(' / ') ?? '(derived)', g.subheadline]
          .filter(Boolean)
          .join(' | '),
        got: got
          ? [got.kicker, got.headline, got.subheadline].filter(Boolean).join(' | ')
          : '(no block starts here)',
      })
  })
}

export interface Figures {
  precision: number
  recall: number
  f1: number
  titles: number
  types: number
}

export function figures(s: Score): Figures {
  const precision = s.predicted ? s.matched / s.predicted : 0
  const recall = s.trueBlocks ? s.matched / s.trueBlocks : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return {
    precision,
    recall,
    f1,
    titles: s.titled ? s.titlesRight / s.titled : 0,
    types: s.trueBlocks ? s.typesRight / s.trueBlocks : 0,
  }
}
