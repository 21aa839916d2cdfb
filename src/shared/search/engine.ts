// Query evaluation: plan (rarest term first), gather candidates from the n-gram index, filter by
// scope before any text is touched, verify every candidate against its text, score (BM25 over
// verified occurrences, headline matches weigh more), count facets, sort and page.
import type {
  FacetCount,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SortOrder,
} from '../types'
import { estimate, intersect, termLists } from './ngram'
import { parseQuery, positiveTerms, QuerySyntaxError } from './query'
import type { ParsedQuery } from './query'
import { articleIdOf, docCount } from './search-index'
import type { SearchIndex } from './search-index'
import { findMatches, makeSnippet } from './matches'

export const DEFAULT_LIMIT = 20
const K1 = 1.2
const B = 0.75
const HEADLINE_WEIGHT = 3

/** What the engine needs of an article to show a hit; the archive supplies it lazily. */
export interface HitSource {
  headline: string
  text: string
}
export type HitSourceProvider = (articleId: string) => HitSource | undefined

interface Match {
  doc: number
  score: number
}

/** Docs (ascending) that contain `term`, from the index plus verification. */
function docsWithTerm(index: SearchIndex, term: string, keep: (d: number) => boolean): number[] {
  const lists = termLists(index.ngram, term)
  if (!lists || lists.length === 0) return []
  let cand: ArrayLike<number> = lists[0] as Uint32Array
  // Intersect while it pays: each further list is only galloped through.
  for (let i = 1; i < lists.length && cand.length > 32; i++)
    cand = intersect(cand, lists[i] as Uint32Array)
  const exact = term.length <= 2 // a 1- or 2-character term's list is exactly its documents
  const out: number[] = []
  for (let i = 0; i < cand.length; i++) {
    const d = cand[i] as number
    if (keep(d) && (exact || contains(index, d, term))) out.push(d)
  }
  return out
}

function contains(index: SearchIndex, d: number, term: string): boolean {
  const { text, starts } = index.docs
  // Search a slice (a cheap view in V8), never the whole text from an offset: a miss would
  // otherwise scan the rest of the archive.
  return text.slice(starts[d], (starts[d + 1] as number) - 1).indexOf(term) >= 0
}

/** Occurrences of `term` in doc `d`: [in headline, in body]. */
function occurrences(index: SearchIndex, d: number, term: string): [number, number] {
  const { text, starts, headEnds } = index.docs
  const end = (starts[d + 1] as number) - 1
  const head = headEnds[d] as number
  const slice = text.slice(starts[d], end) // a cheap view in V8 (sliced string)
  const base = starts[d] as number
  let inHead = 0
  let inBody = 0
  for (let at = slice.indexOf(term); at >= 0; at = slice.indexOf(term, at + term.length)) {
    if (base + at < head) inHead++
    else inBody++
  }
  return [inHead, inBody]
}

interface Scope {
  inScope: (d: number) => boolean
  paperOk: (d: number) => boolean
  dateOk: (d: number) => boolean
}

function scopeOf(index: SearchIndex, f: SearchFilters): Scope {
  const issues = index.issues
  const { issue, page } = index.docs
  const issueIdx = f.issueId === undefined ? -1 : issues.findIndex((i) => i.id === f.issueId)
  const papers = f.papers && f.papers.length ? new Set(f.papers) : undefined
  return {
    inScope: (d) =>
      (f.issueId === undefined || issue[d] === issueIdx) &&
      (f.page === undefined || page[d] === f.page),
    paperOk: (d) => !papers || papers.has((issues[issue[d] as number] as { paper: string }).paper),
    dateOk: (d) => {
      const date = (issues[issue[d] as number] as { date: string }).date
      return (!f.dateFrom || date >= f.dateFrom) && (!f.dateTo || date <= f.dateTo)
    },
  }
}

function evaluate(index: SearchIndex, query: ParsedQuery, keep: (d: number) => boolean): Match[] {
  const n = docCount(index)
  const cost = (group: { text: string }[]): number =>
    group.reduce((s, t) => s + estimate(index.ngram, t.text), 0)
  const groups = [...query.all].sort((a, b) => cost(a) - cost(b))
  if (groups.length === 0) return []
  // The rarest group is looked up in the index; the others are checked on its candidates only.
  const first = groups[0] as { text: string }[]
  const seed = new Set<number>()
  for (const t of first) for (const d of docsWithTerm(index, t.text, keep)) seed.add(d)
  let docs = [...seed].sort((a, b) => a - b)
  for (const group of groups.slice(1)) {
    if (docs.length === 0) break
    docs = docs.filter((d) => group.some((t) => contains(index, d, t.text)))
  }
  docs = docs.filter((d) => !query.none.some((t) => contains(index, d, t.text)))

  const { starts } = index.docs
  const avgLen = (starts[n] as number) / Math.max(1, n)
  const idf = new Map<string, number>()
  for (const group of groups) {
    for (const t of group) {
      const df = first.includes(t)
        ? Math.max(1, docs.length)
        : Math.max(1, estimate(index.ngram, t.text))
      idf.set(t.text, Math.log(1 + (n - df + 0.5) / (df + 0.5)))
    }
  }
  return docs.map((doc) => {
    const len = (starts[doc + 1] as number) - (starts[doc] as number)
    const norm = K1 * (1 - B + (B * len) / avgLen)
    let score = 0
    for (const group of groups) {
      let best = 0
      for (const t of group) {
        const [head, body] = occurrences(index, doc, t.text)
        const tf = HEADLINE_WEIGHT * head + body
        if (tf > 0)
          best = Math.max(best, ((idf.get(t.text) as number) * tf * (K1 + 1)) / (tf + norm))
      }
      score += best
    }
    return { doc, score }
  })
}

