// The reading-room server's JSON API against the archive service it wraps: same answers as the
// service (and so as the CLI's --json), 400 for bad arguments, 404 for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { apiPathFor } from '../../src/shared/http'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { tempArchive } from '../helpers'

let server: RunningServer
let service: ArchiveService
let archive: { dir: string; cleanup: () => void }

beforeAll(async () => {
  archive = tempArchive()
  service = ArchiveService.open({ archiveDir: archive.dir })
  server = await startServer({
    archiveDir: archive.dir,
    api: service,
    port: 0,
    staticDir: '/nonexistent-renderer-build',
    log: () => {},
  })
})

afterAll(async () => {
  await server.close()
  archive.cleanup()
})

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(new URL(path, server.url))
  return { status: res.status, body: await res.json() }
}

describe('API parity with the archive service', () => {
  it('GET /api/issues = listIssues (= list --json)', async () => {
    expect(await get('/api/issues')).toEqual({ status: 200, body: await service.listIssues() })
  })

  it('GET /api/issues/:id = getIssue (= show --json)', async () => {
    const r = await get('/api/issues/jiangbei-2023-07-13')
    expect(r.status).toBe(200)
    expect(r.body).toEqual(await service.getIssue('jiangbei-2023-07-13'))
  })

  it('GET /api/issues/:id/pages/:n/source = getPageSource', async () => {
    const r = await get('/api/issues/jiangbei-2023-07-13/pages/2/source')
    expect(r.body).toEqual(await service.getPageSource('jiangbei-2023-07-13', 2))
  })

  it('GET /api/search with every filter = search (= search --json)', async () => {
    const request = {
      q: '发展',
      papers: ['jiangbei', 'beibei'],
      dateFrom: '2023-01-01',
      dateTo: '2024-12-31',
      sort: 'date-desc' as const,
      limit: 3,
      offset: 1,
    }
    const r = await get(apiPathFor('search', request))
    const expected = await service.search(request)
    expect(r.status).toBe(200)
    // Timing differs between two runs of the same search.
    expect({ ...(r.body as object), tookMs: 0 }).toEqual({ ...expected, tookMs: 0 })
  })

  it('GET /api/search scoped to an issue page', async () => {
    const request = { q: '发展', issueId: 'jiangbei-2023-07-13', page: 2 }
    const r = await get(apiPathFor('search', request))
    expect({ ...(r.body as object), tookMs: 0 }).toEqual({
      ...(await service.search(request)),
      tookMs: 0,
    })
  })

  it('a query with a syntax problem answers 200 with the error, like the CLI', async () => {
    const r = await get(`/api/search?q=${encodeURIComponent('"')}`)
    expect(r.status).toBe(200)
    expect({ ...(r.body as object), tookMs: 0 }).toEqual({
      ...(await service.search({ q: '"' })),
      tookMs: 0,
    })
  })

  it('GET /api/articles/:id/matches = articleMatches (id encoded or with raw slashes)', async () => {
    const id = 'jiangbei-2023-07-13/p1/a1'
    const expected = await service.articleMatches(id, '发展和改革委员会')
    expect(expected.ranges).toHaveLength(1)
    expect((await get(apiPathFor('articleMatches', id, '发展和改革委员会'))).body).toEqual(expected)
    const raw = await get(`/api/articles/${id}/matches?q=${encodeURIComponent('发展和改革委员会')}`)
    expect(raw.body).toEqual(expected)
  })

  it('GET /api/status = indexStatus', async () => {
    expect((await get('/api/status')).body).toEqual(await service.indexStatus())
  })

  it('GET /api/suggest = suggest, GET /api/open = quickOpen (= suggest/open --json)', async () => {
    const s = await get(`/api/suggest?q=${encodeURIComponent('发')}&limit=3`)
    expect(s).toEqual({ status: 200, body: await service.suggest('发', 3) })
    expect((s.body as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(0)
    const o = await get(apiPathFor('quickOpen', '江北报 7月13日'))
    expect(o).toEqual({ status: 200, body: await service.quickOpen('江北报 7月13日') })
    expect(o.body).toMatchObject({ items: [{ kind: 'issue', issueId: 'jiangbei-2023-07-13' }] })
  })

  it('a search that finds nothing does not count nearby queries; GET /api/did-you-mean does', async () => {
    const r = await get(`/api/search?q=${encodeURIComponent('低炭')}&paper=jiangbei`)
    expect(r.body).toMatchObject({ total: 0 })
    expect(r.body).not.toHaveProperty('didYouMean')
    const d = await get(apiPathFor('didYouMean', { q: '低炭', papers: ['jiangbei'] }))
    expect(d).toEqual({
      status: 200,
      body: await service.didYouMean({ q: '低炭', papers: ['jiangbei'] }),
    })
    expect(d.body).toMatchObject({ total: 0, offers: [{ q: '低碳', change: 'substituted' }] })
  })
})

describe('arguments are validated (400 with {error})', () => {
  const bad = [
    '/api/search',
    '/api/search?q=a&limit=abc',
    '/api/search?q=a&limit=0',
    '/api/search?q=a&from=2023-13-45x',
    '/api/search?q=a&sort=random',
    '/api/search?q=a&page=0',
    '/api/search?q=a&unknown=1',
    '/api/search?q=a&q=b',
    `/api/search?q=${'字'.repeat(501)}`,
    '/api/issues/jiangbei-2023-07-13/pages/abc/source',
    '/api/issues/jiangbei-2023-07-13/pages/0/source',
    `/api/issues/${'x'.repeat(201)}`,
    // Ids are judged by the real patterns (rules.ts), before any lookup.
    '/api/articles/not-an-article/matches?q=x',
    '/api/issues/..%2Fcatalog.json',
    '/api/suggest?q=a&limit=21',
    '/api/suggest?q=a&limit=x',
    '/api/open?q=a&limit=0',
    '/api/open?q=a&other=1',
  ]
  for (const path of bad) {
    it(path.slice(0, 70), async () => {
      const r = await get(path)
      expect(r.status).toBe(400)
      expect((r.body as { error: string }).error).toMatch(/invalid arguments/)
    })
  }
})

describe('what does not exist is 404', () => {
  const missing = [
    '/api/issues/no-such-issue',
    '/api/issues/jiangbei-2023-07-13/pages/9/source',
    '/api/articles/jiangbei-2023-07-13%2Fp1%2Fa99/matches?q=x',
    '/api/articles/no-such-issue%2Fp1%2Fa1/matches?q=x',
    '/api/nothing',
    '/api',
    '/api/issues/jiangbei-2023-07-13/extra',
  ]
  for (const path of missing) {
    it(path, async () => {
      const r = await get(path)
      expect(r.status).toBe(404)
      expect(typeof (r.body as { error: string }).error).toBe('string')
    })
  }
})
