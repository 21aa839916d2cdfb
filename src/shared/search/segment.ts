// One segment of the search index: a self-contained, immutable set of whole issues — their
// articles' normalized text joined in one string, the articles' coordinates in flat columns and
// the n-gram index over that text (ngram.ts). The archive's index is a list of segments
// (search-index.ts): adding an issue builds a small new segment instead of rebuilding the
// postings of the whole archive (character ids are per segment), and no single string holds
// the text of the whole archive.
import { BLOCK_TYPES } from '../types'
import type { BlockType } from '../types'
import { normalize, normalizeMapped } from '../text/normalize'
import {
  applyEditsMapped,
  chooseTable,
  editsFromMap,
  identity,
  rebaseEdits,
  tableDisplay,
} from './body-text'
import type { DisplayOf, MappedBody } from './body-text'
import { buildNgramIndex, DOC_SEPARATOR } from './ngram'
import type { GramSize, NgramIndexData } from './ngram'
import type { TextColumn } from './paged-text'

export interface IssueRow {
  id: string
  paper: string
  date: string
}

/** The text columns are strings when built, pages of the file when loaded (paged-text.ts). */
export interface DocColumns {
  /** Normalized texts joined by DOC_SEPARATOR; each doc is headline SEP body. */
  text: TextColumn
  /** starts[d]..starts[d+1]-1 is doc d (the trailing separator excluded); length docs+1. */
  starts: Uint32Array
  /** Where doc d's headline ends (absolute offset of its separator). */
  headEnds: Uint32Array
  issue: Uint32Array
  page: Uint16Array
  article: Uint16Array
  /** Block type of doc d, as its position in BLOCK_TYPES. */
  type: Uint8Array
  /**
   * The first part of doc d's story (story[d] <= d, in the same issue): a story continued across
   * pages (下转 / 上接) is judged as a whole by a boolean query. story[d] = d for a doc on its own.
   */
  story: Uint32Array
  /** Display headlines joined by DOC_SEPARATOR; headlineStarts has length docs+1. */
  headlines: TextColumn
  headlineStarts: Uint32Array
  /**
   * Full titles (kicker, headline, subheadline), likewise: a snippet when only they match. Only
   * a title other than its headline is kept (titleOwn[d] = 1); most articles have none, and
   * their headline was stored twice (7 MiB of the bench corpus's index).
   */
  titles: TextColumn
  titleStarts: Uint32Array
  titleOwn: Uint8Array
  /**
   * Reflowed article texts (what the reader shows), as edits to their normalized bodies in
   * `text` (body-text.ts): doc d's are bodyEdits[bodyEditStarts[d]..bodyEditStarts[d+1]),
   * under `bodyTable` (per character id, the display unit most often behind it; 0 = itself),
   * or under the identity where bodyPlain[d] = 1: a segment may mix simplified and traditional
   * sources, and each article takes the table that needs fewer edits.
   */
  bodyEdits: Uint16Array
  bodyEditStarts: Uint32Array
  bodyTable: Uint16Array
  bodyPlain: Uint8Array
  /** Bylines as printed ('' for none), likewise: `byline:` terms and the vocabulary read them. */
  bylines: string
  bylineStarts: Uint32Array
  /** The same bylines normalized (what `byline:` terms are verified against), likewise. */
  bylineNorms: string
  bylineNormStarts: Uint32Array
}

export interface IndexSegment {
  /** The segment's issues; a doc's `issue` column counts among them (local numbers). */
  issues: IssueRow[]
  docs: DocColumns
  ngram: NgramIndexData
}

/** One article to index. */
export interface DocInput {
  issue: number
  page: number
  article: number
  /** The headline shown for a hit. */
  headline: string
  /** What the headline field indexes: kicker, headline and subheadline; default the headline. */
  title?: string
  /** The reflowed text. */
  text: string
  /** The block's type; default article. */
  type?: BlockType
  /** How many documents before this one its story's first part is (0 or absent: it is the first). */
  storyBack?: number
  /** The byline as printed (记者 刘静), if any. */
  byline?: string
}

/** One row of the columns, once its text is normalized. */
export interface DocRow {
  issue: number
  page: number
  article: number
  type: number
  storyBack: number
  headline: string
  title: string
  /** The reflowed text as edits to the normalized body, under the identity table (body-text.ts). */
  bodyEdits: number[]
  byline: string
  bylineNorm: string
  /** Normalized title, separator, normalized body. */
  norm: string
  headLength: number
}

