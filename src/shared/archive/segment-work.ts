// The segmenter's working state (segment.ts reads a page into these, segment-titles.ts assigns
// their title pieces): declared apart from both so that neither imports the other.
import type { BlockType } from '../types'
import type { Block } from './segment-blocks'

export interface TitlePiece {
  block: Block
  /** Markdown level, 7 for plain lines. */
  level: number
}

export interface ArticleDraft {
  type: BlockType
  kicker?: string
  headline?: string
  subheadline?: string
  byline?: string
  captions: string[]
  /** Range of the whole block (title included) in the page text. */
  start: number
  end: number
  /** Start of the body in the page text; the body runs to `end`. */
  bodyStart: number
}

/** A draft while the page is read. */
export interface Work {
  d: ArticleDraft
  kind: 'text' | 'furniture' | 'ad' | 'figure' | 'photo' | 'brief'
  pieces: TitlePiece[]
  /** Level of the first markdown heading of its title, 99 when it has none. */
  level: number
  hasBody: boolean
  bodyBlocks: Block[]
  /** Opened by a lead, dateline, editorial marker or byline. */
  lead: boolean
  continued: boolean
  ended: boolean
  /** Page furniture or a photo stood after its body: what follows is something else. */
  interrupted: boolean
  endsWithCredit: boolean
}
