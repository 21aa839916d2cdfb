// `archive-reader index --to-opensearch URL`: writes the archive into a new versioned index,
// then swaps the alias the reading room searches to it in one atomic step, so readers never see
// a half-built index; the old index is deleted after the swap. A failure leaves the alias as it
// was and removes the unfinished index.
import { sortCatalog } from '../../../shared/archive/catalog'
import { archiveKey } from '../../archive-dir'
import { loadCatalog } from '../../catalog-recovery'
import type { Catalog } from '../../../shared/types'
import { SearchUnavailableError } from '../backend'
import { Cluster, responseReason } from './connection'
import type { OpenSearchConfig } from './connection'
import { archiveDocuments } from './documents'
import {
  aliasName,
  buildIndexName,
  expectedMeta,
  indexMappings,
  indexSettings,
  META_KEY,
} from './mapping'
import type { IndexMeta, OsDocument } from './mapping'

export interface IndexProgress {
  issuesDone: number
  issues: number
  articles: number
  bytes: number
}

export interface IndexToOptions {
  archiveDir: string
  config: OpenSearchConfig
  /** Replicas of the new index (0 for one node; 1 so that a two-node cluster survives a loss). */
  replicas?: number
  /** Bulk request size in bytes of NDJSON (default 4 MB). */
  batchBytes?: number
  /** Attempts per bulk request before giving up (default 6, backing off 0.5 s, 1 s, 2 s…). */
  attempts?: number
  onProgress?: (p: IndexProgress) => void
  log?: (message: string) => void
  /** For tests: wait this long instead of the backoff. */
  backoffMs?: (attempt: number) => number
}

