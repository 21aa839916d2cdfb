// A query's own filters (`paper:` and `type:` terms, query.ts) applied to a DocFilter: they
// narrow every part of the answer — hits, totals and facets — as if they were words of the
// query, while the request's filters stay disjunctive for the facets (engine.ts).
import { normalize } from '../text/normalize'
import { BLOCK_TYPES } from '../types'
import type { ParsedQuery } from './query'
import type { SearchIndex } from './compose-index'
import type { DocFilter } from './term-hits'

/** A paper as `paper:` may name it: by slug or by name. */
export interface PaperName {
  slug: string
  name: string
}

/**
 * The slugs a `paper:` value (normalized) names: a slug or a name equal to it, or else the
 * papers whose name starts with it (`paper:江北` = 江北报).
 */
export function papersNamed(value: string, papers: readonly PaperName[]): string[] {
  const exact = papers.filter((p) => normalize(p.slug) === value || normalize(p.name) === value)
  if (exact.length) return exact.map((p) => p.slug)
  return papers.filter((p) => normalize(p.name).startsWith(value)).map((p) => p.slug)
}

/** Whether the query has filters of its own. */
export function hasQueryScope(q: ParsedQuery): boolean {
  return !!(q.papers?.length || q.notPapers?.length || q.types?.length || q.notTypes?.length)
}

/**
 * `filter` narrowed by the query's `paper:` and `type:` terms (a new filter; `filter` is kept).
 * `papers` are the archive's papers for names; without them only slugs are known.
 */
export function withQueryScope(
  index: SearchIndex,
  query: ParsedQuery,
  filter: DocFilter,
  papers: readonly PaperName[] = [],
): DocFilter {
  if (!hasQueryScope(query)) return filter
  const known: PaperName[] = [...papers]
  for (const row of index.issues)
    if (!known.some((p) => p.slug === row.paper)) known.push({ slug: row.paper, name: row.paper })
  const slugs = (values: string[] | undefined): Set<string> | undefined =>
    values?.length ? new Set(values.flatMap((v) => papersNamed(v, known))) : undefined
  const want = slugs(query.papers)
  const drop = slugs(query.notPapers)
  const issueOk = Uint8Array.from(filter.issueOk)
  index.issues.forEach((row, i) => {
    if ((want && !want.has(row.paper)) || drop?.has(row.paper)) issueOk[i] = 0
  })
  const typeOk = Uint8Array.from(filter.typeOk)
  if (query.types?.length)
    BLOCK_TYPES.forEach((t, i) => {
      if (!query.types?.includes(t)) typeOk[i] = 0
    })
  for (const t of query.notTypes ?? []) typeOk[BLOCK_TYPES.indexOf(t)] = 0
  return { ...filter, issueOk, typeOk }
}
