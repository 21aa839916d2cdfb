// One archive over several folders: the read-only bundled archive and the user's own library
// (issues imported in the app, in userData). Each part is an `ArchiveApi` of its own with its own
// index; this class lists, routes and merges so that the renderer sees a single archive.
//
// Search is merged exactly for the requested order: every part is asked for offset+limit hits
// from the top, and the sorted lists are merged (k-way, keeping each part's own order), so the
// page of hits is the one a single index over both would give — up to relevance scores, which
// each index computes with its own document frequencies.
import type { ArchiveApi } from '../../shared/contract'
import { parseArticleId } from '../../shared/archive/issue'
import { DEFAULT_LIMIT } from '../../shared/search/engine'
import { DID_YOU_MEAN_MAX } from '../../shared/search/fields/did-you-mean'
import { DID_YOU_MEAN_MAX_HITS } from '../../shared/rules'
import type {
  Article,
  DidYouMean,
  DidYouMeanResponse,
  ArticleMatches,
  FacetCount,
  IndexStatus,
  IssueSummary,
  IssueView,
  PageSource,
  QuickOpenItem,
  QuickOpenResponse,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SortOrder,
  Suggestion,
  SuggestResponse,
} from '../../shared/types'
import { DEFAULT_SUGGESTIONS } from '../../shared/search/fields/field-index'
import { DEFAULT_QUICK_OPEN } from '../../shared/search/fields/quick-open'
import { NotFoundError } from '../archive-service'

export type PartKind = 'bundled' | 'user'

export interface ArchivePart {
  kind: PartKind
  api: ArchiveApi
}

/** Sorted as a catalog is: paper, date, id. */
function compareIssues(a: IssueSummary, b: IssueSummary): number {
  return a.paper.localeCompare(b.paper) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id)
}

/** The engine's orders, on hits: negative when `a` comes first. */
export function hitComparator(sort: SortOrder): (a: SearchHit, b: SearchHit) => number {
  const byDate = (a: SearchHit, b: SearchHit): number => a.date.localeCompare(b.date)
  if (sort === 'date-asc') return (a, b) => byDate(a, b) || b.score - a.score
  if (sort === 'date-desc') return (a, b) => byDate(b, a) || b.score - a.score
  return (a, b) => b.score - a.score || byDate(b, a)
}

/**
 * Merges lists that are each sorted by `compare`, keeping every list's own order (its archive
 * broke ties by more than a hit shows); ties between lists go to the earlier list.
 */
export function mergeSorted<T>(lists: readonly T[][], compare: (a: T, b: T) => number): T[] {
  const at = lists.map(() => 0)
  const out: T[] = []
  for (;;) {
    let best = -1
    for (let i = 0; i < lists.length; i++) {
      const head = lists[i]?.[at[i] as number]
      if (head === undefined) continue
      const current = best < 0 ? undefined : lists[best]?.[at[best] as number]
      if (current === undefined || compare(head, current) < 0) best = i
    }
    if (best < 0) return out
    out.push(lists[best]?.[at[best] as number] as T)
    at[best]!++
  }
}