export interface IndexResult {
  alias: string
  index: string
  articles: number
  issues: number
  bytes: number
  seconds: number
  /** Indexes the alias pointed to before, now deleted. */
  replaced: string[]
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The catalog's papers, and (named by their slug) those only its issues name, as the engine knows them. */
function paperNames(catalog: Catalog): { slug: string; name: string }[] {
  const out = catalog.papers.map((p) => ({ slug: p.slug, name: p.name }))
  for (const issue of catalog.issues)
    if (!out.some((p) => p.slug === issue.paper)) out.push({ slug: issue.paper, name: issue.paper })
  return out
}

/** Sends one bulk body, retrying what may succeed later (a busy or unreachable cluster, 429s). */
async function sendBulk(
  cluster: Cluster,
  index: string,
  docs: OsDocument[],
  o: IndexToOptions,
): Promise<number> {
  const attempts = o.attempts ?? 6
  const backoff = o.backoffMs ?? ((a: number) => 500 * 2 ** (a - 1))
  let pending = docs
  let bytes = 0
  for (let attempt = 1; ; attempt++) {
    const body = pending
      .map((d) => `{"index":{"_id":${JSON.stringify(d.id)}}}\n${JSON.stringify(d)}\n`)
      .join('')
    if (attempt === 1) bytes = Buffer.byteLength(body)
    let retry: OsDocument[] = []
    let why = ''
    try {
      const r = await cluster.request({
        method: 'POST',
        path: `/${index}/_bulk`,
        bulkBody: body,
        timeoutMs: 120_000,
        maxRetries: 0,
      })
      const items = (r.body.items ?? []) as { index: { status: number; error?: unknown } }[]
      if (r.body.errors) {
        items.forEach((item, k) => {
          const s = item.index.status
          if (s < 300) return
          if (s === 429 || s >= 500) retry.push(pending[k] as OsDocument)
          else
            throw new Error(
              `OpenSearch refused article ${(pending[k] as OsDocument).id}: ${s} ${responseReason({ error: item.index.error })}`,
            )
        })
        why = `${retry.length} articles rejected (busy)`
      }
    } catch (e) {
      if (!(e instanceof SearchUnavailableError)) throw e
      retry = pending
      why = e.message
    }
    if (retry.length === 0) return bytes
    if (attempt >= attempts)
      throw new Error(`bulk indexing failed after ${attempts} attempts: ${why}`)
    const wait = backoff(attempt)
    o.log?.(`Bulk request failed (${why}); retrying ${retry.length} articles in ${wait} ms.`)
    await sleep(wait)
    pending = retry
  }
}

/** The concrete indexes behind the alias (none when it does not exist). */
export async function aliasTargets(cluster: Cluster, alias: string): Promise<string[]> {
  const r = await cluster.request({ method: 'GET', path: `/_alias/${alias}`, ignore: [404] })
  if (r.status === 404) return []
  return Object.keys(r.body)
}

export async function indexToOpenSearch(o: IndexToOptions): Promise<IndexResult> {
  const started = performance.now()
  const cluster = new Cluster(o.config)
  try {
    const catalog = sortCatalog(loadCatalog(o.archiveDir, o.log))
    const alias = aliasName(o.config.indexPrefix)
    // An index (not an alias) by the alias's name would make the swap fail after all the work.
    const plain = await cluster.request({ method: 'GET', path: `/${alias}/_alias`, ignore: [404] })
    if (plain.status !== 404 && Object.keys(plain.body).includes(alias))
      throw new Error(
        `the cluster has an index named "${alias}", where this reader keeps an alias; delete or rename it, or use another --index-prefix`,
      )
    const before = await aliasTargets(cluster, alias)
    const index = buildIndexName(o.config.indexPrefix)
    const meta: IndexMeta = {
      ...expectedMeta(),
      archiveKey: archiveKey(o.archiveDir, catalog),
      storyParts: 0,
      articles: 0,
      issues: catalog.issues.length,
      builtAt: new Date().toISOString(),
      papers: paperNames(catalog),
    }
    await cluster.request({
      method: 'PUT',
      path: `/${index}`,
      body: { settings: indexSettings(0), mappings: indexMappings(meta) },
    })
    try {
      const p: IndexProgress = {
        issuesDone: 0,
        issues: catalog.issues.length,
        articles: 0,
        bytes: 0,
      }
      const maxBytes = o.batchBytes ?? 4_000_000
      let batch: OsDocument[] = []
      let batchBytes = 0
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return
        p.bytes += await sendBulk(cluster, index, batch, o)
        p.articles += batch.length
        batch = []
        batchBytes = 0
        o.onProgress?.({ ...p })
      }
      for (const docs of archiveDocuments(o.archiveDir, catalog, o.log)) {
        for (const d of docs) {
          if (d.part) meta.storyParts++
          batch.push(d)
          batchBytes += (d.text.length + d.display.body.length) * 3 + 200
          if (batchBytes >= maxBytes) await flush()
        }
        p.issuesDone++
      }
      await flush()
      meta.articles = p.articles
      await cluster.request({
        method: 'PUT',
        path: `/${index}/_mapping`,
        body: { _meta: { [META_KEY]: meta } },
      })
      await cluster.request({
        method: 'PUT',
        path: `/${index}/_settings`,
        body: { index: { refresh_interval: '1s', number_of_replicas: o.replicas ?? 0 } },
      })
      await cluster.request({ method: 'POST', path: `/${index}/_refresh` })
      await cluster.request({
        method: 'GET',
        path: `/_cluster/health/${index}`,
        querystring: {
          wait_for_status: (o.replicas ?? 0) > 0 ? 'green' : 'yellow',
          timeout: '60s',
        },
        timeoutMs: 70_000,
      })
      // The swap: one request, atomic for readers.
      await cluster.request({
        method: 'POST',
        path: '/_aliases',
        body: {
          actions: [
            ...before.map((old) => ({ remove: { index: old, alias } })),
            { add: { index, alias } },
          ],
        },
      })
      for (const old of before) {
        await cluster.request({ method: 'DELETE', path: `/${old}`, ignore: [404] })
      }
      return {
        alias,
        index,
        articles: p.articles,
        issues: catalog.issues.length,
        bytes: p.bytes,
        seconds: (performance.now() - started) / 1000,
        replaced: before,
      }
    } catch (e) {
      await cluster
        .request({ method: 'DELETE', path: `/${index}`, ignore: [404], maxRetries: 0 })
        .catch(() => {})
      throw e
    }
  } finally {
    await cluster.close()
  }
}
