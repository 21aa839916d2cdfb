// The reading room's searches answered by an OpenSearch cluster: the same request checks as the
// embedded engine (query length, syntax, number of terms), then the translated query
// (translate.ts) on the archive's alias, whose mapping version is checked first (mapping.ts).
// Failures become SearchUnavailableError: 503, with Retry-After when waiting may help.
import { MAX_QUERY_LENGTH } from '../../../shared/rules'
import { DEFAULT_LIMIT, emptyResponse } from '../../../shared/search/engine'
import {
  checkQuerySize,
  parseQuery,
  positiveTerms,
  QuerySyntaxError,
  QueryTooBroadError,
} from '../../../shared/search/query'
import type { ParsedQuery } from '../../../shared/search/query'
import type { SearchBackendStatus, SearchRequest, SearchResponse } from '../../../shared/types'
import type { SearchBackend } from '../backend'
import { SearchUnavailableError } from '../backend'
import { Cluster } from './connection'
import type { ClusterLike, OpenSearchConfig } from './connection'
import { aliasName, META_KEY, metaProblem } from './mapping'
import type { IndexMeta } from './mapping'
import { toSearchResponse } from './response'
import type { OsSearchAnswer } from './response'
import { idsBody, searchBody } from './translate'

/** How long a good check of the index (exists, right version) is trusted. */
const CHECK_TTL_MS = 10_000

interface IndexCheck {
  at: number
  ok: boolean
  problem?: string
  retryAfterS?: number
  meta?: IndexMeta
  index?: string
}

export interface BackendOptions {
  /** The local archive's key: an index built from another state of it is reported as stale. */
  archiveKey?: string
  log?: (message: string) => void
}

export class OpenSearchBackend implements SearchBackend {
  readonly kind = 'opensearch'
  readonly alias: string
  private checked: IndexCheck | undefined
  private checking: Promise<IndexCheck> | undefined

  constructor(
    readonly cluster: ClusterLike,
    private readonly options: BackendOptions = {},
  ) {
    this.alias = aliasName(cluster.config.indexPrefix)
  }

  static create(config: OpenSearchConfig, options: BackendOptions = {}): OpenSearchBackend {
    return new OpenSearchBackend(new Cluster(config), options)
  }

  /** Checks the index now (for the server's start): the problem, or undefined when it is ready. */
  async probe(): Promise<string | undefined> {
    this.checked = undefined
    const c = await this.check()
    return c.ok ? undefined : c.problem
  }

  private check(): Promise<IndexCheck> {
    const c = this.checked
    if (c?.ok && Date.now() - c.at < CHECK_TTL_MS) return Promise.resolve(c)
    this.checking ??= this.checkNow().finally(() => (this.checking = undefined))
    return this.checking
  }

  private async checkNow(): Promise<IndexCheck> {
    const at = Date.now()
    let result: IndexCheck
    try {
      const r = await this.cluster.request({
        method: 'GET',
        path: `/${encodeURIComponent(this.alias)}/_mapping`,
        ignore: [404],
        maxRetries: 1,
      })
      const entries = Object.entries(r.body) as [
        string,
        { mappings?: { _meta?: Record<string, unknown> } },
      ][]
      if (r.status === 404 || entries.length === 0) {
        result = {
          at,
          ok: false,
          problem: `the search cluster (${this.cluster.described}) has no index "${this.alias}"; build it with \`archive-reader index --to-opensearch URL\``,
        }
      } else if (entries.length > 1) {
        result = {
          at,
          ok: false,
          problem: `the alias "${this.alias}" points to ${entries.length} indexes; it must point to one`,
        }
      } else {
        const [index, m] = entries[0] as [
          string,
          { mappings?: { _meta?: Record<string, unknown> } },
        ]
        const meta = m.mappings?._meta?.[META_KEY]
        const problem = metaProblem(index, meta)
        result = problem
          ? { at, ok: false, problem, index }
          : { at, ok: true, meta: meta as IndexMeta, index }
      }
    } catch (e) {
      if (!(e instanceof SearchUnavailableError)) throw e
      result = {
        at,
        ok: false,
        problem: e.message,
        ...(e.retryAfterS !== undefined ? { retryAfterS: e.retryAfterS } : {}),
      }
    }
    const before = this.checked
    if (before?.ok !== result.ok || before.problem !== result.problem)
      this.options.log?.(
        result.ok
          ? `Searching OpenSearch (${this.cluster.described}), index ${result.index}.`
          : `OpenSearch search unavailable: ${result.problem}`,
      )
    this.checked = result
    return result
  }

