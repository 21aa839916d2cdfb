// The searchable form of an archive: a list of segments (segment.ts), each a self-contained set
// of whole issues with its own text, columns and n-gram postings, searched together as one
// index whose doc ids run through the segments in order. Adding issues appends a segment;
// removing one marks its documents deleted; merge.ts folds small segments together (and drops
// deleted documents) so that the list stays short. A persisted copy answers queries and shows
// their hits (headline and reflowed text are kept) without reading any page.
import type { CorrectionEntry } from '../archive/corrections'
import { issueArticles } from '../archive/issue-articles'
import { storyParts } from '../archive/stories'
import type { SegmentRules } from '../archive/segment-rules'
import { BLOCK_TYPES } from '../types'
import type { Article, BlockType, CatalogIssue } from '../types'
import { NORMALIZER_VERSION } from '../text/normalize'
import {
  assembleSegment,
  rowAt,
  rowOf,
  segmentBody,
  segmentBodyMapped,
  segmentDocCount,
  segmentDocText,
} from './segment'
import { segmentByline, segmentHeadline, segmentTitle } from './segment'
import type { DocInput, DocRow, IndexField, IndexSegment, IssueRow } from './segment'
import type { MappedBody } from './body-text'
import type { GramSize } from './ngram'
import { composeIndex } from './compose-index'
import type { SearchIndex, SegmentRef } from './compose-index'

/**
 * Version of the article segmentation; a change invalidates persisted indexes. 4: the articles of
 * a page imported one file per article read their heading by position (kicker, headline,
 * subheadline) and keep their lines as paragraphs (given-articles.ts, reflow isParagraphPerLine).
 * 5: a bracketed note alone on its line (（下转2版）, （未完待续）) is article text, not a byline.
 */
export const SEGMENTER_VERSION = 5

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
      ...(a.byline ? { byline: a.byline } : {}),
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

/** Builds the in-memory index as one segment, under `options` (INDEX_OPTIONS). `onProgress` gets 0..1. */
export function buildSearchIndex(
  issues: IssueRow[],
  inputs: readonly DocInput[],
  onProgress?: (fraction: number) => void,
  options: BuildOptions = INDEX_OPTIONS,
): SearchIndex {
  return composeIndex([{ seg: buildSegment(issues, inputs, onProgress, options) }])
}

/** One segment of `inputs` (their `issue` numbers count among `issues`): a shard's, or the whole build's. */
export function buildSegment(
  issues: IssueRow[],
  inputs: readonly DocInput[],
  onProgress?: (fraction: number) => void,
  options: BuildOptions = INDEX_OPTIONS,
): IndexSegment {
  checkFields(options.fields)
  const rows = inputs.map((input, d) => {
    if (onProgress && d % 2000 === 0) onProgress((0.3 * d) / Math.max(1, inputs.length))
    return rowOf(input, options.fields)
  })
  const seg = assembleSegment(
    issues,
    rows,
    options.grams,
    onProgress && ((f) => onProgress(0.3 + 0.7 * f)),
  )
  return seg
}

/**
 * Adds issues as one new segment: the old segments are kept as they are (no text normalized
 * again, no postings rebuilt), only the new documents are normalized and indexed. `inputs` is
 * consumed once, in order, so a caller can stream documents (a batch import reads one page at a
 * time). Their `issue` numbers count from 0 among `issues`. The new docs come after all others.
 * `options` are the ones `old` was built with (a loaded index's are INDEX_OPTIONS: index-file
 * checks).
 */
export function extendSearchIndex(
  old: SearchIndex,
  issues: IssueRow[],
  inputs: Iterable<DocInput>,
  options: BuildOptions = INDEX_OPTIONS,
): SearchIndex {
  checkFields(options.fields)
  const rows: DocRow[] = []
  for (const input of inputs) rows.push(rowOf(input, options.fields))
  // A segment of no issue (the index of an empty archive) is left out.
  const parts: { seg: IndexSegment; deleted?: Uint8Array; file?: string }[] = old.segments
    .filter((r) => r.seg.issues.length > 0)
    .map(keptPart)
  if (issues.length) parts.push({ seg: assembleSegment(issues, rows, options.grams) })
  return composeIndex(parts)
}

