// Search requests: parse the query, evaluate it (evaluate.ts), count facets, pick the page of
// hits to show, and cut their snippets.
import { BLOCK_TYPES } from '../types'
import type {
  FacetCount,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SortOrder,
} from '../types'
import { docFilter, evaluate } from './evaluate'
import type { Matches } from './evaluate'
import { MAX_QUERY_LENGTH } from '../rules'
import {
  checkQuerySize,
  parseQuery,
  positiveTerms,
  QuerySyntaxError,
  QueryTooBroadError,
} from './query'
import type { ParsedQuery } from './query'
import { articleIdOf, typeOf } from './search-index'
import type { SearchIndex } from './compose-index'
import type { IssueRow } from './segment'
import { findMatches, findMatchesIn, makeSnippet } from './matches'
import { withQueryScope } from './query-scope'
import type { PaperName } from './query-scope'

export const DEFAULT_LIMIT = 20

/** What the engine needs of an article to show a hit; the archive supplies it lazily. */
export interface HitSource {
  headline: string
  /** Kicker, headline and subheadline: what the headline field indexes. */
  title?: string
  text: string
  /**
   * `text` normalized, with normalizeMapped's map of it, when the caller has them (a body
   * rebuilt from the index: bodyMappedOf): the matches are then found without normalizing the
   * text again.
   */
  mapped?: { norm: string; map: Int32Array }
}
export type HitSourceProvider = (articleId: string, doc: number) => HitSource | undefined

/** What the engine may know of the archive beyond the index: its papers' names (`paper:江北报`). */
export interface SearchContext {
  papers?: readonly PaperName[]
}

function issueTests(
  index: SearchIndex,
  f: SearchFilters,
): { paperOk: Uint8Array; dateOk: Uint8Array } {
  const papers = f.papers && f.papers.length ? new Set(f.papers) : undefined
  const n = index.issues.length
  const paperOk = new Uint8Array(n)
  const dateOk = new Uint8Array(n)
  for (let k = 0; k < n; k++) {
    const i = index.issues[k] as IssueRow
    paperOk[k] = !papers || papers.has(i.paper) ? 1 : 0
    dateOk[k] = (!f.dateFrom || i.date >= f.dateFrom) && (!f.dateTo || i.date <= f.dateTo) ? 1 : 0
  }
  return { paperOk, dateOk }
}

/** Ids of the articles matching an already parsed query, in index order (for tests and tools). */
export function matchingArticles(
  index: SearchIndex,
  query: ParsedQuery,
  filters: SearchFilters = {},
  context: SearchContext = {},
): string[] {
  const { paperOk, dateOk } = issueTests(index, filters)
  const m = evaluate(
    index,
    query,
    withQueryScope(
      index,
      query,
      docFilter(index, filters, (i) => !!paperOk[i] && !!dateOk[i]),
      context.papers,
    ),
  )
  return Array.from(m.docs, (d) => articleIdOf(index, d))
}