export function segmentDocCount(seg: IndexSegment): number {
  return seg.docs.issue.length
}

/** The fields of an article the index can hold (INDEX_OPTIONS.fields picks which it does). */
export type IndexField = 'headline' | 'text'

/**
 * The indexed form of a document: normalized title, separator, normalized text; a field not in
 * `fields` (INDEX_OPTIONS.fields) is indexed as empty.
 */
export function normalizedDoc(
  title: string,
  text: string,
  fields: readonly IndexField[],
): { norm: string; headLength: number } {
  const head = fields.includes('headline') ? normalize(title) : ''
  const body = fields.includes('text') ? normalize(text) : ''
  return { norm: head + DOC_SEPARATOR + body, headLength: head.length }
}

export function rowOf(input: DocInput, fields: readonly IndexField[]): DocRow {
  // normalizedDoc's body, with the map that aligns it to the text (its display edits).
  const head = fields.includes('headline') ? normalize(input.title ?? input.headline) : ''
  const body = fields.includes('text')
    ? normalizeMapped(input.text)
    : { text: '', map: Int32Array.of(input.text.length) }
  return {
    issue: input.issue,
    page: input.page,
    article: input.article,
    type: Math.max(0, BLOCK_TYPES.indexOf(input.type ?? 'article')),
    storyBack: input.storyBack ?? 0,
    headline: input.headline,
    title: input.title ?? input.headline,
    bodyEdits: editsFromMap(input.text, body.text, body.map),
    byline: input.byline ?? '',
    bylineNorm: normalize(input.byline ?? ''),
    norm: head + DOC_SEPARATOR + body.text,
    headLength: head.length,
  }
}

/** Row `d` of an existing index, without normalizing anything again. */
export function rowAt(index: IndexSegment, d: number, issue: number): DocRow {
  const c = index.docs
  return {
    issue,
    page: c.page[d] as number,
    article: c.article[d] as number,
    type: c.type[d] as number,
    storyBack: d - (c.story[d] as number),
    headline: segmentHeadline(index, d),
    title: segmentTitle(index, d),
    bodyEdits: rebaseEdits(
      normBody(index, d),
      c.bodyEdits,
      c.bodyEditStarts[d] as number,
      c.bodyEditStarts[d + 1] as number,
      bodyDisplay(index, d),
      identity,
    ),
    byline: segmentByline(index, d),
    bylineNorm: segmentBylineNorm(index, d),
    norm: segmentDocText(index, d),
    headLength: (c.headEnds[d] as number) - (c.starts[d] as number),
  }
}

/** Strings joined by DOC_SEPARATOR with their start offsets (length n+1). */
function stringColumn(values: string[]): { joined: string; starts: Uint32Array } {
  const starts = new Uint32Array(values.length + 1)
  let at = 0
  values.forEach((v, i) => {
    starts[i] = at
    at += v.length + 1
  })
  starts[values.length] = at
  // No documents, no separator: the text is as long as the last start says (0).
  return { joined: values.length ? values.join(DOC_SEPARATOR) + DOC_SEPARATOR : '', starts }
}

function columnValue(joined: TextColumn, starts: Uint32Array, d: number): string {
  return joined.slice(starts[d] as number, (starts[d + 1] as number) - 1)
}