/** Facets of disjoint archives: the counts of a value add up; ordered as the engine orders them. */
export function mergeFacets(lists: readonly FacetCount[][]): FacetCount[] {
  const counts = new Map<string, number>()
  for (const list of lists)
    for (const f of list) counts.set(f.value, (counts.get(f.value) ?? 0) + f.count)
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** One status for several indexes: building while any is, with the average progress. */
export function combineStatus(statuses: readonly IndexStatus[]): IndexStatus {
  if (statuses.length === 1) return { ...(statuses[0] as IndexStatus) }
  const building = statuses.filter((s) => s.state === 'building')
  const status: IndexStatus = {
    state: building.length ? 'building' : 'ready',
    articles: statuses.reduce((n, s) => n + s.articles, 0),
    issues: statuses.reduce((n, s) => n + s.issues, 0),
    progress: building.length
      ? statuses.reduce((n, s) => n + (s.state === 'ready' ? 1 : s.progress), 0) / statuses.length
      : 1,
  }
  const messages = statuses.map((s) => s.message).filter((m): m is string => !!m)
  if (messages.length) status.message = messages.join(' ')
  return status
}

export class CompositeArchive implements ArchiveApi {
  private parts: ArchivePart[]
  /** Issue id → the part that holds it; rebuilt after a part changes. */
  private owners: Promise<Map<string, ArchivePart>> | undefined
  /** Ids held by more than one part: the first part's issue is the one shown. */
  private shadowed: string[] = []

  constructor(parts: readonly ArchivePart[]) {
    this.parts = [...parts]
  }

  kinds(): PartKind[] {
    return this.parts.map((p) => p.kind)
  }

  /** Puts in (or, with undefined, takes out) the part of this kind, e.g. a reloaded library. */
  setPart(kind: PartKind, api: ArchiveApi | undefined): void {
    const others = this.parts.filter((p) => p.kind !== kind)
    const order: PartKind[] = ['bundled', 'user']
    this.parts = api ? [...others, { kind, api }] : others
    this.parts.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    this.owners = undefined
  }

  /** The part of this kind, if it is there. */
  part(kind: PartKind): ArchiveApi | undefined {
    return this.parts.find((p) => p.kind === kind)?.api
  }

  /** Issue ids found in more than one part (e.g. an app update now ships an imported issue). */
  async shadowedIds(): Promise<string[]> {
    await this.ownerMap()
    return [...this.shadowed]
  }

  /** Which kind of archive holds the issue, or undefined. */
  async ownerOf(issueId: string): Promise<PartKind | undefined> {
    return (await this.ownerMap()).get(issueId)?.kind
  }

  private ownerMap(): Promise<Map<string, ArchivePart>> {
    if (!this.owners) {
      const parts = this.parts
      const building = (async () => {
        const map = new Map<string, ArchivePart>()
        const shadowed: string[] = []
        for (const part of parts) {
          for (const issue of await part.api.listIssues()) {
            if (map.has(issue.id)) shadowed.push(issue.id)
            else map.set(issue.id, part)
          }
        }
        this.shadowed = shadowed
        return map
      })()
      this.owners = building
      // A failed listing is not kept: the next call asks again.
      building.catch(() => {
        if (this.owners === building) this.owners = undefined
      })
    }
    return this.owners
  }

  private async owner(issueId: string): Promise<ArchivePart> {
    const part = (await this.ownerMap()).get(issueId)
    if (!part) throw new NotFoundError(`no issue "${issueId}" in this archive`)
    return part
  }

  async listIssues(): Promise<IssueSummary[]> {
    const owners = await this.ownerMap()
    const lists = await Promise.all(this.parts.map((p) => p.api.listIssues()))
    const all: IssueSummary[] = []
    lists.forEach((list, i) => {
      // An id in two parts is listed once, from the part that answers for it.
      for (const issue of list) if (owners.get(issue.id) === this.parts[i]) all.push(issue)
    })
    return all.sort(compareIssues)
  }

  async getIssue(id: string): Promise<IssueView> {
    return (await this.owner(id)).api.getIssue(id)
  }

  async getPageSource(issueId: string, page: number): Promise<PageSource> {
    return (await this.owner(issueId)).api.getPageSource(issueId, page)
  }

  async getArticle(articleId: string): Promise<Article> {
    const ref = parseArticleId(articleId)
    if (!ref) throw new NotFoundError(`no article "${articleId}" in this archive`)
    return (await this.owner(ref.issueId)).api.getArticle(articleId)
  }

  async articleMatches(articleId: string, q: string): Promise<ArticleMatches> {
    const ref = parseArticleId(articleId)
    if (!ref) throw new NotFoundError(`no article "${articleId}" in this archive`)
    return (await this.owner(ref.issueId)).api.articleMatches(articleId, q)
  }

  /** The parts a search asks: inside one issue only the archive that holds it. */
  private async searchedParts(request: SearchRequest): Promise<ArchivePart[]> {
    if (!request.issueId) return this.parts
    const owner = (await this.ownerMap()).get(request.issueId)
    return owner ? [owner] : this.parts.slice(0, 1)
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now()
    const parts = await this.searchedParts(request)
    if (parts.length === 1) return (parts[0] as ArchivePart).api.search(request)
    const offset = request.offset ?? 0
    const limit = request.limit ?? DEFAULT_LIMIT
    const top = { ...request, offset: 0, limit: offset + limit }
    const answers = await Promise.all(parts.map((p) => p.api.search(top)))
    // A query that cannot be understood is refused the same way by every part.
    const refused = answers.find((a) => a.error !== undefined)
    if (refused) return { ...refused, query: request.q }
    const hits = mergeSorted(
      answers.map((a) => a.hits),
      hitComparator(request.sort ?? 'relevance'),
    ).slice(offset, offset + limit)
    const total = answers.reduce((n, a) => n + a.total, 0)
    return {
      query: request.q,
      total,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      hits,
      facets: {
        paper: mergeFacets(answers.map((a) => a.facets.paper)),
        year: mergeFacets(answers.map((a) => a.facets.year)),
        month: mergeFacets(answers.map((a) => a.facets.month)),
        type: mergeFacets(answers.map((a) => a.facets.type)),
      },
    }
  }

  /** Every part's nearby queries, their hits added up (mergeDidYouMean). */
  async didYouMean(request: SearchRequest): Promise<DidYouMeanResponse> {
    const parts = await this.searchedParts(request)
    const answers = await Promise.all(parts.map((p) => p.api.didYouMean(request)))
    if (answers.length === 1) return answers[0] as DidYouMeanResponse
    return mergeDidYouMean(request.q, answers)
  }

  /** Every part's suggestions; a term two parts have counts the articles of both. */
  async suggest(prefix: string, limit?: number): Promise<SuggestResponse> {
    const answers = await Promise.all(this.parts.map((p) => p.api.suggest(prefix, limit)))
    if (answers.length === 1) return answers[0] as SuggestResponse
    return { prefix, suggestions: mergeSuggestions(answers, limit ?? DEFAULT_SUGGESTIONS) }
  }

  /** Every part's places, best first; the search for the text counts the hits of both. */
  async quickOpen(text: string, limit?: number): Promise<QuickOpenResponse> {
    const answers = await Promise.all(this.parts.map((p) => p.api.quickOpen(text, limit)))
    if (answers.length === 1) return answers[0] as QuickOpenResponse
    const all = answers.flatMap((a) => a.items)
    const places = all.filter((i) => i.kind !== 'search').sort((a, b) => b.score - a.score)
    const searches = all.filter((i): i is QuickOpenItem & { kind: 'search' } => i.kind === 'search')
    const n = limit ?? DEFAULT_QUICK_OPEN
    const items: QuickOpenItem[] = places.slice(0, searches.length ? n - 1 : n)
    const first = searches[0]
    if (first) {
      const total = searches.reduce((s, i) => s + i.total, 0)
      items.push({ ...first, total, detail: String(total) })
    }
    const date = answers.find((a) => a.date)?.date
    return { text, ...(date ? { date } : {}), items }
  }

  async indexStatus(): Promise<IndexStatus> {
    return combineStatus(await Promise.all(this.parts.map((p) => p.api.indexStatus())))
  }
}

/** Suggestions of several archives: counts of one term and kind add up; the most frequent first. */
export function mergeSuggestions(answers: readonly SuggestResponse[], limit: number): Suggestion[] {
  const merged = new Map<string, Suggestion>()
  for (const a of answers)
    for (const s of a.suggestions) {
      const key = `${s.kind}\u0001${s.query}`
      const had = merged.get(key)
      merged.set(key, had ? { ...had, count: had.count + s.count } : { ...s })
    }
  return [...merged.values()].sort((a, b) => b.count - a.count).slice(0, limit)
}

/**
 * "Did you mean" of several archives' answers to one query: the same nearby query's hits add up
 * (a part that found nothing near counts 0 for it), offered while the merged total is small.
 */
export function mergeDidYouMean(
  query: string,
  answers: readonly DidYouMeanResponse[],
): DidYouMeanResponse {
  const total = answers.reduce((n, a) => n + a.total, 0)
  const checked = answers.reduce((n, a) => n + a.checked, 0)
  if (total > DID_YOU_MEAN_MAX_HITS) return { query, total, offers: [], checked }
  const merged = new Map<string, DidYouMean>()
  for (const a of answers)
    for (const d of a.offers) {
      const had = merged.get(d.q)
      merged.set(d.q, had ? { ...had, total: had.total + d.total } : { ...d })
    }
  const offers = [...merged.values()]
    .filter((d) => d.total > total)
    .sort((a, b) => b.total - a.total)
    .slice(0, DID_YOU_MEAN_MAX)
  return { query, total, offers, checked }
}
