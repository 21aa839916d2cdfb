// A tiny interpreter of the query DSL subset translate.ts emits (bool filter/should/must_not,
// match_phrase on a one-token-per-character field = substring, term, terms, range, match_all),
// so the translation's meaning can be checked against the embedded engine without a cluster.
// It mirrors Lucene's semantics for these queries; the real cluster is tests/opensearch/.
import type { OsDocument } from '../../src/node/search-backend/opensearch/mapping'

type Dsl = Record<string, unknown>

function field(doc: OsDocument, name: string): unknown {
  return (doc as unknown as Record<string, unknown>)[name]
}

export function matches(doc: OsDocument, q: Dsl): boolean {
  const [kind, arg] = Object.entries(q)[0] as [string, Record<string, unknown>]
  switch (kind) {
    case 'match_all':
      return true
    case 'match_phrase': {
      const [f, v] = Object.entries(arg)[0] as [string, { query: string }]
      const text = field(doc, f)
      return typeof text === 'string' && text.includes(v.query)
    }
    case 'match':
      return true // scoring only (should clauses), never decides a hit here
    case 'term': {
      const [f, v] = Object.entries(arg)[0] as [string, unknown]
      return field(doc, f) === v
    }
    case 'terms': {
      const [f, v] = Object.entries(arg)[0] as [string, unknown[]]
      return v.includes(field(doc, f))
    }
    case 'range': {
      const [f, v] = Object.entries(arg)[0] as [string, { gte?: string; lte?: string }]
      const x = field(doc, f) as string
      return (v.gte === undefined || x >= v.gte) && (v.lte === undefined || x <= v.lte)
    }
    case 'bool': {
      const b = arg as {
        filter?: Dsl[]
        must?: Dsl[]
        should?: Dsl[]
        must_not?: Dsl[]
        minimum_should_match?: number
      }
      if (!(b.filter ?? []).every((c) => matches(doc, c))) return false
      if (!(b.must ?? []).every((c) => matches(doc, c))) return false
      if ((b.must_not ?? []).some((c) => matches(doc, c))) return false
      const should = b.should ?? []
      // Lucene: with a filter or must, should is optional unless minimum_should_match says.
      const min = b.minimum_should_match ?? (b.filter || b.must ? 0 : should.length ? 1 : 0)
      return should.filter((c) => matches(doc, c)).length >= min
    }
    default:
      throw new Error(`the interpreter does not know ${kind}`)
  }
}

interface Bucket {
  key: string
  doc_count: number
}

/** What the cluster answers to searchBody (hits in ord order: ranking is the cluster's). */
export function evaluateBody(
  docs: OsDocument[],
  body: Dsl,
): {
  total: number
  ids: string[]
  aggregations: Record<string, { v: { buckets: Bucket[] } }>
} {
  const query = body.query as Dsl
  const post = body.post_filter as Dsl
  const matched = docs.filter((d) => matches(d, query))
  const shown = matched.filter((d) => matches(d, post))
  const aggregations: Record<string, { v: { buckets: Bucket[] } }> = {}
  for (const [name, agg] of Object.entries(
    (body.aggs ?? {}) as Record<string, { filter: Dsl; aggs: { v: { terms: { field: string } } } }>,
  )) {
    const counts = new Map<string, number>()
    for (const d of matched) {
      if (!matches(d, agg.filter)) continue
      const key = String(field(d, agg.aggs.v.terms.field))
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    aggregations[name] = {
      v: { buckets: [...counts].map(([key, doc_count]) => ({ key, doc_count })) },
    }
  }
  return { total: shown.length, ids: shown.map((d) => d.id), aggregations }
}
