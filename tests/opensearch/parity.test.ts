// Parity on a real node: the seed archive indexed by `index --to-opensearch`, then every project
// search case and 3,000 sampled requests answered by both backends, which must give identical
// hit sets (all of them, not only the first page), totals, facets and snippets. Ranking is each
// engine's own (Lucene BM25 on bigrams + headline phrases vs the engine's BM25 on verified
// occurrences); the agreement of the top hit is printed, not required.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { loadCatalog } from '../../src/node/catalog-recovery'
import { OpenSearchBackend } from '../../src/node/search-backend/opensearch/backend'
import { archiveDocuments } from '../../src/node/search-backend/opensearch/documents'
import { indexToOpenSearch } from '../../src/node/search-backend/opensearch/indexer'
import { sortCatalog } from '../../src/shared/archive/catalog'
import type { SearchRequest } from '../../src/shared/types'
import { SEEDS } from '../helpers'
import { PROJECT_CASES, comparable, sampledCases } from '../support/search-cases'

const url = inject('opensearchUrl')
const config = { urls: [url], indexPrefix: 'parity-' }
const scratch = mkdtempSync(join(tmpdir(), 'os-parity-'))
const service = ArchiveService.open({ archiveDir: SEEDS, indexPath: join(scratch, 'index.bin') })
const docs = [...archiveDocuments(SEEDS, sortCatalog(loadCatalog(SEEDS)))].flat()
let backend: OpenSearchBackend

beforeAll(async () => {
  await indexToOpenSearch({ archiveDir: SEEDS, config })
  backend = OpenSearchBackend.create(config)
})
afterAll(async () => {
  await backend?.close()
  rmSync(scratch, { recursive: true, force: true })
})

async function compare(requests: SearchRequest[]): Promise<{ compared: number; topAgree: number }> {
  let topAgree = 0
  let compared = 0
  const one = async (request: SearchRequest): Promise<void> => {
    const all = { ...request, limit: 1000, offset: 0 }
    const want = service.searchSync(all)
    const got = await backend.search(all)
    expect(comparable(got), JSON.stringify(request)).toEqual(comparable(want))
    const n = compared++
    if (want.hits[0] && want.hits[0].articleId === got.hits[0]?.articleId) topAgree++
    // Every tenth: the whole id list paged with search_after (what tools and the bench use).
    if (n % 10 === 0) {
      const ids = await backend.matchingIds(request, 16)
      expect(ids.length, JSON.stringify(request)).toBe(want.error ? 0 : want.total)
    }
    // Date sorts: the page the reader sees holds the same issues in the same order.
    if (request.sort === 'date-asc' || request.sort === 'date-desc') {
      const page = { ...request, limit: request.limit ?? 20 }
      const a = service.searchSync(page)
      const b = await backend.search(page)
      expect(b.hits.map((h) => h.issueId)).toEqual(a.hits.map((h) => h.issueId))
    }
  }
  // A few at once, as readers would send them.
  for (let i = 0; i < requests.length; i += 4) await Promise.all(requests.slice(i, i + 4).map(one))
  return { compared, topAgree }
}

describe('OpenSearch parity (real node)', () => {
  it('answers every project search case like the embedded engine', async () => {
    const r = await compare(PROJECT_CASES)
    expect(r.compared).toBe(PROJECT_CASES.length)
  })

  it('answers 3,000 sampled requests like the embedded engine', async () => {
    const requests = sampledCases(docs, 3000)
    const t0 = performance.now()
    const r = await compare(requests)
    const hits = requests.length
    process.stdout.write(
      `parity: ${r.compared} sampled requests identical (hit sets, totals, facets, snippets); top hit the same in ${r.topAgree}/${hits}; ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    )
    expect(r.compared).toBe(3000)
  })
})
