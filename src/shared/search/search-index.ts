// The searchable form of an archive: one normalized text per article, concatenated, with the
// article's coordinates in flat columns and the n-gram index over it. It is self-contained: a
// persisted copy answers queries and shows their hits (headline and reflowed text are kept)
// without reading, decoding or segmenting any page.
import type { CorrectionEntry } from '../archive/corrections'
import { issueArticles } from '../archive/issue-articles'
import { storyParts } from '../archive/stories'
import type { SegmentRules } from '../archive/segment-rules'
import { BLOCK_TYPES } from '../types'
import type { Article, BlockType, CatalogIssue } from '../types'
import { normalize, NORMALIZER_VERSION } from '../text/normalize'
import { buildNgramIndex, DOC_SEPARATOR } from './ngram'
import type { GramSize, NgramIndexData } from './ngram'

/** Version of the article segmentation; a change invalidates persisted indexes. */
export const SEGMENTER_VERSION = 3

/**
 * The one set of options the index is built, loaded and ranked with (in the manner of
 * MiniSearch's documented options). It is stored in the index file and compared on load: an
 * index built under other rules is rebuilt, never misread.
 *
 * - `normalizer`, `segmenter`: versions of the text normalization and of page segmentation the
 *   stored texts come from.
 * - `grams`: the n-gram sizes the postings hold (buildNgramIndex): `[1, 2]`, every character
 *   and every adjacent pair (a longer term intersects its pairs' lists and is verified against
 *   the text), or `[1]`, characters only (a much smaller index; a term of two or more
 *   characters intersects its characters' lists, so more candidates are verified). Nothing
 *   else: a triple does not fit the 32-bit term key, and without single characters a
 *   one-character query could only scan (GramSize).
 * - `fields`: which of a document's two fields are indexed, in the order they are joined
 *   (`headline SEP text`, normalizedDoc): `['headline', 'text']`, or one of them alone (a field
 *   left out is not searchable; its text is still kept for display). The order is fixed: the
 *   headline comes first because the headline's end (headEnds, the tf headline bit) is where
 *   the first separator is. The headline field holds kicker, headline and subheadline
 *   (articleTitle).
 * - `fieldWeights`: how much one occurrence counts in each field for ranking (evaluate.ts): a
 *   headline occurrence counts three times a body one.
 * - `bm25`: the ranking's BM25 parameters (evaluate.ts): `k1` saturates term frequency, `b`
 *   normalizes by document length (0 = length ignored, 1 = fully normalized).
 */
export const INDEX_OPTIONS = {
  normalizer: NORMALIZER_VERSION,
  segmenter: SEGMENTER_VERSION,
  grams: [1, 2],
  fields: ['headline', 'text'],
  fieldWeights: { headline: 3, text: 1 },
  bm25: { k1: 1.2, b: 0.75 },
} as const

export type IndexField = 'headline' | 'text'

/** What the build reads from INDEX_OPTIONS (a test passes other values to see them followed). */
export interface BuildOptions {
  readonly grams: readonly GramSize[]
  readonly fields: readonly IndexField[]
}

function checkFields(fields: readonly IndexField[]): void {
  const known = ['headline', 'text'].filter((f) => fields.includes(f as IndexField))
  if (fields.length === 0 || known.join() !== fields.join())
    throw new Error(`index fields must be headline, text or both in that order, not ${fields}`)
}

export interface IssueRow {
  id: string
  paper: string
  date: string
}

export interface DocColumns {
  /** Normalized texts joined by DOC_SEPARATOR; each doc is headline SEP body. */
  text: string
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
  headlines: string
  headlineStarts: Uint32Array
  /** Full titles (kicker, headline, subheadline), likewise: a snippet when only they match. */
  titles: string
  titleStarts: Uint32Array
  /** Reflowed article texts (what the reader shows), likewise. */
  bodies: string
  bodyStarts: Uint32Array
}

export interface SearchIndex {
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
}

/** One row of the columns, once its text is normalized. */
interface DocRow {
  issue: number
  page: number
  article: number
  type: number
  storyBack: number
  headline: string
  title: string
  text: string
  /** Normalized title, separator, normalized body. */
  norm: string
  headLength: number
}

