// The OpenSearch translation means what the embedded engine means: every project search case and
// 3,000 sampled requests over the seed archive, evaluated by a DSL interpreter with Lucene's
// semantics for the queries used (tests/support/dsl-eval.ts), give the engine's hit sets,
// totals, facets and snippets. The same requests against a real node: tests/opensearch/.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../src/node/archive-service'
import { loadCatalog } from '../../../src/node/catalog-recovery'
import { OpenSearchBackend } from '../../../src/node/search-backend/opensearch/backend'
import { archiveDocuments } from '../../../src/node/search-backend/opensearch/documents'
import { searchBody } from '../../../src/node/search-backend/opensearch/translate'
import { sortCatalog } from '../../../src/shared/archive/catalog'
import { parseQuery } from '../../../src/shared/search/query'
import { docText } from '../../../src/shared/search/search-index'
import type { SearchRequest } from '../../../src/shared/types'
import { SEEDS } from '../../helpers'
import { FakeCluster } from '../../support/fake-cluster'
import { PROJECT_CASES, comparable, sampledCases } from '../../support/search-cases'

const scratch = mkdtempSync(join(tmpdir(), 'os-translate-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const service = ArchiveService.open({ archiveDir: SEEDS, indexPath: join(scratch, 'index.bin') })
const catalog = sortCatalog(loadCatalog(SEEDS))
const docs = [...archiveDocuments(SEEDS, catalog)].flat()
const cluster = new FakeCluster(
  docs,
  catalog.papers.map((p) => ({ slug: p.slug, name: p.name })),
)
const backend = new OpenSearchBackend(cluster)

async function sameAnswer(request: SearchRequest): Promise<void> {
  const all = { ...request, limit: 1000, offset: 0 }
  const want = service.searchSync(all)
  const got = await backend.search(all)
  expect(comparable(got), JSON.stringify(request)).toEqual(comparable(want))
}

describe('OpenSearch documents', () => {
  it('are the engine documents: same order, ids and normalized text', () => {
    const index = service.index
    expect(docs.length).toBe(index.docs.issue.length)
    docs.forEach((d, i) => {
      expect(d.ord).toBe(i)
      expect(d.text).toBe(docText(index, i))
    })
    // The seeds' 下转2版 story: both parts carry the whole story's text.
    const parts = docs.filter((d) => d.part)
    expect(parts.length).toBeGreaterThanOrEqual(2)
    for (const p of parts) expect(p.story_text).toContain(p.text)
  })
})

describe('query translation', () => {
  it('answers every project search case like the embedded engine', async () => {
    for (const request of PROJECT_CASES) await sameAnswer(request)
  })

  it('answers 3,000 sampled requests like the embedded engine', async () => {
    for (const request of sampledCases(docs, 3000)) await sameAnswer(request)
  })

  it('pages hits with from/size and sorts by date and relevance with the engine’s tie-breaks', () => {
    const q = parseQuery('发展 OR 雷锋 -北京')
    const body = searchBody({ q: '', sort: 'date-asc' }, q, {
      hasStories: true,
      offset: 40,
      limit: 20,
    })
    expect(body).toMatchObject({ from: 40, size: 20, track_total_hits: true })
    expect(body.sort).toEqual([{ issue_rank: 'asc' }, { _score: 'desc' }, { ord: 'asc' }])
    const rel = searchBody({ q: '' }, q, { hasStories: false, offset: 0, limit: 20 })
    expect(rel.sort).toEqual([{ _score: 'desc' }, { issue_rank: 'desc' }, { ord: 'asc' }])
    // Without stories in the index, no story branch is sent.
    expect(JSON.stringify(rel)).not.toContain('story_text')
    expect(JSON.stringify(body)).toContain('story_text')
  })

  it('lists every matching id in engine order, a page at a time', async () => {
    const ids = await backend.matchingIds({ q: '的' }, 7)
    const want = service.searchSync({ q: '的', limit: 1000 }).hits.map((h) => h.articleId)
    expect(ids).toEqual(
      [...want].sort(
        (a, b) => docs.findIndex((d) => d.id === a) - docs.findIndex((d) => d.id === b),
      ),
    )
  })

  it('refuses an index of another mapping version, saying how to rebuild it', async () => {
    const stale = new FakeCluster(docs)
    stale.meta = { ...stale.meta, mappingVersion: 0 }
    const b = new OpenSearchBackend(stale)
    await expect(b.search({ q: '发展' })).rejects.toThrow(/mappingVersion 0.*index --to-opensearch/)
    expect(await b.status()).toMatchObject({ kind: 'opensearch', state: 'unavailable' })
  })
})