/** Ids of the articles matching an already parsed query, in index order (for tests and tools). */
export function matchingArticles(
  index: SearchIndex,
  query: ParsedQuery,
  filters: SearchFilters = {},
): string[] {
  const scope = scopeOf(index, filters)
  const keep = (d: number): boolean => scope.inScope(d) && scope.paperOk(d) && scope.dateOk(d)
  return evaluate(index, query, keep)
    .map((m) => m.doc)
    .sort((a, b) => a - b)
    .map((d) => articleIdOf(index, d))
}

function facetCounts(values: Map<string, number>): FacetCount[] {
  return [...values]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

function sortMatches(index: SearchIndex, matches: Match[], sort: SortOrder): void {
  const dateOf = (d: number): string =>
    (index.issues[index.docs.issue[d] as number] as { date: string }).date
  const byDate = (a: Match, b: Match): number => dateOf(a.doc).localeCompare(dateOf(b.doc))
  if (sort === 'date-asc')
    matches.sort((a, b) => byDate(a, b) || b.score - a.score || a.doc - b.doc)
  else if (sort === 'date-desc')
    matches.sort((a, b) => byDate(b, a) || b.score - a.score || a.doc - b.doc)
  else matches.sort((a, b) => b.score - a.score || byDate(b, a) || a.doc - b.doc)
}

export function emptyResponse(q: string, error?: string): SearchResponse {
  const r: SearchResponse = {
    query: q,
    total: 0,
    tookMs: 0,
    hits: [],
    facets: { paper: [], year: [] },
  }
  if (error) r.error = error
  return r
}

/** Runs a search request against `index`; `source` supplies display text for the hits shown. */
export function search(
  index: SearchIndex,
  request: SearchRequest,
  source: HitSourceProvider,
): SearchResponse {
  const started = performance.now()
  let query: ParsedQuery
  try {
    query = parseQuery(request.q)
  } catch (e) {
    if (e instanceof QuerySyntaxError) return emptyResponse(request.q, e.message)
    throw e
  }
  if (query.all.length === 0) return emptyResponse(request.q)
  const scope = scopeOf(index, request)
  const all = evaluate(
    index,
    query,
    (d) => scope.inScope(d) && (scope.paperOk(d) || scope.dateOk(d)),
  )

  // Facets are disjunctive: each counts as if its own filter were not set.
  const papers = new Map<string, number>()
  const years = new Map<string, number>()
  const matches: Match[] = []
  for (const m of all) {
    const issue = index.issues[index.docs.issue[m.doc] as number] as { paper: string; date: string }
    const p = scope.paperOk(m.doc)
    const t = scope.dateOk(m.doc)
    if (t) papers.set(issue.paper, (papers.get(issue.paper) ?? 0) + 1)
    if (p) years.set(issue.date.slice(0, 4), (years.get(issue.date.slice(0, 4)) ?? 0) + 1)
    if (p && t) matches.push(m)
  }
  sortMatches(index, matches, request.sort ?? 'relevance')
  const offset = request.offset ?? 0
  const limit = request.limit ?? DEFAULT_LIMIT
  const terms = positiveTerms(query)
  const hits: SearchHit[] = []
  for (const m of matches.slice(offset, offset + limit)) {
    const id = articleIdOf(index, m.doc)
    const issue = index.issues[index.docs.issue[m.doc] as number] as {
      id: string
      paper: string
      date: string
    }
    const src = source(id)
    const hit: SearchHit = {
      issueId: issue.id,
      page: index.docs.page[m.doc] as number,
      articleId: id,
      headline: src?.headline ?? '',
      paper: issue.paper,
      date: issue.date,
      snippet: '',
      highlights: [],
      score: Math.round(m.score * 1000) / 1000,
    }
    if (src) Object.assign(hit, snippetFor(src, terms))
    hits.push(hit)
  }
  return {
    query: request.q,
    total: matches.length,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    hits,
    facets: { paper: facetCounts(papers), year: facetCounts(years) },
  }
}

/** The snippet comes from the body; when only the headline matched, it shows the headline. */
function snippetFor(
  src: HitSource,
  terms: string[],
): { snippet: string; highlights: SearchHit['highlights'] } {
  const body = findMatches(src.text, terms)
  if (body.length) return makeSnippet(src.text, body)
  const combined = `${src.headline} — ${src.text}`
  return makeSnippet(combined, findMatches(combined, terms))
}