export function docCount(index: SearchIndex): number {
  return index.docs.issue.length
}

/** The documents of one issue, from its decoded pages (same segmentation as the reader's). */
export function issueDocInputs(
  issueIdx: number,
  issue: CatalogIssue,
  pageTexts: readonly string[],
  rules?: SegmentRules,
  corrections: readonly CorrectionEntry[] = [],
): DocInput[] {
  const articles = issueArticles(issue, pageTexts, rules, corrections).perPage.flat()
  const stories = storyParts(articles)
  const at = new Map(articles.map((a, k) => [a.id, k]))
  return articles.map((a, k) => {
    const first = stories.get(a.id)?.parts[0]
    const head = first === undefined ? k : (at.get(first) ?? k)
    return {
      issue: issueIdx,
      page: a.page,
      article: a.index,
      headline: a.headline,
      title: articleTitle(a),
      text: indexedText(a),
      type: a.type,
      storyBack: Math.max(0, k - head),
    }
  })
}

/**
 * The text an article is indexed by: its corrected text, then the text as printed of each span a
 * librarian fixed, as a last paragraph. Appended rather than kept as a hidden variant so that the
 * index format, its verification of every hit against the stored text and the snippets need no
 * second text: a search for the printed words finds the article, and its snippet shows them
 * marked as the original.
 */
export function indexedText(a: Pick<Article, 'text' | 'corrections'>): string {
  const originals = (a.corrections ?? []).flatMap((c) =>
    c.kind === 'fix-text' && c.original ? [c.original] : [],
  )
  return originals.length ? `${a.text}\n\n${ORIGINAL_LABEL}${originals.join(' / ')}` : a.text
}

/** What the appended printed text is introduced by in the index's text (and so in snippets). */
export const ORIGINAL_LABEL = '〔原文〕'

/** What an article's headline field indexes: kicker, headline and subheadline. */
export function articleTitle(a: Pick<Article, 'kicker' | 'headline' | 'subheadline'>): string {
  return [a.kicker, a.headline, a.subheadline].filter(Boolean).join(' ')
}

/**
 * The indexed form of a document: normalized title, separator, normalized text; a field not in
 * `fields` is indexed as empty.
 */
export function normalizedDoc(
  title: string,
  text: string,
  fields: readonly IndexField[] = INDEX_OPTIONS.fields,
): { norm: string; headLength: number } {
  const head = fields.includes('headline') ? normalize(title) : ''
  const body = fields.includes('text') ? normalize(text) : ''
  return { norm: head + DOC_SEPARATOR + body, headLength: head.length }
}

function rowOf(input: DocInput, fields: readonly IndexField[]): DocRow {
  return {
    issue: input.issue,
    page: input.page,
    article: input.article,
    type: Math.max(0, BLOCK_TYPES.indexOf(input.type ?? 'article')),
    storyBack: input.storyBack ?? 0,
    headline: input.headline,
    title: input.title ?? input.headline,
    text: input.text,
    ...normalizedDoc(input.title ?? input.headline, input.text, fields),
  }
}

/** Row `d` of an existing index, without normalizing anything again. */
function rowAt(index: SearchIndex, d: number, issue: number): DocRow {
  const c = index.docs
  return {
    issue,
    page: c.page[d] as number,
    article: c.article[d] as number,
    type: c.type[d] as number,
    storyBack: d - (c.story[d] as number),
    headline: headlineOf(index, d),
    title: titleOf(index, d),
    text: bodyOf(index, d),
    norm: docText(index, d),
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
  return { joined: values.join(DOC_SEPARATOR) + DOC_SEPARATOR, starts }
}

function columnValue(joined: string, starts: Uint32Array, d: number): string {
  return joined.slice(starts[d], (starts[d + 1] as number) - 1)
}

/** Lays rows out in columns and indexes their text: the one place an index is assembled. */
function assemble(
  issues: IssueRow[],
  rows: DocRow[],
  grams: readonly GramSize[],
  onProgress?: (f: number) => void,
): SearchIndex {
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
  const titles = stringColumn(rows.map((r) => r.title))
  const bodies = stringColumn(rows.map((r) => r.text))
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
      bodies: bodies.joined,
      bodyStarts: bodies.starts,
    },
    ngram,
  }
}

