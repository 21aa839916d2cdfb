// Splits a page of newspaper text into blocks: articles and briefs, and the photos, graphics,
// ads, notices and page furniture between them, each with its title pieces. It reads the general
// conventions of Chinese papers (segment-rules.ts) against the page's own layout
// (segment-blocks.ts): an article opens at a dateline or lead, an editorial marker, a 上接N版
// marker, a byline, or a heading group where the layout says headings part articles; it ends at
// 下转N版 or a sign-off. Pages printed headline-last (the title group under its article, as in
// some PDF extractions) are told from the text: there, each title piece goes to the article
// whose text it shares most with (segment-titles.ts).
import type { BlockType } from '../types'
import type { SourceLine } from '../text/reflow'
import { headingPieces, pageLayout, toBlocks } from './segment-blocks'
import type { Block, PageLayout } from './segment-blocks'
import { DEFAULT_RULES, NOTICE, PHOTO_CREDIT, SPONSORS } from './segment-rules'
import type { SegmentRules } from './segment-rules'
import {
  absorbIntoAds,
  assignTrailingTitles,
  mergeMidHeadlines,
  titleRoles,
} from './segment-titles'
import type { ArticleDraft, Work } from './segment-work'

const lineEnd = (l: SourceLine): number => l.contentStart + l.content.length
const firstLine = (b: Block): SourceLine => b.lines[0] as SourceLine
const lastLine = (b: Block): SourceLine => b.lines[b.lines.length - 1] as SourceLine
const blockText = (b: Block): string => b.lines.map((l) => l.content).join('')

/**
 * Headline blocks between two figures are figures too (an infographic's broken lines); a
 * "figure" with running text on both sides is a fragment of that text, cut by a blank line.
 */
function smoothFigures(blocks: Block[]): void {
  const running = (b: Block | undefined): boolean =>
    b !== undefined && (b.kind === 'body' || b.kind === 'lead' || b.kind === 'continued')
  blocks.forEach((b, i) => {
    if (b.kind === 'figure' && running(blocks[i - 1]) && running(blocks[i + 1])) b.kind = 'body'
  })
  // Short pieces set between two figures (headline-like or not) are the same infographic.
  const short = (b: Block): boolean =>
    (b.kind === 'headline' || b.kind === 'body') && b.lines.length <= 2 && blockText(b).length <= 50
  for (let i = 1; i < blocks.length; i++) {
    if (!short(blocks[i] as Block) || (blocks[i - 1] as Block).kind !== 'figure') continue
    let j = i
    while (j < blocks.length && short(blocks[j] as Block)) j++
    if (j < blocks.length && (blocks[j] as Block).kind === 'figure')
      for (let k = i; k < j; k++) (blocks[k] as Block).kind = 'figure'
  }
}

export function segmentPage(text: string, rules: SegmentRules = DEFAULT_RULES): ArticleDraft[] {
  const layout = pageLayout(text, rules)
  const blocks = toBlocks(layout, rules)
  smoothFigures(blocks)
  const works = readBlocks(blocks, layout, rules)
  const texts = works.filter((w) => w.kind === 'text' || w.kind === 'photo')
  absorbIntoAds(works, text)
  if (!layout.markdown && !layout.indented) assignTrailingTitles(texts, text)
  mergeMidHeadlines(works, text)
  const drafts = works
    .filter((w) => w.pieces.length > 0 || w.hasBody || w.kind !== 'text')
    .map((w) => finish(w, text, rules, layout.indented || layout.blankIsBreak))
    .filter((d) => d.end > d.start)
  // Furniture next to furniture (a banner over the editor and date line) is one block.
  const merged: ArticleDraft[] = []
  let covered = 0
  for (const d of drafts) {
    // An article that running text resumes after page furniture (a folio line between two of
    // its paragraphs) spans that furniture, whose lines are then part of its text: the block
    // inside it is dropped, and a block that begins inside it starts where it ends, so the
    // page's blocks never overlap (tests/shared/archive/segment-fuzz.test.ts).
    if (d.end <= covered) continue
    if (d.start < covered) {
      d.start = covered
      d.bodyStart = Math.max(d.bodyStart, covered)
    }
    covered = d.end
    const prev = merged[merged.length - 1]
    if (prev && prev.type === 'furniture' && d.type === 'furniture') {
      prev.end = Math.max(prev.end, d.end)
      continue
    }
    merged.push(d)
  }
  return merged
}

function open(works: Work[], block: Block, kind: Work['kind']): Work {
  const first = firstLine(block)
  const w: Work = {
    d: {
      type: 'article',
      captions: [],
      start: first.start,
      end: first.start,
      bodyStart: first.start,
    },
    kind,
    pieces: [],
    level: 99,
    hasBody: false,
    bodyBlocks: [],
    lead: false,
    continued: false,
    ended: false,
    interrupted: false,
    endsWithCredit: false,
  }
  works.push(w)
  return w
}

