// The field index: a MiniSearch index over the archive's vocabulary (vocabulary.ts) — one
// MiniSearch document per term and kind, its coded term (term-code.ts) the only field — giving
// prefix completion and fuzzy lookup of archive terms. Article bodies stay in the n-gram index;
// this one is small (tens of thousands of short terms), so it is built and loaded in a moment.
import MiniSearch from 'minisearch'
import type { Options, SearchResult } from 'minisearch'
import { normalize } from '../../text/normalize'
import type { Suggestion, SuggestionKind } from '../../types'
import { editDistance, encodeTerm } from './term-code'
import { KINDS } from './vocabulary'
import type { VocabularyEntry } from './vocabulary'

interface FieldDoc {
  id: number
  term: string
}

/** Each coded term is one token: the vocabulary is already made of whole, normalized terms. */
const wholeTerm = (s: string): string[] => [s]
const asIs = (t: string): string => t

/**
 * The one set of options the field index is built and loaded with (MiniSearch requires the
 * same options for `loadJSON` as for the build; `version` is stored and compared, so a change
 * here rebuilds persisted field indexes). Terms are coded and normalized before they reach
 * MiniSearch, so its tokenizer and term processing are the identity; nothing is stored in it
 * (the entries' text, kind and count are kept beside it, by document id).
 */
export const FIELD_INDEX_OPTIONS = {
  version: 1,
  minisearch: {
    idField: 'id',
    fields: ['term'],
    storeFields: [],
    tokenize: wholeTerm,
    processTerm: asIs,
    searchOptions: { tokenize: wholeTerm, processTerm: asIs },
  } satisfies Options<FieldDoc>,
} as const

export interface FieldIndex {
  search: MiniSearch<FieldDoc>
  entries: VocabularyEntry[]
}

export function buildFieldIndex(entries: VocabularyEntry[]): FieldIndex {
  const search = new MiniSearch<FieldDoc>(FIELD_INDEX_OPTIONS.minisearch)
  search.addAll(entries.map((e, id) => ({ id, term: encodeTerm(e.term) })))
  return { search, entries }
}

/** MiniSearch's part of a field index as JSON (entries are persisted beside it). */
export function fieldIndexJson(fi: FieldIndex): string {
  return JSON.stringify(fi.search)
}

export function loadFieldIndex(json: string, entries: VocabularyEntry[]): FieldIndex {
  return { search: MiniSearch.loadJSON<FieldDoc>(json, FIELD_INDEX_OPTIONS.minisearch), entries }
}

/** Which kinds a field name typed before a prefix asks for. */
const FIELD_KINDS: Record<string, { field: string; kinds: SuggestionKind[] }> = {
  headline: { field: 'headline', kinds: ['headline', 'phrase'] },
  title: { field: 'headline', kinds: ['headline', 'phrase'] },
  byline: { field: 'byline', kinds: ['byline'] },
  author: { field: 'byline', kinds: ['byline'] },
  paper: { field: 'paper', kinds: ['paper'] },
}

export const DEFAULT_SUGGESTIONS = 8

const quoted = (text: string): string => (/\s/.test(text) ? `"${text}"` : text)

/**
 * Completions of `prefix` (the word being typed; `byline:刘` asks for bylines only): archive
 * terms that start with it, the term itself first, then by how many articles have them.
 */
export function suggest(fi: FieldIndex, prefix: string, limit = DEFAULT_SUGGESTIONS): Suggestion[] {
  const m = /^([A-Za-z]+)[:：](.*)$/s.exec(prefix.trim())
  const asked = m ? FIELD_KINDS[(m[1] as string).toLowerCase()] : undefined
  const term = normalize(asked ? (m?.[2] as string) : prefix).replace(/^["“”＂]/, '')
  if (!term) return []
  const kinds = asked ? new Set(asked.kinds) : undefined
  const results = fi.search.search(encodeTerm(term), {
    prefix: true,
    ...(kinds ? { filter: (r: SearchResult) => kinds.has(entryOf(fi, r).kind) } : {}),
  })
  const ranked = results
    .map((r) => entryOf(fi, r))
    .sort(
      (a, b) =>
        Number(b.term === term) - Number(a.term === term) ||
        b.count - a.count ||
        a.term.length - b.term.length ||
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
    )
  const out: Suggestion[] = []
  const seen = new Set<string>()
  for (const e of ranked) {
    const query =
      e.kind === 'paper'
        ? `paper:${e.ref}`
        : asked && asked.field !== 'paper'
          ? `${asked.field}:${quoted(e.text)}`
          : quoted(e.text)
    // One line per query: 发展 as a body phrase and as a headline word is one suggestion.
    if (seen.has(query)) continue
    seen.add(query)
    out.push({ text: e.text, kind: e.kind, count: e.count, query })
    if (out.length >= limit) break
  }
  return out
}

function entryOf(fi: FieldIndex, r: SearchResult): VocabularyEntry {
  return fi.entries[r.id as number] as VocabularyEntry
}

/**
 * Archive terms one character away from `term` (one changed, dropped or added), nearest and
 * most frequent first. MiniSearch's fuzzy match counts coded symbols, two per character, so it
 * is asked for distance 2 and the answer checked by characters.
 */
export function nearbyTerms(
  fi: FieldIndex,
  term: string,
  kinds?: readonly SuggestionKind[],
): VocabularyEntry[] {
  if (term.length < 2) return []
  const results = fi.search.search(encodeTerm(term), { fuzzy: 2, maxFuzzy: 2, prefix: false })
  const out = new Map<string, VocabularyEntry>()
  for (const r of results) {
    const e = entryOf(fi, r)
    if (kinds && !kinds.includes(e.kind)) continue
    if (e.term === term || editDistance(e.term, term, 1) > 1) continue
    const had = out.get(e.term)
    if (!had || had.count < e.count) out.set(e.term, e)
  }
  return [...out.values()].sort((a, b) => b.count - a.count)
}