  private async ready(): Promise<IndexCheck> {
    const c = await this.check()
    if (!c.ok)
      throw new SearchUnavailableError(
        c.problem ?? 'the search cluster is unavailable',
        c.retryAfterS,
      )
    return c
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now()
    const query = parseChecked(request)
    if (!query || query.all.length === 0)
      return query ? emptyResponse(request.q) : failedParse(request)
    const c = await this.ready()
    const body = searchBody(request, query, {
      hasStories: (c.meta?.storyParts ?? 1) > 0,
      offset: request.offset ?? 0,
      limit: request.limit ?? DEFAULT_LIMIT,
      papers: c.meta?.papers ?? [],
    })
    const answer = await this.searchRequest(body)
    return toSearchResponse(
      request.q,
      answer as unknown as OsSearchAnswer,
      positiveTerms(query),
      performance.now() - started,
    )
  }

  /** Every matching article id, in the engine's document order (parity tests, tools). */
  async matchingIds(request: SearchRequest, pageSize = 5000): Promise<string[]> {
    const query = parseChecked(request)
    if (!query || query.all.length === 0) return []
    const c = await this.ready()
    const ids: string[] = []
    let after: number | undefined
    for (;;) {
      const body = idsBody(
        request,
        query,
        (c.meta?.storyParts ?? 1) > 0,
        after,
        pageSize,
        c.meta?.papers ?? [],
      )
      const answer = (await this.searchRequest(body)) as {
        hits: { hits: { _source: { id: string }; sort: number[] }[] }
      }
      const hits = answer.hits.hits
      for (const h of hits) ids.push(h._source.id)
      if (hits.length < pageSize) return ids
      after = (hits[hits.length - 1] as { sort: number[] }).sort[0]
    }
  }

  private async searchRequest(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const r = await this.cluster.request({
      method: 'POST',
      path: `/${encodeURIComponent(this.alias)}/_search`,
      body,
      ignore: [404],
    })
    if (r.status === 404) {
      // Deleted since the last check: say so now, and check again next time.
      this.checked = undefined
      await this.ready()
      throw new SearchUnavailableError(`the index "${this.alias}" disappeared during the search`, 1)
    }
    return r.body
  }

  async status(archiveKey = this.options.archiveKey): Promise<SearchBackendStatus> {
    const c = await this.check()
    if (!c.ok)
      return {
        kind: 'opensearch',
        state: 'unavailable',
        message: c.problem ?? '',
        ...(c.index ? { index: c.index } : {}),
      }
    const stale =
      archiveKey !== undefined && c.meta && c.meta.archiveKey !== archiveKey
        ? '; it was built from another state of the archive: rebuild it with `archive-reader index --to-opensearch URL`'
        : ''
    return {
      kind: 'opensearch',
      state: 'ready',
      index: c.index ?? this.alias,
      message: `OpenSearch (${this.cluster.described}), index ${c.index}: ${c.meta?.articles ?? '?'} articles, built ${c.meta?.builtAt ?? '?'}${stale}`,
    }
  }

  async close(): Promise<void> {
    await this.cluster.close()
  }
}

/**
 * The engine's checks, in its order: too long, syntax, too many terms. undefined = refused (the
 * caller answers as the engine does, with the error in the response).
 */
function parseChecked(request: SearchRequest): ParsedQuery | undefined {
  try {
    if (request.q.length > MAX_QUERY_LENGTH) return undefined
    const query = parseQuery(request.q)
    if (query.all.length > 0) checkQuerySize(query)
    return query
  } catch (e) {
    if (e instanceof QuerySyntaxError || e instanceof QueryTooBroadError) return undefined
    throw e
  }
}

/** The engine's answer to a refused query, with its message. */
function failedParse(request: SearchRequest): SearchResponse {
  try {
    if (request.q.length > MAX_QUERY_LENGTH)
      throw new QueryTooBroadError(
        `query too long: ${request.q.length} characters; at most ${MAX_QUERY_LENGTH}`,
      )
    checkQuerySize(parseQuery(request.q))
    return emptyResponse(request.q)
  } catch (e) {
    return emptyResponse(request.q, (e as Error).message)
  }
}