function addPiece(w: Work, block: Block): void {
  if (w.pieces.length === 0 && block.kind === 'heading') w.level = block.level
  w.pieces.push({ block, level: block.kind === 'heading' ? block.level : 7 })
  w.d.end = Math.max(w.d.end, lineEnd(lastLine(block)))
  if (!w.hasBody) w.d.bodyStart = w.d.end
}

function addBody(w: Work, block: Block): void {
  if (!w.hasBody) w.d.bodyStart = firstLine(block).start
  w.hasBody = true
  w.bodyBlocks.push(block)
  w.d.end = lineEnd(lastLine(block))
  w.endsWithCredit = block.kind === 'caption'
  if (block.kind === 'caption') w.d.captions.push(blockText(block))
}

function readBlocks(blocks: Block[], layout: PageLayout, rules: SegmentRules): Work[] {
  const works: Work[] = []
  let cur: Work | undefined
  let briefs = false
  const next = (i: number): Block | undefined => blocks[i + 1]
  /** The kind of the first block after this title group. */
  const afterGroup = (i: number): Block['kind'] | undefined => {
    let k = i + 1
    while (k < blocks.length && /heading|headline/.test((blocks[k] as Block).kind)) k++
    return blocks[k]?.kind
  }
  const opensArticle = (block: Block, i: number, c: Work): boolean => {
    // Web text: article headings are the unindented lines; indented ones are subheads.
    if (layout.indented) return !firstLine(block).indented
    const after = afterGroup(i)
    if (after === 'lead' || after === 'continued' || after === 'byline') return true
    if (block.kind === 'heading') return block.level <= c.level
    if (c.interrupted || layout.blankIsBreak) return true
    const n = next(i)?.kind
    if (n === 'headline' || n === 'heading') return true
    return block.lines.length >= 2 && block.lines.some((l) => /^——|^—/.test(l.content))
  }
  const groupTakes = (c: Work, block: Block): boolean => {
    if (c.hasBody || c.ended || c.kind !== 'text' || c.pieces.length >= 4) return false
    // A second heading of the same rank starts the next title group (a banner's, a box's).
    return !(block.kind === 'heading' && c.pieces.some((p) => p.level === block.level))
  }

  blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
      case 'headline': {
        const t = headingPieces(firstLine(block).content).titles[0] ?? ''
        if (rules.briefColumn.test(t.replace(/\s+/g, ''))) {
          // A news-in-brief column: its name is furniture, each item below it a brief.
          const w = open(works, block, 'furniture')
          addBody(w, block)
          w.ended = true
          briefs = true
          cur = w
          break
        }
        briefs = false
        // Where markdown marks the headings, a plain line is a title only directly under one.
        if (
          layout.markdown &&
          block.kind === 'headline' &&
          cur?.hasBody &&
          cur.kind === 'text' &&
          !cur.interrupted
        ) {
          addBody(cur, block)
          break
        }
        if (cur && groupTakes(cur, block)) {
          // A lone personal name under a headline is the author's byline (signed commentary).
          if (
            cur.pieces.length > 0 &&
            block.lines.length === 1 &&
            /^[\u4e00-\u9fff]{2,4}$/.test(firstLine(block).content)
          )
            cur.d.byline ??= firstLine(block).content
          else addPiece(cur, block)
        } else if (!cur || cur.ended || !cur.hasBody || cur.kind !== 'text')
          addPiece((cur = open(works, block, 'text')), block)
        else if (opensArticle(block, i, cur)) addPiece((cur = open(works, block, 'text')), block)
        else addBody(cur, block) // a section heading inside the article
        break
      }
      case 'lead':
      case 'continued':
        briefs = false
        // Web text marks every article by an unindented heading: a dateline further down is a
        // second dispatch inside the same article.
        // Where blank lines part articles, one with none before it is a second dispatch too.
        if (
          (layout.indented || (layout.blankIsBreak && block.gapBefore === 0)) &&
          cur?.kind === 'text' &&
          cur.hasBody &&
          !cur.ended
        ) {
          addBody(cur, block)
          break
        }
        if (!cur || cur.ended || cur.hasBody || cur.kind !== 'text')
          cur = open(works, block, 'text')
        if (block.kind === 'lead') cur.lead = true
        else cur.continued = true
        addBody(cur, block)
        break
      case 'byline': {
        const byline = firstLine(block).content.replace(/^[□■]\s*/, '')
        const n = next(i)?.kind
        if (cur && cur.kind === 'text' && !cur.hasBody && !cur.ended) cur.d.byline ??= byline
        else if (
          (n === 'body' || n === 'lead') &&
          !(
            (layout.indented || (layout.blankIsBreak && block.gapBefore === 0)) &&
            cur?.kind === 'text'
          )
        ) {
          // A byline above running text opens the next article (its headline may come later).
          cur = open(works, block, 'text')
          cur.lead = true
          cur.d.byline = byline
          addBody(cur, block)
        } else if (cur) {
          addBody(cur, block)
          // A byline closes its article, except inside web text, where sections have their own.
          if (!layout.indented && !layout.blankIsBreak) cur.ended = true
        }
        break
      }
      case 'signoff':
        // Sign-offs and credits close the article before them (several may follow each other).
        if (cur && cur.kind === 'text') {
          addBody(cur, block)
          cur.d.byline ??= firstLine(block).content.replace(/^[（(]|[）)]$/g, '')
          cur.ended = true
        } else addBody((cur = open(works, block, 'text')), block)
        break
      case 'caption':
        if (layout.indented && cur?.kind === 'text') addBody(cur, block)
        else cur = caption(works, cur, block)
        break
      case 'furniture':
      case 'banner': {
        const last = works[works.length - 1]
        const w =
          last && last.kind === 'furniture' && last === cur ? last : open(works, block, 'furniture')
        addBody(w, block)
        if (cur && cur !== w) {
          if (!cur.hasBody) cur.ended = true
          else cur.interrupted = true
          // Running text after furniture goes on with the article it interrupted.
          if (!cur.ended) break
        }
        cur = w
        break
      }
      case 'ad':
      case 'figure': {
        const kind = block.kind
        const w = cur && cur.kind === kind ? cur : open(works, block, kind)
        addBody(w, block)
        cur = w
        break
      }
      default:
        if (briefs) {
          const w = open(works, block, 'brief')
          addBody(w, block)
          cur = w
          break
        }
        if (!cur || cur.ended || cur.kind !== 'text') cur = open(works, block, 'text')
        addBody(cur, block)
    }
    if (block.endsContinuedOn && cur) cur.ended = true
  })
  return works
}

