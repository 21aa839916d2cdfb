// A search request in the archive's syntax → OpenSearch query DSL, with the same meaning as the
// embedded engine (src/shared/search/engine.ts + evaluate.ts):
// - every group (words, "phrases", a OR b) must occur, no -exclusion may; a term occurs when it
//   is a substring of the normalized text: match_phrase on the one-token-per-character field;
// - a story continued across pages is judged as a whole (its parts' texts in `story_text`), and
//   a part is a hit when it has one of the positive terms itself;
// - paper and date filters and the type filter are post filters, so each facet is counted as if
//   its own filter were not set (disjunctive facets), as the engine counts them;
// - issue and page narrow the hits (and the facets) like the engine's scope, and so do the
//   query's own `paper:` and `type:` terms (query-scope.ts);
// - `headline:` and `byline:` terms are phrases on the head and byline fields (story parts: on
//   every part's, joined), as the engine verifies them against the title and the byline.
// Ranking differs: Lucene's BM25 over text.cjk (bigrams + characters) plus headline phrases,
// against the engine's BM25 over verified occurrences. Ties and date sorts use the same keys.
import type { QueryTerm, ParsedQuery } from '../../../shared/search/query'
import { positiveTerms } from '../../../shared/search/query'
import { papersNamed } from '../../../shared/search/query-scope'
import type { PaperName } from '../../../shared/search/query-scope'
import { BLOCK_TYPES } from '../../../shared/types'
import type { SearchRequest, SortOrder } from '../../../shared/types'

type Dsl = Record<string, unknown>

function phrase(field: string, term: QueryTerm | string, boost?: number): Dsl {
  const query = typeof term === 'string' ? term : term.text
  return { match_phrase: { [field]: boost ? { query, boost } : { query } } }
}

function anyOf(clauses: Dsl[]): Dsl {
  return clauses.length === 1
    ? (clauses[0] as Dsl)
    : { bool: { should: clauses, minimum_should_match: 1 } }
}

/** The field a term is looked for in: an article's own, or (`story`) its whole story's. */
function fieldOf(term: QueryTerm, story: boolean): string {
  const own = term.field === 'headline' ? 'head' : (term.field ?? 'text')
  return story ? `story_${own}` : own
}

/** The boolean query on an article's fields or its story's: every group, no exclusion. */
function booleanOn(story: boolean, query: ParsedQuery): { filter: Dsl[]; must_not: Dsl[] } {
  return {
    filter: query.all.map((group) => anyOf(group.map((t) => phrase(fieldOf(t, story), t)))),
    must_not: query.none.map((t) => phrase(fieldOf(t, story), t)),
  }
}

/** Which documents match the query (no filters): single articles, and story parts. */
export function matchQuery(query: ParsedQuery, hasStories: boolean): Dsl {
  const single = booleanOn(false, query)
  if (!hasStories) return { bool: single }
  const whole = booleanOn(true, query)
  // A part is a hit when it has one of the positive terms itself (in the term's field).
  const own = anyOf(query.all.flat().map((t) => phrase(fieldOf(t, false), t)))
  return {
    bool: {
      should: [
        {
          bool: {
            filter: [{ term: { part: false } }, ...single.filter],
            must_not: single.must_not,
          },
        },
        {
          bool: {
            filter: [{ term: { part: true } }, own, ...whole.filter],
            must_not: whole.must_not,
          },
        },
      ],
      minimum_should_match: 1,
    },
  }
}

/** Scoring only (never decides a hit): word-like BM25 on bigrams, and headline occurrences. */
function rankingClauses(query: ParsedQuery): Dsl[] {
  const terms = positiveTerms(query)
  return [
    { match: { 'text.cjk': { query: terms.join(' ') } } },
    ...terms.map((t) => phrase('head', t, 2)),
  ]
}

interface Filters {
  paper?: Dsl
  date?: Dsl
  type?: Dsl
}

function requestFilters(r: SearchRequest): Filters {
  const f: Filters = {}
  if (r.papers && r.papers.length) f.paper = { terms: { paper: r.papers } }
  if (r.dateFrom || r.dateTo) {
    f.date = {
      range: {
        date: {
          ...(r.dateFrom ? { gte: r.dateFrom } : {}),
          ...(r.dateTo ? { lte: r.dateTo } : {}),
        },
      },
    }
  }
  if (r.types && r.types.length) f.type = { terms: { type: r.types } }
  return f
}

