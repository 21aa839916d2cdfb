// The seam between the reading room and its search engine: with no backend configured the server
// answers exactly as before (the embedded engine, /api/status without a cluster); with one, its
// answers are served, an unavailable engine is a 503 with Retry-After, and /api/status says so.
import { afterEach, describe, expect, it } from 'vitest'
import { SearchUnavailableError } from '../../../src/node/search-backend/backend'
import type { SearchBackend } from '../../../src/node/search-backend/backend'
import { startServer } from '../../../src/server/server'
import type { RunningServer } from '../../../src/server/server'
import type { IndexStatus, SearchResponse } from '../../../src/shared/types'
import { indexedArchiveSetup } from '../../support/indexed-archive'

const setup = indexedArchiveSetup()
let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function get(path: string): Promise<{ status: number; body: unknown; retry: string | null }> {
  const r = await fetch(new URL(path, server!.url))
  return { status: r.status, body: await r.json(), retry: r.headers.get('retry-after') }
}

describe('search backend seam', () => {
  it('without a backend, /api/status has no search field and search works as before', async () => {
    const { dir } = setup()
    server = await startServer({ archiveDir: dir, port: 0, watch: false, log: () => {} })
    const status = (await get('/api/status')).body as IndexStatus
    expect(status.search).toBeUndefined()
    const r = await get('/api/search?q=%E9%9B%B7%E9%94%8B')
    expect(r.status).toBe(200)
    expect((r.body as SearchResponse).total).toBeGreaterThan(0)
  })

  it('an unavailable backend gives 503 with Retry-After, and /api/status says why', async () => {
    const { dir } = setup()
    const down: SearchBackend = {
      kind: 'opensearch',
      search: async () => {
        throw new SearchUnavailableError('the search cluster does not answer', 5)
      },
      status: async () => ({ kind: 'opensearch', state: 'unavailable', message: 'down' }),
      close: async () => {},
    }
    server = await startServer({
      archiveDir: dir,
      port: 0,
      watch: false,
      log: () => {},
      searchBackend: down,
    })
    const r = await get('/api/search?q=%E9%9B%B7%E9%94%8B')
    expect(r.status).toBe(503)
    expect(r.retry).toBe('5')
    expect(r.body).toMatchObject({ code: 'unavailable' })
    const status = (await get('/api/status')).body as IndexStatus
    expect(status.search).toEqual({ kind: 'opensearch', state: 'unavailable', message: 'down' })
    // Everything but search still answers from the archive.
    expect((await get('/api/issues')).status).toBe(200)
  })
})
