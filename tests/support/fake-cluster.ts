// A stand-in for an OpenSearch cluster that answers the OpenSearch backend's requests from
// documents in memory, through the DSL interpreter (dsl-eval.ts): the backend's translation,
// paging and response mapping are tested without a cluster. Hits come in `ord` order with score
// 1 (ranking is the real cluster's business: tests/opensearch/).
import type {
  ClusterAnswer,
  ClusterLike,
  ClusterRequest,
  OpenSearchConfig,
} from '../../src/node/search-backend/opensearch/connection'
import { aliasName, expectedMeta, META_KEY } from '../../src/node/search-backend/opensearch/mapping'
import type { OsDocument } from '../../src/node/search-backend/opensearch/mapping'
import { evaluateBody, matches } from './dsl-eval'

export class FakeCluster implements ClusterLike {
  readonly config: OpenSearchConfig = { urls: ['http://fake:9200'], indexPrefix: 'test-' }
  readonly described = 'http://fake:9200'
  readonly requests: ClusterRequest[] = []
  meta: Record<string, unknown>

  /** `papers`: the archive's papers as the indexer records them (`paper:` by name). */
  constructor(
    readonly docs: OsDocument[],
    papers: { slug: string; name: string }[] = [],
  ) {
    this.meta = {
      papers,
      ...expectedMeta(),
      archiveKey: 'k',
      storyParts: docs.filter((d) => d.part).length,
      articles: docs.length,
      issues: new Set(docs.map((d) => d.issue)).size,
      builtAt: '2026-01-01T00:00:00.000Z',
    }
  }

  async request(r: ClusterRequest): Promise<ClusterAnswer> {
    this.requests.push(r)
    const alias = aliasName(this.config.indexPrefix)
    if (r.method === 'GET' && r.path === `/${alias}/_mapping`)
      return {
        status: 200,
        body: { [`${alias}-v1-x`]: { mappings: { _meta: { [META_KEY]: this.meta } } } },
      }
    if (r.method === 'POST' && r.path === `/${alias}/_search`) {
      const body = r.body as Record<string, unknown>
      const from = (body.from as number | undefined) ?? 0
      const size = body.size as number
      const after = (body.search_after as number[] | undefined)?.[0]
      const sorted = [...this.docs].sort((a, b) => a.ord - b.ord)
      const e = evaluateBody(sorted, body)
      const shown = sorted.filter(
        (d) => e.ids.includes(d.id) && (after === undefined || d.ord > after),
      )
      const page = shown.slice(from, from + size)
      return {
        status: 200,
        body: {
          hits: {
            total: { value: e.total, relation: 'eq' },
            hits: page.map((d) => ({ _score: 1, _source: d, sort: [d.ord] })),
          },
          aggregations: e.aggregations,
        },
      }
    }
    throw new Error(`the fake cluster does not answer ${r.method} ${r.path}`)
  }

  async close(): Promise<void> {}
}

export { matches }
