// Splits a page of PDF-extracted text into articles. Newspapers give us signals, none reliable
// alone: markdown headings (in some files), 本报讯 / 新渝报讯 leads, short headline blocks between
// blank lines, bylines, photo captions and continuation markers. The rules below were written
// against the seed pages; `tests/shared/archive/segment.test.ts` pins what they produce.
import { endsSentence } from '../text/chars'
import { CONTINUED_FROM_PATTERN, LEAD_PATTERN, splitLines, wrapWidth } from '../text/reflow'
import type { SourceLine } from '../text/reflow'

export const CONTINUED_ON_PATTERN = /[（(]\s*(下转|转|详见|接)\s*\S{1,3}\s*版\s*[）)]\s*$/
const BYLINE =
  /^[□■]?\s*[\u4e00-\u9fff]{0,8}(记者|通讯员|实习生)\s*[\u4e00-\u9fff]{2,4}(\s+\S+){0,5}$/
/** Page furniture: the editor line and printed date at the top of a page, not part of any article. */
const FURNITURE = /^(编辑|责编|美编|校对|版式)[:：]|星期[一二三四五六日天]\s*$/
const CAPTION = /(^图为|摄\s*[）)]?$|^[（(][^）)]{0,30}摄[）)]$)/
/** A markdown "heading" longer than this is a paragraph the extractor mislabelled. */
const MAX_HEADING = 60
const MAX_HEADLINE_LINES = 3

type BlockKind =
  'heading' | 'headline' | 'lead' | 'continued' | 'byline' | 'caption' | 'furniture' | 'body'

interface Block {
  kind: BlockKind
  level: number
  lines: SourceLine[]
  endsContinuedOn: boolean
}

export interface HeadlineLine {
  text: string
  /** Markdown level, or 7 for a plain headline line. */
  level: number
}

export interface ArticleDraft {
  headlines: HeadlineLine[]
  byline?: string
  captions: string[]
  /** Range of the whole article (headline included) in the page text. */
  start: number
  end: number
  /** Start of the body in the page text; the body runs to `end`. */
  bodyStart: number
}

function lineEnd(line: SourceLine): number {
  return line.contentStart + line.content.length
}

function classify(lines: SourceLine[], width: number): Block {
  const first = lines[0] as SourceLine
  const last = lines[lines.length - 1] as SourceLine
  const endsContinuedOn = CONTINUED_ON_PATTERN.test(last.content)
  const block = (kind: BlockKind, level = 7): Block => ({ kind, level, lines, endsContinuedOn })
  if (first.heading && first.content.length <= MAX_HEADING) {
    return BYLINE.test(first.content) ? block('byline') : block('heading', first.heading)
  }
  if (CONTINUED_FROM_PATTERN.test(first.content)) return block('continued')
  if (lines.length === 1 && CAPTION.test(first.content)) return block('caption')
  if (lines.length === 1 && first.content.length <= 30 && BYLINE.test(first.content))
    return block('byline')
  if (lines.length <= 2 && lines.every((l) => FURNITURE.test(l.content))) return block('furniture')
  if (LEAD_PATTERN.test(first.content) && first.content.length > 12) return block('lead')
  const short = Math.min(0.7 * width, 40)
  const headlineLike =
    lines.length <= MAX_HEADLINE_LINES &&
    lines.every(
      (l) =>
        l.content.length <= short &&
        !endsSentence(l.content) &&
        !/[，、；：,;:。]$/.test(l.content),
    ) &&
    /[\u4e00-\u9fff]{2}/.test(first.content) &&
    !/^[\d.%，,\s]+$/.test(first.content)
  return block(headlineLike ? 'headline' : 'body')
}

/** Groups lines into blocks: runs of non-blank lines, cut before headings, leads and indents. */
function toBlocks(lines: SourceLine[], width: number): Block[] {
  const blocks: Block[] = []
  let run: SourceLine[] = []
  const flush = (): void => {
    if (run.length) blocks.push(classify(run, width))
    run = []
  }
  for (const line of lines) {
    if (line.blank) {
      flush()
      continue
    }
    const prev = run[run.length - 1]
    const startsNew =
      line.heading > 0 ||
      (prev !== undefined && prev.heading > 0) ||
      LEAD_PATTERN.test(line.content) ||
      CONTINUED_FROM_PATTERN.test(line.content) ||
      (line.indented && prev !== undefined && endsSentenceOrShort(prev, width))
    if (startsNew) flush()
    run.push(line)
    if (CONTINUED_ON_PATTERN.test(line.content)) flush()
  }
  flush()
  return blocks
}

function endsSentenceOrShort(line: SourceLine, width: number): boolean {
  return endsSentence(line.content) || line.content.length < 0.8 * width
}

interface Current {
  draft: ArticleDraft
  level: number
  hasBody: boolean
  ended: boolean
}

