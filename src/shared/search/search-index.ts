// The searchable form of an archive: one normalized text per article, concatenated, with the
// article's coordinates in flat columns and the n-gram index over it. It is self-contained, so
// that a persisted copy answers queries without reading or segmenting any page.
import { normalize, NORMALIZER_VERSION } from '../text/normalize'
import { buildNgramIndex, DOC_SEPARATOR } from './ngram'
import type { NgramIndexData } from './ngram'

/** Version of the article segmentation; a change invalidates persisted indexes. */
export const SEGMENTER_VERSION = 1

/**
 * The one set of options the index is built and loaded with. It is stored in the index file
 * and compared on load: an index built under other rules is rebuilt, never misread.
 */
export const INDEX_OPTIONS = {
  normalizer: NORMALIZER_VERSION,
  segmenter: SEGMENTER_VERSION,
  grams: [1, 2],
  fields: ['headline', 'text'],
} as const

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
}

export interface SearchIndex {
  issues: IssueRow[]
  docs: DocColumns
  ngram: NgramIndexData
}

export interface DocInput {
  issue: number
  page: number
  article: number
  headline: string
  text: string
}

export function docCount(index: SearchIndex): number {
  return index.docs.issue.length
}

/** Builds the in-memory index. `onProgress` gets 0..1. */
export function buildSearchIndex(
  issues: IssueRow[],
  inputs: readonly DocInput[],
  onProgress?: (fraction: number) => void,
): SearchIndex {
  const n = inputs.length
  const normalized: string[] = new Array(n)
  const starts = new Uint32Array(n + 1)
  const headEnds = new Uint32Array(n)
  const issue = new Uint32Array(n)
  const page = new Uint16Array(n)
  const article = new Uint16Array(n)
  let offset = 0
  for (let d = 0; d < n; d++) {
    const input = inputs[d] as DocInput
    const head = normalize(input.headline)
    const doc = head + DOC_SEPARATOR + normalize(input.text)
    normalized[d] = doc
    starts[d] = offset
    headEnds[d] = offset + head.length
    offset += doc.length + 1
    issue[d] = input.issue
    page[d] = input.page
    article[d] = input.article
    if (onProgress && d % 2000 === 0) onProgress((0.5 * d) / Math.max(1, n))
  }
  starts[n] = offset
  const ngram = buildNgramIndex(normalized)
  onProgress?.(1)
  const text = normalized.join(DOC_SEPARATOR) + DOC_SEPARATOR
  return { issues, docs: { text, starts, headEnds, issue, page, article }, ngram }
}

/** Normalized text of doc `d`: headline, separator, body. */
export function docText(index: SearchIndex, d: number): string {
  return index.docs.text.slice(index.docs.starts[d], (index.docs.starts[d + 1] as number) - 1)
}

export function articleIdOf(index: SearchIndex, d: number): string {
  const issue = index.issues[index.docs.issue[d] as number] as IssueRow
  return `${issue.id}/p${index.docs.page[d]}/a${index.docs.article[d]}`
}

/**
 * Adds issues to an existing index without touching the old articles' text again: only the new
 * documents are normalized; the n-gram lists are rebuilt over the combined normalized text (one
 * fast pass) because character ids are shared across the whole index.
 */
export function extendSearchIndex(
  old: SearchIndex,
  issues: IssueRow[],
  inputs: readonly DocInput[],
): SearchIndex {
  const n0 = docCount(old)
  const base = old.issues.length
  const docs: string[] = []
  for (let d = 0; d < n0; d++) docs.push(docText(old, d))
  const n = n0 + inputs.length
  const starts = new Uint32Array(n + 1)
  const headEnds = new Uint32Array(n)
  const issue = new Uint32Array(n)
  const page = new Uint16Array(n)
  const article = new Uint16Array(n)
  starts.set(old.docs.starts.subarray(0, n0))
  headEnds.set(old.docs.headEnds)
  issue.set(old.docs.issue)
  page.set(old.docs.page)
  article.set(old.docs.article)
  let offset = old.docs.starts[n0] as number
  inputs.forEach((input, i) => {
    const d = n0 + i
    const head = normalize(input.headline)
    const doc = head + DOC_SEPARATOR + normalize(input.text)
    docs.push(doc)
    starts[d] = offset
    headEnds[d] = offset + head.length
    offset += doc.length + 1
    issue[d] = base + input.issue
    page[d] = input.page
    article[d] = input.article
  })
  starts[n] = offset
  return {
    issues: [...old.issues, ...issues],
    docs: {
      text: docs.join(DOC_SEPARATOR) + DOC_SEPARATOR,
      starts,
      headEnds,
      issue,
      page,
      article,
    },
    ngram: buildNgramIndex(docs),
  }
}