/** Lays rows out in columns and indexes their text: the one place a segment is assembled. */
export function assembleSegment(
  issues: IssueRow[],
  rows: DocRow[],
  grams: readonly GramSize[],
  onProgress?: (f: number) => void,
): IndexSegment {
  const n = rows.length
  const headEnds = new Uint32Array(n)
  const issue = new Uint32Array(n)
  const page = new Uint16Array(n)
  const article = new Uint16Array(n)
  const type = new Uint8Array(n)
  const story = new Uint32Array(n)
  const norms = stringColumn(rows.map((r) => r.norm))
  rows.forEach((r, d) => {
    headEnds[d] = (norms.starts[d] as number) + r.headLength
    issue[d] = r.issue
    page[d] = r.page
    article[d] = r.article
    type[d] = r.type
    // A part never points before its issue: stories do not cross issues.
    story[d] = r.storyBack <= d && rows[d - r.storyBack]?.issue === r.issue ? d - r.storyBack : d
  })
  const ngram = buildNgramIndex(
    rows.map((r) => r.norm),
    grams,
    onProgress,
  )
  const headlines = stringColumn(rows.map((r) => r.headline))
  const titleOwn = Uint8Array.from(rows, (r) => (r.title === r.headline ? 0 : 1))
  const titles = stringColumn(rows.map((r, d) => (titleOwn[d] ? r.title : '')))
  // Display texts: edits under the table the segment's own bodies favour.
  const bodyOf = (r: DocRow): string => r.norm.slice(r.headLength + 1)
  const bodyTable = chooseTable(
    ngram.charIds,
    ngram.radix,
    rows.map((r) => ({ norm: bodyOf(r), edits: r.bodyEdits })),
  )
  const display = tableDisplay(ngram.charIds, bodyTable)
  const bodyEditStarts = new Uint32Array(n + 1)
  const bodyPlain = new Uint8Array(n)
  const edits: number[][] = rows.map((r, d) => {
    const e = rebaseEdits(bodyOf(r), r.bodyEdits, 0, r.bodyEdits.length, identity, display)
    if (e.length <= r.bodyEdits.length) return e
    bodyPlain[d] = 1
    return r.bodyEdits
  })

  edits.forEach((e, d) => (bodyEditStarts[d + 1] = (bodyEditStarts[d] as number) + e.length))
  const bodyEdits = new Uint16Array(bodyEditStarts[n] as number)
  edits.forEach((e, d) => bodyEdits.set(e, bodyEditStarts[d] as number))
  const bylines = stringColumn(rows.map((r) => r.byline))
  const bylineNorms = stringColumn(rows.map((r) => r.bylineNorm))
  return {
    issues,
    docs: {
      text: norms.joined,
      starts: norms.starts,
      headEnds,
      issue,
      page,
      article,
      type,
      story,
      headlines: headlines.joined,
      headlineStarts: headlines.starts,
      titles: titles.joined,
      titleStarts: titles.starts,
      titleOwn,
      bodyEdits,
      bodyEditStarts,
      bodyTable,
      bodyPlain,
      bylines: bylines.joined,
      bylineStarts: bylines.starts,
      bylineNorms: bylineNorms.joined,
      bylineNormStarts: bylineNorms.starts,
    },
    ngram,
  }
}

/** Normalized text of doc `d`: headline, separator, body. */
export function segmentDocText(index: IndexSegment, d: number): string {
  return columnValue(index.docs.text, index.docs.starts, d)
}

/** The display headline of doc `d`. */
export function segmentHeadline(index: IndexSegment, d: number): string {
  return columnValue(index.docs.headlines, index.docs.headlineStarts, d)
}

/** The full title of doc `d`: kicker, headline, subheadline. */
export function segmentTitle(index: IndexSegment, d: number): string {
  return index.docs.titleOwn[d]
    ? columnValue(index.docs.titles, index.docs.titleStarts, d)
    : segmentHeadline(index, d)
}

/** The normalized body of doc `d` (its text after the headline's separator). */
function normBody(index: IndexSegment, d: number): string {
  return index.docs.text.slice(
    (index.docs.headEnds[d] as number) + 1,
    (index.docs.starts[d + 1] as number) - 1,
  )
}

/** The reflowed text of doc `d`, as the reader shows it: rebuilt from its normalized body. */
export function segmentBody(index: IndexSegment, d: number): string {
  return segmentBodyMapped(index, d).text
}

/** The same, with its normalized body and the map between the two (what a snippet needs). */
export function segmentBodyMapped(index: IndexSegment, d: number): MappedBody {
  const c = index.docs
  return applyEditsMapped(
    normBody(index, d),
    c.bodyEdits,
    c.bodyEditStarts[d] as number,
    c.bodyEditStarts[d + 1] as number,
    bodyDisplay(index, d),
  )
}

/** The byline of doc `d` as printed ('' for none). */
export function segmentByline(index: IndexSegment, d: number): string {
  return columnValue(index.docs.bylines, index.docs.bylineStarts, d)
}

/** The normalized byline of doc `d`. */
export function segmentBylineNorm(index: IndexSegment, d: number): string {
  return columnValue(index.docs.bylineNorms, index.docs.bylineNormStarts, d)
}

/** The table doc `d`'s display edits are made against. */
function bodyDisplay(index: IndexSegment, d: number): DisplayOf {
  const { bodyPlain, bodyTable } = index.docs
  return bodyPlain[d] ? identity : tableDisplay(index.ngram.charIds, bodyTable)
}
