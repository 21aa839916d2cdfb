// First step of segmentation: a page's lines grouped into blocks and each block given a role,
// judged against the page's own layout: its body width, whether its paragraphs are indented
// (web text) and whether blank lines part paragraphs (most PDF extractions) or only articles.
import { endsSentence } from '../text/chars'
import { splitLines, wrapWidth } from '../text/reflow'
import type { SourceLine } from '../text/reflow'
import {
  AD,
  BYLINE,
  CONTINUED_FROM,
  CONTINUED_ON,
  EDITORIAL_NOTE,
  CREDIT,
  FURNITURE,
  PHOTO_CREDIT,
  QUANTITY,
  SIGN_OFF,
  SPONSORS,
  TRAILING_BYLINE,
} from './segment-rules'
import type { SegmentRules } from './segment-rules'

export type BlockKind =
  | 'heading' // a markdown heading
  | 'headline' // a plain title-like line group
  | 'lead' // body text that opens an article (本报讯, a dateline, 编者按)
  | 'continued' // body text that opens with 上接N版
  | 'byline'
  | 'signoff'
  | 'caption' // a photo credit
  | 'furniture'
  | 'banner' // a banner or column name, never a title
  | 'figure' // a figure of an infographic
  | 'ad'
  | 'body'

export interface Block {
  kind: BlockKind
  /** Markdown level; 7 for plain lines. */
  level: number
  lines: SourceLine[]
  endsContinuedOn: boolean
  /** Blank lines before the block. */
  gapBefore: number
}

export interface PageLayout {
  lines: SourceLine[]
  width: number
  /** Paragraphs are indented (web text): unindented short lines are headings. */
  indented: boolean
  /** Blank lines stand only between articles and around headings, not between paragraphs. */
  blankIsBreak: boolean
  /** Markdown headings are present. */
  markdown: boolean
}

const MAX_HEADING = 60
const layout0 = (width: number): number => width + 1

