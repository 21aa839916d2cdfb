// The OpenSearch index of an archive: versioned settings and mapping, and what one document
// holds. The archive's own normalization (NFKC, case, traditional → simplified, whitespace next
// to CJK removed) is applied before indexing, so answers depend on no cluster plugin's idea of
// Chinese: the cluster only ever sees the same normalized text the embedded engine searches.
//
// Exact substring semantics: `text` is analyzed into one token per character with positions
// (the ngram tokenizer with min = max = 1; the standard tokenizer does that for Han characters
// only, and would make Latin words and digits whole tokens, so "abc" would not find "xabcx" as
// the embedded engine does). A query term is then a match_phrase of its characters: it matches
// exactly the documents whose normalized text contains it. `text.cjk` (the standard tokenizer +
// cjk_bigram with unigrams) is only for ranking: bigrams give a Chinese query word-like BM25.
import { NORMALIZER_VERSION } from '../../../shared/text/normalize'
import { SEGMENTER_VERSION } from '../../../shared/search/search-index'

/**
 * Version of everything below and of the document layout. An index built under another version
 * is refused by the reading room with a message (rebuild it with `index --to-opensearch`).
 */
export const MAPPING_VERSION = 2

/** Recorded in the index's mapping `_meta`, checked before an index is searched. */
export interface IndexMeta {
  mappingVersion: number
  normalizer: number
  segmenter: number
  /** The archive state it was built from (catalog + page sizes + rules: archiveKey). */
  archiveKey: string
  /** Documents that are parts of a story continued across pages (0: no story queries). */
  storyParts: number
  articles: number
  issues: number
  builtAt: string
  /** The archive's papers, so that `paper:江北报` names a paper by its name as the engine does. */
  papers: { slug: string; name: string }[]
}

export const META_KEY = 'archiveReader'

export const DEFAULT_INDEX_PREFIX = 'archive-reader-'

/** The alias the reading room searches; the concrete indexes behind it are versioned. */
export function aliasName(prefix: string): string {
  return `${prefix}articles`
}

/** A fresh concrete index name for a build (the alias is swapped to it when it is complete). */
export function buildIndexName(prefix: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)
  return `${aliasName(prefix)}-v${MAPPING_VERSION}-${stamp}`
}

/** What a prefix may be: OpenSearch index names are lowercase and avoid a few characters. */
export function checkPrefix(prefix: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9_.-]{0,60}$/.test(prefix))
    return `--index-prefix must be lowercase letters, digits, '-', '_' or '.', starting with a letter or digit (got "${prefix.slice(0, 80)}")`
  return undefined
}

/**
 * `from` + `size` may reach the contract's largest offset + limit. Deep pages cost the cluster
 * memory per request, as they cost the embedded engine a bigger heap; readers rarely go there.
 */
const MAX_RESULT_WINDOW = 1_001_000

export function indexSettings(replicas: number): Record<string, unknown> {
  return {
    number_of_shards: 1,
    number_of_replicas: replicas,
    max_result_window: MAX_RESULT_WINDOW,
    // Bulk indexing runs without refreshes; the indexer sets 1s after the last batch.
    refresh_interval: '-1',
    analysis: {
      tokenizer: { ar_char: { type: 'ngram', min_gram: 1, max_gram: 1 } },
      filter: { ar_bigram: { type: 'cjk_bigram', output_unigrams: true } },
      analyzer: {
        ar_chars: { type: 'custom', tokenizer: 'ar_char' },
        ar_cjk: { type: 'custom', tokenizer: 'standard', filter: ['ar_bigram'] },
      },
    },
  }
}

export function indexMappings(meta: IndexMeta): Record<string, unknown> {
  const chars = { type: 'text', analyzer: 'ar_chars', index_options: 'positions' }
  return {
    dynamic: 'strict',
    _meta: { [META_KEY]: meta },
    properties: {
      id: { type: 'keyword' },
      /** Position in the embedded engine's document order (ties are broken by it). */
      ord: { type: 'integer' },
      issue: { type: 'keyword' },
      /** The issue's rank by date (issues of one date in catalog order): date sorts. */
      issue_rank: { type: 'integer' },
      paper: { type: 'keyword' },
      date: { type: 'keyword' },
      year: { type: 'keyword' },
      month: { type: 'keyword' },
      page: { type: 'integer' },
      type: { type: 'keyword' },
      /** True for every part of a story continued across pages (judged as a whole). */
      part: { type: 'boolean' },
      /** Normalized headline field, separator, normalized body (the embedded engine's doc). */
      text: { ...chars, fields: { cjk: { type: 'text', analyzer: 'ar_cjk' } } },
      /** Normalized headline field alone: headline occurrences rank higher; `headline:` terms. */
      head: chars,
      /** Normalized byline ('' for none): `byline:` terms. */
      byline: chars,
      /** For story parts: every part's text, in order, joined by the separator. */
      story_text: chars,
      /** For story parts: every part's head, and every part's byline, likewise. */
      story_head: chars,
      story_byline: chars,
      /** What a hit shows (headline, title, reflowed body): kept, not indexed. */
      display: { type: 'object', enabled: false },
    },
  }
}

/** One article as indexed. */
export interface OsDocument {
  id: string
  ord: number
  issue: string
  issue_rank: number
  paper: string
  date: string
  year: string
  /** YYYY-MM, for the month facet. */
  month: string
  page: number
  type: string
  part: boolean
  text: string
  head: string
  byline: string
  story_text?: string
  story_head?: string
  story_byline?: string
  display: { headline: string; title: string; body: string }
}

/** What the reading room reads back of a hit. */
export type OsHitSource = Pick<
  OsDocument,
  'id' | 'issue' | 'paper' | 'date' | 'page' | 'type' | 'display'
>

export function expectedMeta(): Pick<IndexMeta, 'mappingVersion' | 'normalizer' | 'segmenter'> {
  return {
    mappingVersion: MAPPING_VERSION,
    normalizer: NORMALIZER_VERSION,
    segmenter: SEGMENTER_VERSION,
  }
}

/** Why an index's meta cannot be searched by this reader, or undefined when it can. */
export function metaProblem(index: string, meta: unknown): string | undefined {
  const m = meta as Partial<IndexMeta> | undefined
  const want = expectedMeta()
  if (!m || typeof m.mappingVersion !== 'number')
    return `the OpenSearch index "${index}" was not built by archive-reader (no ${META_KEY} meta); rebuild it with \`archive-reader index --to-opensearch URL\``
  for (const k of ['mappingVersion', 'normalizer', 'segmenter'] as const) {
    if (m[k] !== want[k])
      return `the OpenSearch index "${index}" was built with ${k} ${m[k]}, this reader needs ${want[k]}; rebuild it with \`archive-reader index --to-opensearch URL\``
  }
  return undefined
}