function all(clauses: (Dsl | undefined)[]): Dsl {
  const present = clauses.filter((c): c is Dsl => c !== undefined)
  return present.length ? { bool: { filter: present } } : { match_all: {} }
}

function sortFor(sort: SortOrder): Dsl[] {
  const ord = { ord: 'asc' }
  if (sort === 'date-asc') return [{ issue_rank: 'asc' }, { _score: 'desc' }, ord]
  if (sort === 'date-desc') return [{ issue_rank: 'desc' }, { _score: 'desc' }, ord]
  return [{ _score: 'desc' }, { issue_rank: 'desc' }, ord]
}

/** Facet sizes: every paper and year there can be, and every block type. */
export const FACET_SIZE = 10_000

export interface TranslateOptions {
  hasStories: boolean
  offset: number
  limit: number
  /** The archive's papers (the index's meta), for `paper:` values that are names. */
  papers?: readonly PaperName[]
}

/**
 * The query's own filters (`paper:` by slug or name, `type:`, and their exclusions): they narrow
 * every count like words of the query do, facets included (query-scope.ts withQueryScope).
 */
function queryScope(query: ParsedQuery, papers: readonly PaperName[]): Dsl[] {
  // A value that names no paper of the meta is taken as a slug: it matches only documents of
  // that paper, as the engine (which also knows its issues' slugs) matches.
  const slugs = (values: string[]): string[] => [
    ...new Set(
      values.flatMap((v) => {
        const named = papersNamed(v, papers)
        return named.length ? named : [v]
      }),
    ),
  ]
  const out: Dsl[] = []
  if (query.papers?.length) out.push({ terms: { paper: slugs(query.papers) } })
  if (query.notPapers?.length)
    out.push({ bool: { must_not: [{ terms: { paper: slugs(query.notPapers) } }] } })
  if (query.types?.length) out.push({ terms: { type: query.types } })
  if (query.notTypes?.length)
    out.push({ bool: { must_not: [{ terms: { type: query.notTypes } }] } })
  return out
}

/** The search body: the page of hits, the total under every filter, and the three facets. */
export function searchBody(request: SearchRequest, query: ParsedQuery, o: TranslateOptions): Dsl {
  const f = requestFilters(request)
  // Like the engine, evaluate over issues passing the paper or the date filter (each facet
  // ignores its own) and over every type; the post filter then narrows the hits to all three.
  const scope: Dsl[] = []
  if (request.issueId !== undefined) scope.push({ term: { issue: request.issueId } })
  if (request.page !== undefined && request.page !== 0) scope.push({ term: { page: request.page } })
  if (f.paper && f.date)
    scope.push({ bool: { should: [f.paper, f.date], minimum_should_match: 1 } })
  scope.push(...queryScope(query, o.papers ?? []))
  const postFilter = all([f.paper, f.date, f.type])
  return {
    from: o.offset,
    size: o.limit,
    track_total_hits: true,
    _source: ['id', 'issue', 'paper', 'date', 'page', 'type', 'display'],
    query: {
      bool: {
        filter: [matchQuery(query, o.hasStories), ...scope],
        should: rankingClauses(query),
      },
    },
    post_filter: postFilter,
    sort: sortFor(request.sort ?? 'relevance'),
    aggs: {
      paper: {
        filter: all([f.date, f.type]),
        aggs: { v: { terms: { field: 'paper', size: FACET_SIZE } } },
      },
      year: {
        filter: all([f.paper, f.type]),
        aggs: { v: { terms: { field: 'year', size: FACET_SIZE } } },
      },
      month: {
        filter: all([f.paper, f.type]),
        aggs: { v: { terms: { field: 'month', size: FACET_SIZE } } },
      },
      type: {
        filter: all([f.paper, f.date]),
        aggs: { v: { terms: { field: 'type', size: BLOCK_TYPES.length } } },
      },
    },
  }
}

/**
 * Every matching document's id in the engine's order, a page at a time (search_after on ord):
 * what the parity test compares whole hit sets with.
 */
export function idsBody(
  request: SearchRequest,
  query: ParsedQuery,
  hasStories: boolean,
  after: number | undefined,
  size: number,
  papers: readonly PaperName[] = [],
): Dsl {
  const body = searchBody(request, query, { hasStories, offset: 0, limit: size, papers })
  delete body.aggs
  return {
    ...body,
    track_total_hits: false,
    _source: ['id'],
    sort: [{ ord: 'asc' }],
    ...(after !== undefined ? { search_after: [after] } : {}),
  }
}