/**
 * A photo credit. After an article's body, the short paragraphs just above it are the photo's
 * captions (a photo box set between two articles); inside an article's opening it is the
 * article's own photo.
 */
function caption(works: Work[], cur: Work | undefined, block: Block): Work {
  if (cur && cur.kind === 'text' && cur.hasBody && cur.bodyBlocks.length >= 3) {
    let k = cur.bodyBlocks.length
    while (
      k > cur.bodyBlocks.length - 2 &&
      k > 1 &&
      (cur.bodyBlocks[k - 1] as Block).kind === 'body' &&
      blockText(cur.bodyBlocks[k - 1] as Block).length <= 60
    )
      k--
    if (k < cur.bodyBlocks.length) {
      const moved = cur.bodyBlocks.splice(k)
      const prev = cur.bodyBlocks[cur.bodyBlocks.length - 1] as Block
      cur.d.end = lineEnd(lastLine(prev))
      const photo = open(works, moved[0] as Block, 'photo')
      for (const b of moved) addBody(photo, b)
      photo.d.captions.push(...moved.map(blockText))
      addBody(photo, block)
      photo.ended = true
      return photo
    }
  }
  if (cur && (cur.kind === 'text' || cur.kind === 'photo') && !cur.ended) {
    addBody(cur, block)
    return cur
  }
  const photo = open(works, block, 'photo')
  addBody(photo, block)
  photo.ended = true
  return photo
}

function finish(w: Work, text: string, rules: SegmentRules, linesArePieces: boolean): ArticleDraft {
  const d = w.d
  if (w.pieces.length) d.start = Math.min(d.start, firstLine(w.pieces[0]?.block as Block).start)
  const roles = w.kind === 'text' || w.kind === 'photo' ? titleRoles(w.pieces, linesArePieces) : {}
  if (roles.byline) d.byline ??= roles.byline
  for (const key of ['kicker', 'headline', 'subheadline'] as const) {
    const v = roles[key]
    if (v) d[key] = v
  }
  const body = text.slice(d.bodyStart, d.end)
  d.type = typeOf(w, body, rules)
  if (d.type !== 'article' && d.type !== 'brief' && d.type !== 'photo' && d.type !== 'notice') {
    delete d.kicker
    delete d.subheadline
  }
  return d
}

function typeOf(w: Work, body: string, rules: SegmentRules): BlockType {
  void rules
  if (w.kind === 'furniture') return 'furniture'
  if (w.kind === 'ad') return 'ad'
  if (w.kind === 'figure') return 'graphic'
  if (w.kind === 'photo') return 'photo'
  if (w.kind === 'brief') return 'brief'
  const han = body.replace(/[^\u3400-\u9fff]/g, '').length
  if (!w.hasBody || han === 0) {
    // A title group with no text under it: a promotion box (its sponsors' line) or a banner.
    const last = w.pieces[w.pieces.length - 1]
    const lastText = last ? lastLine(last.block).content : ''
    return SPONSORS.test(lastText) ? 'ad' : 'furniture'
  }
  if (
    w.pieces.length &&
    NOTICE.test(headingPieces(lastLine(w.pieces[0]?.block as Block).content).titles[0] ?? '')
  )
    return 'notice'
  if (w.endsWithCredit && !w.lead && !w.continued && han < 600) return 'photo'
  if (PHOTO_CREDIT.test(body.trim()) && !w.lead && han < 120) return 'photo'
  // A few words with no lead and no title between articles: a pull quote.
  if (!w.lead && !w.continued && w.pieces.length === 0 && han < 100) return 'graphic'
  return 'article'
}