function keptPart(r: SegmentRef): { seg: IndexSegment; deleted: Uint8Array; file?: string } {
  return { seg: r.seg, deleted: r.deleted, ...(r.file ? { file: r.file } : {}) }
}

/**
 * The index without the issues in `drop`: their documents are marked deleted, nothing is
 * rebuilt (a merge drops them for good). A segment left with no live issue is dropped at once.
 */
export function withoutIssues(old: SearchIndex, drop: ReadonlySet<string>): SearchIndex {
  const parts = old.segments.flatMap((r) => {
    const deleted = Uint8Array.from(r.deleted)
    r.seg.issues.forEach((row, i) => {
      if (drop.has(row.id)) deleted[i] = 1
    })
    if (deleted.every((x) => x === 1)) return []
    const changed = deleted.some((x, i) => x !== r.deleted[i])
    // A persisted segment keeps its file; only the manifest records the new deletions.
    return [{ ...keptPart(r), deleted: changed ? deleted : r.deleted }]
  })
  return composeIndex(parts)
}

/** One segment made of the live documents of `refs` (in order): the work of a merge. */
export function mergedSegment(
  refs: readonly SegmentRef[],
  grams: readonly GramSize[] = INDEX_OPTIONS.grams,
): IndexSegment {
  const issues: IssueRow[] = []
  const rows: DocRow[] = []
  for (const r of refs) {
    const renumber = new Int32Array(r.seg.issues.length).fill(-1)
    r.seg.issues.forEach((row, i) => {
      if (r.deleted[i]) return
      renumber[i] = issues.length
      issues.push(row)
    })
    for (let d = 0; d < segmentDocCount(r.seg); d++) {
      const to = renumber[r.seg.docs.issue[d] as number] as number
      if (to >= 0) rows.push(rowAt(r.seg, d, to))
    }
  }
  return assembleSegment(issues, rows, grams)
}

/** Documents in the index, deleted ones included (doc ids run up to it). */
export function docCount(index: SearchIndex): number {
  return index.docs.issue.length
}

/** The segment holding doc `d`, and d's number in it. */
export function locate(index: SearchIndex, d: number): { ref: SegmentRef; local: number } {
  const segs = index.segments
  let lo = 0
  let hi = segs.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if ((segs[mid] as SegmentRef).docBase <= d) lo = mid
    else hi = mid - 1
  }
  const ref = segs[lo] as SegmentRef
  return { ref, local: d - ref.docBase }
}

/** Normalized text of doc `d`: headline, separator, body. */
export function docText(index: SearchIndex, d: number): string {
  const { ref, local } = locate(index, d)
  return segmentDocText(ref.seg, local)
}

/** The display headline of doc `d`. */
export function headlineOf(index: SearchIndex, d: number): string {
  const { ref, local } = locate(index, d)
  return segmentHeadline(ref.seg, local)
}

/** The full title of doc `d`: kicker, headline, subheadline. */
export function titleOf(index: SearchIndex, d: number): string {
  const { ref, local } = locate(index, d)
  return segmentTitle(ref.seg, local)
}

/** The reflowed text of doc `d`, as the reader shows it. */
export function bodyOf(index: SearchIndex, d: number): string {
  const { ref, local } = locate(index, d)
  return segmentBody(ref.seg, local)
}

/** The same, with its normalized body and the map between the two (what a snippet needs). */
export function bodyMappedOf(index: SearchIndex, d: number): MappedBody {
  const { ref, local } = locate(index, d)
  return segmentBodyMapped(ref.seg, local)
}

/** The byline of doc `d` as printed ('' for none). */
export function bylineOf(index: SearchIndex, d: number): string {
  const { ref, local } = locate(index, d)
  return segmentByline(ref.seg, local)
}

/** The block type of doc `d`. */
export function typeOf(index: SearchIndex, d: number): BlockType {
  return BLOCK_TYPES[index.docs.type[d] as number] ?? 'article'
}

export function articleIdOf(index: SearchIndex, d: number): string {
  const issue = index.issues[index.docs.issue[d] as number] as IssueRow
  return `${issue.id}/p${index.docs.page[d]}/a${index.docs.article[d]}`
}

/** Normalized characters indexed, deleted documents included. */
export function textLength(index: SearchIndex): number {
  return index.segments.reduce((s, r) => s + r.seg.docs.text.length, 0)
}