/** Builds the in-memory index under `options` (INDEX_OPTIONS). `onProgress` gets 0..1. */
export function buildSearchIndex(
  issues: IssueRow[],
  inputs: readonly DocInput[],
  onProgress?: (fraction: number) => void,
  options: BuildOptions = INDEX_OPTIONS,
): SearchIndex {
  checkFields(options.fields)
  const rows = inputs.map((input, d) => {
    if (onProgress && d % 2000 === 0) onProgress((0.3 * d) / Math.max(1, inputs.length))
    return rowOf(input, options.fields)
  })
  return assemble(issues, rows, options.grams, onProgress && ((f) => onProgress(0.3 + 0.7 * f)))
}

/**
 * Adds issues to an existing index without touching the old articles' text again: only the new
 * documents are normalized; the n-gram lists are rebuilt over the combined normalized text (one
 * fast pass) because character ids are shared across the whole index. `inputs` is consumed once,
 * in order, so a caller can stream documents (a batch import reads one page at a time) and only
 * their normalized text is kept. Their `issue` numbers count from 0 among `issues`. `options`
 * are the ones `old` was built with (a loaded index's are INDEX_OPTIONS: index-file checks).
 */
export function extendSearchIndex(
  old: SearchIndex,
  issues: IssueRow[],
  inputs: Iterable<DocInput>,
  options: BuildOptions = INDEX_OPTIONS,
): SearchIndex {
  checkFields(options.fields)
  const base = old.issues.length
  const rows: DocRow[] = []
  for (let d = 0; d < docCount(old); d++) rows.push(rowAt(old, d, old.docs.issue[d] as number))
  for (const input of inputs)
    rows.push(rowOf({ ...input, issue: base + input.issue }, options.fields))
  return assemble([...old.issues, ...issues], rows, options.grams)
}

/** The index without the issues in `drop`, again without normalizing any text. */
export function withoutIssues(
  old: SearchIndex,
  drop: ReadonlySet<string>,
  options: BuildOptions = INDEX_OPTIONS,
): SearchIndex {
  const remap = new Int32Array(old.issues.length).fill(-1)
  const issues: IssueRow[] = []
  old.issues.forEach((row, i) => {
    if (drop.has(row.id)) return
    remap[i] = issues.length
    issues.push(row)
  })
  const rows: DocRow[] = []
  for (let d = 0; d < docCount(old); d++) {
    const to = remap[old.docs.issue[d] as number] as number
    if (to >= 0) rows.push(rowAt(old, d, to))
  }
  return assemble(issues, rows, options.grams)
}

/** Normalized text of doc `d`: headline, separator, body. */
export function docText(index: SearchIndex, d: number): string {
  return columnValue(index.docs.text, index.docs.starts, d)
}

/** The display headline of doc `d`. */
export function headlineOf(index: SearchIndex, d: number): string {
  return columnValue(index.docs.headlines, index.docs.headlineStarts, d)
}

/** The full title of doc `d`: kicker, headline, subheadline. */
export function titleOf(index: SearchIndex, d: number): string {
  return columnValue(index.docs.titles, index.docs.titleStarts, d)
}

/** The reflowed text of doc `d`, as the reader shows it. */
export function bodyOf(index: SearchIndex, d: number): string {
  return columnValue(index.docs.bodies, index.docs.bodyStarts, d)
}

/** The block type of doc `d`. */
export function typeOf(index: SearchIndex, d: number): BlockType {
  return BLOCK_TYPES[index.docs.type[d] as number] ?? 'article'
}

export function articleIdOf(index: SearchIndex, d: number): string {
  const issue = index.issues[index.docs.issue[d] as number] as IssueRow
  return `${issue.id}/p${index.docs.page[d]}/a${index.docs.article[d]}`
}