export function pageLayout(text: string, rules: SegmentRules): PageLayout {
  const lines = splitLines(text)
  const width = wrapWidth(lines)
  const text_ = lines.filter((l) => !l.blank && !l.heading)
  const long = text_.filter((l) => l.content.length >= Math.min(0.6 * width, 40))
  const indented = long.length >= 3 && long.filter((l) => l.indented).length >= 0.6 * long.length
  // Blank lines with running text on both sides (a line that ends its sentence, is long, or
  // breaks off at a comma) show that blanks part paragraphs here, not only articles.
  // The last line of a paragraph: it ends a sentence (not a bracketed column tag), breaks off
  // at a comma, or is long, and the line above it is long too (a wrapped paragraph).
  const ending = (i: number): boolean => {
    const l = lines[i] as SourceLine
    const above = lines[i - 1]
    const tail =
      /[。！？!?…]["”’」』]?$/.test(l.content) ||
      /[，、；：,;:]$/.test(l.content) ||
      l.content.length >= 0.8 * width
    const wrappedAbove = above !== undefined && !above.blank && above.content.length >= 0.8 * width
    return !l.heading && tail && (wrappedAbove || l.content.length >= 0.8 * width)
  }
  const starting = (l: SourceLine): boolean =>
    !l.heading && (l.content.length >= 0.8 * width || /[。，、；：！？,;:]/.test(l.content))
  let breaks = 0
  let paragraphGaps = 0
  for (let i = 1; i < lines.length - 1; i++) {
    if (!(lines[i] as SourceLine).blank || (lines[i - 1] as SourceLine).blank) continue
    let j = i + 1
    while (j < lines.length && (lines[j] as SourceLine).blank) j++
    const after = lines[j]
    if (!after) continue
    breaks++
    const before = lines[i - 1] as SourceLine
    // Not a paragraph gap: before a dateline (an article starts), or after a line longer than
    // the body's (a heading's deck).
    if (rules.lead.test(after.content) || before.content.length > layout0(width)) continue
    if (ending(i - 1) && starting(after)) paragraphGaps++
  }
  // Where paragraphs are parted by blank lines, most lines that end a sentence are followed
  // by one; where blanks part only articles, few are.
  let ends = 0
  let endsBeforeBlank = 0
  lines.forEach((l, i) => {
    const next = lines[i + 1]
    if (l.blank || l.heading || !next || !/[。！？!?…]["”’」』]?$/.test(l.content)) return
    ends++
    if (next.blank) endsBeforeBlank++
  })
  const markdown = lines.some((l) => l.heading > 0)
  const sparse =
    ends >= 4 ? endsBeforeBlank < 0.35 * ends : breaks > 0 && paragraphGaps <= 0.25 * breaks
  return {
    lines,
    width,
    indented,
    // Markdown marks its own headings; blank lines there say nothing about articles.
    blankIsBreak: !indented && !markdown && sparse,
    markdown,
  }
}

/** The heading-length limit of this page: body lines are longer, or a heading stands alone. */
function headingLimit(layout: PageLayout): number {
  if (layout.indented || layout.blankIsBreak) return 48
  return Math.max(12, Math.min(0.85 * layout.width, 40))
}

function isDoubled(s: string): boolean {
  // A banner printed in outline and fill comes out twice over: "敢闯敢干敢闯敢干".
  const parts = s.split(/\s+/).filter(Boolean)
  const doubled = (p: string): boolean =>
    p.length >= 4 && p.length % 2 === 0 && p.slice(0, p.length / 2) === p.slice(p.length / 2)
  if (parts.length >= 2 && parts.filter(doubled).length >= 2) return true
  if (parts.length >= 2 && parts[0] === parts[1] && (parts[0] as string).length >= 3) return true
  return parts.length === 1 && doubled(parts[0] as string)
}

function headingText(s: string): string {
  return s.replace(TRAILING_BYLINE, '').trim()
}

function titleLike(l: SourceLine, limit: number, single: boolean): boolean {
  const s = headingText(l.content)
  return (
    s.length > 0 &&
    // A full stop inside the line, or a comma in a line broken off mid-text, is running text.
    !/[。！？；]/.test(s.slice(0, -1)) &&
    (single || !/[，,]/.test(s)) &&
    s.length <= limit &&
    !endsSentence(s) &&
    !/[，、；：,;:]$/.test(s) &&
    /[\u3400-\u9fff]{2}/.test(s) &&
    !/^[\d.%，,\s]+$/.test(s)
  )
}

function isFigure(lines: SourceLine[]): boolean {
  const s = lines.map((l) => l.content).join('')
  // An infographic's figure is a line or two of a few words.
  if (lines.length > 2 || s.length > 50) return false
  if (!QUANTITY.test(s)) return /[，、,]$/.test(s)
  return /[，,、]/.test(s) || QUANTITY.test(s.slice(-8))
}

function classify(
  lines: SourceLine[],
  gapBefore: number,
  layout: PageLayout,
  rules: SegmentRules,
): Block {
  const first = lines[0] as SourceLine
  const last = lines[lines.length - 1] as SourceLine
  const endsContinuedOn = CONTINUED_ON.test(last.content)
  const block = (kind: BlockKind, level = 7): Block => ({
    kind,
    level,
    lines,
    endsContinuedOn,
    gapBefore,
  })
  if (rules.banner?.test(first.content) || (lines.length === 1 && isDoubled(first.content)))
    return block('banner')
  if (first.heading && first.content.length <= MAX_HEADING) {
    if (BYLINE.test(first.content)) return block('byline')
    if (FURNITURE.test(first.content)) return block('furniture')
    return block('heading', first.heading)
  }
  if (CONTINUED_FROM.test(first.content)) return block('continued')
  if (lines.length === 1 && EDITORIAL_NOTE.test(first.content)) return block('body')
  if (lines.length <= 2 && lines.some((l) => AD.test(l.content))) return block('ad')
  if (lines.length <= 2 && lines.every((l) => FURNITURE.test(l.content))) return block('furniture')
  if (lines.length === 1 && PHOTO_CREDIT.test(first.content) && first.content.length <= 40)
    return block('caption')
  if (
    lines.length === 1 &&
    first.content.length <= 40 &&
    (SIGN_OFF.test(first.content) ||
      CREDIT.test(first.content) ||
      /^[（(][^（）()]{2,30}[）)]$/.test(first.content))
  )
    return block('signoff')
  if (lines.length === 1 && first.content.length <= 36 && BYLINE.test(first.content))
    return block('byline')
  if (rules.lead.test(first.content) && first.content.length > 6) return block('lead')
  if (lines.length === 1 && SPONSORS.test(first.content)) return block('ad')
  const limit = headingLimit(layout)
  if (layout.indented || layout.blankIsBreak) {
    // Headings are marked by the layout: unindented over indented paragraphs, or a short
    // group between blank lines that is not a wrapped paragraph. Decks may be long.
    const head = first.content
    const wrapped =
      lines.length >= 2 &&
      lines.slice(0, -1).every((l) => Math.abs(l.content.length - layout.width) <= 1)
    const group =
      lines.length <= 6 &&
      head.length <= 60 &&
      // Headings may end with a question, a quote, a bracketed column tag or an ellipsis.
      !/[。；;，,、]$/.test(head) &&
      /[\u3400-\u9fff]{2}/.test(head) &&
      (layout.indented ? lines.every((l) => !l.indented) || lines.length === 1 : !wrapped)
    const indentedSubhead =
      layout.indented && first.indented && lines.length === 1 && titleLike(first, limit, true)
    return block(group || indentedSubhead ? 'headline' : 'body')
  }
  const titled = lines.length <= 3 && lines.every((l) => titleLike(l, limit, lines.length === 1))
  if (!layout.markdown && isFigure(lines) && (!titled || gapBefore > 0)) return block('figure')
  if (titled) return block('headline')
  return block('body')
}

function endsSentenceOrShort(line: SourceLine, width: number): boolean {
  return endsSentence(line.content) || line.content.length < 0.8 * width
}

/** Groups lines into blocks: runs of non-blank lines, cut before headings, leads and indents. */
export function toBlocks(layout: PageLayout, rules: SegmentRules): Block[] {
  const { lines, width } = layout
  const blocks: Block[] = []
  let run: SourceLine[] = []
  let gap = 0
  let runGap = 0
  const flush = (): void => {
    if (run.length) blocks.push(classify(run, runGap, layout, rules))
    run = []
  }
  for (const line of lines) {
    if (line.blank) {
      flush()
      gap++
      continue
    }
    const prev = run[run.length - 1]
    const paragraphStart = !prev || endsSentenceOrShort(prev, width) || line.indented
    const startsNew =
      line.heading > 0 ||
      (prev !== undefined && prev.heading > 0) ||
      (paragraphStart && rules.lead.test(line.content)) ||
      CONTINUED_FROM.test(line.content) ||
      (line.indented && prev !== undefined && endsSentenceOrShort(prev, width)) ||
      // Web text: an unindented heading line directly above an indented paragraph.
      (layout.indented && line.indented && prev !== undefined && !prev.indented)
    if (startsNew) flush()
    if (run.length === 0) {
      runGap = gap
      gap = 0
    }
    run.push(line)
    if (CONTINUED_ON.test(line.content)) flush()
  }
  flush()
  return blocks
}

/**
 * Splits a heading line into its title and a byline glued to it ("…发展记者 王偲媞"), and a
 * "main ——sub" line into its two titles.
 */
export function headingPieces(content: string): { titles: string[]; byline?: string } {
  const byline = TRAILING_BYLINE.exec(content)?.[0]
  let rest = byline ? content.slice(0, content.length - byline.length).trim() : content
  rest = rest.replace(/^[□■]\s*/, '')
  const dash = /\s+(——|—)/.exec(rest)
  const titles =
    dash && dash.index > 0 ? [rest.slice(0, dash.index), rest.slice(dash.index).trim()] : [rest]
  return byline ? { titles, byline: byline.trim() } : { titles }
}