export function segmentPage(text: string): ArticleDraft[] {
  const lines = splitLines(text)
  const width = wrapWidth(lines)
  const blocks = toBlocks(lines, width)
  const drafts: ArticleDraft[] = []
  let cur: Current | undefined

  const open = (block: Block): Current => {
    const first = block.lines[0] as SourceLine
    const c: Current = {
      draft: {
        headlines: [],
        captions: [],
        start: first.start,
        end: first.start,
        bodyStart: first.start,
      },
      level: block.kind === 'heading' ? block.level : 99,
      hasBody: false,
      ended: false,
    }
    drafts.push(c.draft)
    return c
  }
  const addHeadline = (c: Current, block: Block): void => {
    for (const l of block.lines) c.draft.headlines.push({ text: l.content, level: block.level })
    c.draft.end = lineEnd(block.lines[block.lines.length - 1] as SourceLine)
    c.draft.bodyStart = c.draft.end
  }
  const addBody = (c: Current, block: Block): void => {
    if (!c.hasBody) c.draft.bodyStart = (block.lines[0] as SourceLine).start
    c.hasBody = true
    c.draft.end = lineEnd(block.lines[block.lines.length - 1] as SourceLine)
    if (block.kind === 'caption') c.draft.captions.push(block.lines.map((l) => l.content).join(''))
    if (block.kind === 'byline')
      c.draft.byline ??= (block.lines[0] as SourceLine).content.replace(/^[□■]\s*/, '')
  }
  /** A heading is a new article's when a lead or a 上接 marker follows it soon. */
  const leadFollows = (i: number): boolean => {
    for (let k = i + 1; k < Math.min(blocks.length, i + 4); k++) {
      const kind = (blocks[k] as Block).kind
      if (kind === 'lead' || kind === 'continued' || kind === 'byline') return true
      if (kind === 'body' || kind === 'caption') return false
    }
    return false
  }

  blocks.forEach((block, i) => {
    const titleGroupOpen =
      cur && !cur.hasBody && !cur.ended && cur.draft.headlines.length < MAX_HEADLINE_LINES
    switch (block.kind) {
      case 'heading':
      case 'headline':
        if (cur && titleGroupOpen) addHeadline(cur, block)
        else if (!cur || cur.ended || !cur.hasBody) addHeadline((cur = open(block)), block)
        else if ((block.kind === 'heading' && block.level <= cur.level) || leadFollows(i)) {
          addHeadline((cur = open(block)), block)
        } else addBody(cur, block) // a section heading inside the article
        break
      case 'lead':
      case 'continued':
        if (!cur || cur.ended || cur.hasBody) cur = open(block)
        addBody(cur, block)
        break
      case 'furniture':
        break
      case 'byline':
        if (!cur) cur = open(block)
        if (!cur.hasBody)
          cur.draft.byline ??= (block.lines[0] as SourceLine).content.replace(/^[□■]\s*/, '')
        else addBody(cur, block)
        break
      default:
        if (!cur || cur.ended) cur = open(block)
        addBody(cur, block)
    }
    if (block.endsContinuedOn && cur) cur.ended = true
  })
  const kept = drafts.filter((d) => d.end > d.start)
  reattachTrailingHeadlines(kept, text, blocks)
  // A draft that was only a headline, now given back to the article before it, is empty.
  return kept.filter((d) => d.end > d.start)
}

function cjkBigrams(s: string): Set<string> {
  const set = new Set<string>()
  const han = s.replace(/[^\u3400-\u9fff]/g, '')
  for (let i = 0; i + 1 < han.length; i++) set.add(han.slice(i, i + 2))
  return set
}

function overlap(headline: Set<string>, body: Set<string>): number {
  if (headline.size === 0) return 0
  let shared = 0
  for (const g of headline) if (body.has(g)) shared++
  return shared / headline.size
}

/**
 * In some PDF extractions (the 江北报 pages here) every headline block follows the article it
 * belongs to. Per page, we compare how much each plain headline shares with the article before
 * it and with the one after it; when "before" wins overall, the page's headlines move back by
 * one article. Pages with markdown headings are trusted as they stand.
 */
function reattachTrailingHeadlines(drafts: ArticleDraft[], text: string, blocks: Block[]): void {
  if (blocks.some((b) => b.kind === 'heading')) return
  const body = drafts.map((d) => cjkBigrams(text.slice(d.bodyStart, d.end)))
  let before = 0
  let after = 0
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i] as ArticleDraft
    if (d.headlines.length === 0) continue
    const head = cjkBigrams(d.headlines.map((h) => h.text).join(''))
    before += overlap(head, body[i - 1] as Set<string>)
    after += overlap(head, body[i] as Set<string>)
  }
  if (before <= after) return
  for (let i = 1; i < drafts.length; i++) {
    const prev = drafts[i - 1] as ArticleDraft
    const cur = drafts[i] as ArticleDraft
    if (cur.headlines.length === 0 || prev.headlines.length > 0) continue
    prev.headlines = cur.headlines
    cur.headlines = []
    cur.start = cur.bodyStart
  }
}
