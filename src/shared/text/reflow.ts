// Reflow of PDF-extracted text: lines were cut at the column edge, often inside a word, and some
// blank lines fall in the middle of a sentence. We join wrapped lines (without a space between
// CJK characters), keep real paragraph breaks, and keep a map back to the original layout.
import { endsSentence, isCjkLike, isWhitespace } from './chars'

export const LEAD_PATTERN = /^[□■\s]*(本报讯|[\u4e00-\u9fff]{1,6}报讯|[\u4e00-\u9fff]{0,6}记者\s)/
export const CONTINUED_FROM_PATTERN = /^[（(]\s*上接\s*\S{1,3}\s*版\s*[）)]/
const HEADING = /^\s{0,3}(#{1,6})\s+/

export interface ReflowedText {
  /** Paragraphs joined by a blank line. */
  text: string
  /** map[i] = index in the input of text[i]; map[text.length] = input length. */
  map: Int32Array
}

export interface SourceLine {
  /** Index of the first character of the line in the input. */
  start: number
  /** Trimmed content without a markdown heading marker. */
  content: string
  contentStart: number
  /** Markdown heading level, 0 when the line is not a heading. */
  heading: number
  indented: boolean
  blank: boolean
}

export function splitLines(text: string, offset = 0): SourceLine[] {
  const lines: SourceLine[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const raw = text.slice(start, end)
    const heading = HEADING.exec(raw)
    let cs = heading ? heading[0].length : 0
    while (cs < raw.length && isWhitespace(raw.charCodeAt(cs))) cs++
    let ce = raw.length
    while (ce > cs && isWhitespace(raw.charCodeAt(ce - 1))) ce--
    lines.push({
      start: offset + start,
      content: raw.slice(cs, ce),
      contentStart: offset + start + cs,
      heading: heading ? (heading[1] as string).length : 0,
      indented: !heading && cs > 0,
      blank: ce <= cs,
    })
    if (end === text.length) break
    start = end + 1
  }
  return lines
}

/** The wrapped-line length of a page (90th percentile: headlines and captions are shorter, and a few over-long lines are extraction glitches). */
export function wrapWidth(lines: SourceLine[]): number {
  const lengths = lines.filter((l) => !l.blank && !l.heading).map((l) => l.content.length)
  if (lengths.length === 0) return 40
  lengths.sort((a, b) => a - b)
  return Math.max(8, lengths[Math.floor(lengths.length * 0.9)] as number)
}

function startsParagraph(line: SourceLine): boolean {
  return (
    line.indented || LEAD_PATTERN.test(line.content) || CONTINUED_FROM_PATTERN.test(line.content)
  )
}

class MappedBuilder {
  private parts: string[] = []
  private map: number[] = []
  length = 0

  /**
   * Appends a line. Inside body text, whitespace between two CJK characters is a PDF artefact
   * ("7月 12日"); in a heading it separates phrases ("关键词 污染防治") and is kept.
   */
  push(text: string, from: number, keepSpaces = false): void {
    let prev = this.lastCode()
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (isWhitespace(c)) {
        let j = i
        while (j < text.length && isWhitespace(text.charCodeAt(j))) j++
        const next = j < text.length ? text.charCodeAt(j) : -1
        if (prev >= 0 && next >= 0 && (keepSpaces || (!isCjkLike(prev) && !isCjkLike(next)))) {
          this.add(' ', from + i)
        }
        i = j - 1
        continue
      }
      this.add(text[i] as string, from + i)
      prev = c
    }
  }

  add(s: string, from: number): void {
    this.parts.push(s)
    for (let i = 0; i < s.length; i++) this.map.push(from)
    this.length += s.length
  }

  lastCode(): number {
    const last = this.parts[this.parts.length - 1]
    return last ? last.charCodeAt(last.length - 1) : -1
  }

  finish(inputLength: number): ReflowedText {
    this.map.push(inputLength)
    return { text: this.parts.join(''), map: Int32Array.from(this.map) }
  }
}

/**
 * Whether a text is written one paragraph a line, each indented (web text, a crawler's
 * per-article file), and not wrapped at a column: most of its lines are indented. Then a line
 * that is not indented (a letter's salutation, "亲爱的祖国母亲：") is a paragraph of its own too.
 */
export function isParagraphPerLine(text: string): boolean {
  const lines = splitLines(text).filter((l) => !l.blank && !l.heading)
  return lines.length > 1 && lines.filter((l) => l.indented).length * 2 > lines.length
}

/**
 * Reflows `text` (lines separated by LF). `width` is the page's wrapped-line length; a line at
 * least 80% as long that does not end a sentence was cut by the column edge. `linesArePara`:
 * every line is a paragraph (isParagraphPerLine), nothing is joined.
 */
export function reflow(text: string, width?: number, linesArePara = false): ReflowedText {
  const lines = splitLines(text)
  const w = width ?? wrapWidth(lines)
  const out = new MappedBuilder()
  let prev: SourceLine | undefined
  let gap = false
  for (const line of lines) {
    if (line.blank) {
      gap = true
      continue
    }
    if (prev) {
      const long = prev.content.length >= 0.8 * w
      const structural =
        linesArePara || prev.heading > 0 || line.heading > 0 || startsParagraph(line)
      const join = gap
        ? !structural && long && !endsSentence(prev.content)
        : !structural && !(endsSentence(prev.content) && !long)
      if (join) {
        const a = out.lastCode()
        const b = line.content.charCodeAt(0)
        if (!isCjkLike(a) && !isCjkLike(b)) out.add(' ', line.contentStart)
      } else {
        out.add('\n\n', line.contentStart)
      }
    }
    out.push(line.content, line.contentStart, line.heading > 0)
    prev = line
    gap = false
  }
  return out.finish(text.length)
}

/** Maps a [start, end) range through a map produced by reflow or the normalizer. */
export function mapRange(map: Int32Array, start: number, end: number): [number, number] {
  const s = map[start] as number
  const last = map[Math.max(start, end - 1)] as number
  return [s, end > start ? last + 1 : s]
}
