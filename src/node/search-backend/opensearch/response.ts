// An OpenSearch answer → the SearchResponse the embedded engine gives: hits with snippets cut by
// the project's own matcher from the stored display text (so highlights map back to what the
// reader shows, exactly as the engine's), facets counted and ordered the engine's way.
import { findMatches, makeSnippet } from '../../../shared/search/matches'
import { BLOCK_TYPES } from '../../../shared/types'
import type { BlockType, FacetCount, SearchHit, SearchResponse } from '../../../shared/types'
import type { OsHitSource } from './mapping'

interface Bucket {
  key: string
  doc_count: number
}

export interface OsSearchAnswer {
  hits: {
    total?: { value: number; relation?: string }
    hits: { _score?: number | null; _source: OsHitSource }[]
  }
  aggregations?: Record<string, { v: { buckets: Bucket[] } }>
}

function facet(answer: OsSearchAnswer, name: string): FacetCount[] {
  return (answer.aggregations?.[name]?.v.buckets ?? [])
    .filter((b) => b.doc_count > 0)
    .map((b) => ({ value: b.key, count: b.doc_count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** The engine's snippet: from the body; when only the headline matched, from the title. */
export function snippetOf(
  display: OsHitSource['display'],
  terms: readonly string[],
): { snippet: string; highlights: SearchHit['highlights'] } {
  const body = findMatches(display.body, terms)
  if (body.length) return makeSnippet(display.body, body)
  const combined = `${display.title || display.headline} — ${display.body}`
  return makeSnippet(combined, findMatches(combined, terms))
}

function blockType(t: string): BlockType {
  return (BLOCK_TYPES as readonly string[]).includes(t) ? (t as BlockType) : 'article'
}

export function toSearchResponse(
  q: string,
  answer: OsSearchAnswer,
  terms: readonly string[],
  tookMs: number,
): SearchResponse {
  const hits: SearchHit[] = answer.hits.hits.map((h) => {
    const s = h._source
    return {
      issueId: s.issue,
      page: s.page,
      articleId: s.id,
      headline: s.display.headline,
      type: blockType(s.type),
      paper: s.paper,
      date: s.date,
      ...snippetOf(s.display, terms),
      score: Math.round((h._score ?? 0) * 1000) / 1000,
    }
  })
  return {
    query: q,
    total: answer.hits.total?.value ?? hits.length,
    tookMs: Math.round(tookMs * 100) / 100,
    hits,
    facets: {
      paper: facet(answer, 'paper'),
      year: facet(answer, 'year'),
      month: facet(answer, 'month'),
      type: facet(answer, 'type'),
    },
  }
}