function facetCounts(values: Map<string, number>): FacetCount[] {
  return [...values]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** Compares two positions of `m`: negative when the first comes first. */
type Compare = (a: number, b: number) => number

const dateRanks = new WeakMap<SearchIndex, Int32Array>()

/**
 * Each issue's rank by date, computed once per index (an index never changes; a change makes a
 * new one). Sorting the issues with localeCompare on every query cost a quarter of a warm
 * query's time on 1,558 issues; ISO dates sort by code unit as they do by locale.
 */
function dateRank(index: SearchIndex): Int32Array {
  let rank = dateRanks.get(index)
  if (!rank) {
    const order = index.issues
      .map((issue, i) => ({ date: issue.date, i }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    const r = new Int32Array(index.issues.length)
    order.forEach((o, k) => (r[o.i] = k))
    dateRanks.set(index, (rank = r))
  }
  return rank
}

function comparator(index: SearchIndex, m: Matches, sort: SortOrder): Compare {
  // Dates compared as ranks of their issues.
  const rank = dateRank(index)
  const issue = index.docs.issue
  const dateOf = (i: number): number => rank[issue[m.docs[i] as number] as number] as number
  const score = (i: number): number => m.scores[i] as number
  if (sort === 'date-asc') return (a, b) => dateOf(a) - dateOf(b) || score(b) - score(a) || a - b
  if (sort === 'date-desc') return (a, b) => dateOf(b) - dateOf(a) || score(b) - score(a) || a - b
  return (a, b) => score(b) - score(a) || dateOf(b) - dateOf(a) || a - b
}

/**
 * The first `k` of `items` in order. Sorting tens of thousands of hits to show twenty would
 * dominate a common query's time, so a bounded heap keeps only the best k.
 */
export function firstK(items: ArrayLike<number>, k: number, compare: Compare): number[] {
  if (items.length <= k * 4) return Array.from(items).sort(compare).slice(0, k)
  const heap: number[] = [] // the worst kept item on top
  const swap = (i: number, j: number): void => {
    const t = heap[i] as number
    heap[i] = heap[j] as number
    heap[j] = t
  }
  for (let x = 0; x < items.length; x++) {
    const item = items[x] as number
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1
        if (compare(heap[i] as number, heap[p] as number) <= 0) break
        swap(i, p)
        i = p
      }
    } else if (k > 0 && compare(item, heap[0] as number) < 0) {
      heap[0] = item
      for (let i = 0; ;) {
        const l = 2 * i + 1
        let top = i
        if (l < k && compare(heap[l] as number, heap[top] as number) > 0) top = l
        if (l + 1 < k && compare(heap[l + 1] as number, heap[top] as number) > 0) top = l + 1
        if (top === i) break
        swap(i, top)
        i = top
      }
    }
  }
  return heap.sort(compare)
}

export function emptyResponse(q: string, error?: string): SearchResponse {
  const r: SearchResponse = {
    query: q,
    total: 0,
    tookMs: 0,
    hits: [],
    facets: { paper: [], year: [], month: [], type: [] },
  }
  if (error) r.error = error
  return r
}

/** Runs a search request against `index`; `source` supplies display text for the hits shown. */
export function search(
  index: SearchIndex,
  request: SearchRequest,
  source: HitSourceProvider,
  context: SearchContext = {},
): SearchResponse {
  const started = performance.now()
  let query: ParsedQuery
  // Facets are disjunctive: each counts as if its own filter were not set. So evaluate over
  // issues that pass either filter, then sort the hits out per issue.
  // The type facet likewise: evaluate over every type, and count the wanted ones for the rest.
  const { paperOk, dateOk } = issueTests(index, request)
  const anyType = { ...request, types: undefined }
  let all: Matches
  let scoped: { issueOk: Uint8Array; typeOk: Uint8Array } | undefined
  try {
    // Every caller (server, app, CLI) gets the same length cap as the contract's schema.
    if (request.q.length > MAX_QUERY_LENGTH) {
      throw new QueryTooBroadError(
        `query too long: ${request.q.length} characters; at most ${MAX_QUERY_LENGTH}`,
      )
    }
    query = parseQuery(request.q)
    if (query.all.length === 0) return emptyResponse(request.q)
    checkQuerySize(query)
    const base = docFilter(index, anyType, (i) => !!paperOk[i] || !!dateOk[i])
    const filter = withQueryScope(index, query, base, context.papers)
    if (filter !== base) scoped = filter
    all = evaluate(index, query, filter)
  } catch (e) {
    if (e instanceof QuerySyntaxError || e instanceof QueryTooBroadError)
      return emptyResponse(request.q, e.message)
    throw e
  }
  const { typeOk: requestTypes } = docFilter(index, request, () => true)
  // The query's own type: terms hold for every count, the type facet included.
  const typeOk = scoped
    ? requestTypes.map((x, t) => x & (scoped.typeOk[t] as number))
    : requestTypes
  const typeCol = index.docs.type
  const perIssue = new Int32Array(index.issues.length)
  const perType = new Int32Array(typeOk.length)
  const issueOf = index.docs.issue
  // One pass over the hits (tens of thousands for a common word): the facet counts, and the
  // positions of the hits shown (those every filter lets through).
  const shownAt = new Int32Array(all.docs.length)
  let shownCount = 0
  const scopeType = scoped?.typeOk
  for (let i = 0; i < all.docs.length; i++) {
    const d = all.docs[i] as number
    const issue = issueOf[d] as number
    const t = typeCol[d] as number
    const inFilters = paperOk[issue] === 1 && dateOk[issue] === 1
    if (inFilters && (scopeType === undefined || scopeType[t] === 1)) perType[t]!++
    if (typeOk[t] === 1) {
      perIssue[issue]!++
      if (inFilters) shownAt[shownCount++] = i
    }
  }
  const papers = new Map<string, number>()
  const years = new Map<string, number>()
  // Months (YYYY-MM) count like years, under the paper filter only, so a timeline can drill
  // from a year into its months while the date filter is set to that year.
  const months = new Map<string, number>()
  let total = 0
  index.issues.forEach((issue, i) => {
    const count = perIssue[i] as number
    if (!count) return
    if (dateOk[i]) papers.set(issue.paper, (papers.get(issue.paper) ?? 0) + count)
    if (paperOk[i]) {
      const year = issue.date.slice(0, 4)
      const month = issue.date.slice(0, 7)
      years.set(year, (years.get(year) ?? 0) + count)
      months.set(month, (months.get(month) ?? 0) + count)
    }
    if (paperOk[i] && dateOk[i]) total += count
  })
  const offset = request.offset ?? 0
  const limit = request.limit ?? DEFAULT_LIMIT
  const page = firstK(
    shownAt.subarray(0, shownCount),
    offset + limit,
    comparator(index, all, request.sort ?? 'relevance'),
  ).slice(offset)
  const terms = positiveTerms(query)
  const hits: SearchHit[] = page.map((pos) => {
    const doc = all.docs[pos] as number
    const id = articleIdOf(index, doc)
    const issue = index.issues[issueOf[doc] as number] as {
      id: string
      paper: string
      date: string
    }
    const src = source(id, doc)
    const hit: SearchHit = {
      issueId: issue.id,
      page: index.docs.page[doc] as number,
      articleId: id,
      headline: src?.headline ?? '',
      type: typeOf(index, doc),
      paper: issue.paper,
      date: issue.date,
      snippet: '',
      highlights: [],
      score: Math.round((all.scores[pos] as number) * 1000) / 1000,
    }
    return src ? Object.assign(hit, snippetFor(src, terms)) : hit
  })
  return {
    query: request.q,
    total,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    hits,
    facets: {
      paper: facetCounts(papers),
      year: facetCounts(years),
      month: facetCounts(months),
      type: facetCounts(
        new Map([...perType].flatMap((n, t) => (n ? [[BLOCK_TYPES[t] as string, n]] : []))),
      ),
    },
  }
}

/** The snippet comes from the body; when only the headline matched, it shows the headline. */
function snippetFor(
  src: HitSource,
  terms: string[],
): { snippet: string; highlights: SearchHit['highlights'] } {
  // An empty normalized body of a non-empty text is one the index does not hold (its fields
  // leave the text out): found in the text itself, as before.
  const body =
    src.mapped && (src.mapped.norm.length > 0 || src.text.length === 0)
      ? findMatchesIn(src.mapped.norm, src.mapped.map, terms)
      : findMatches(src.text, terms)
  if (body.length) return makeSnippet(src.text, body)
  const combined = `${src.title ?? src.headline} — ${src.text}`
  return makeSnippet(combined, findMatches(combined, terms))
}
