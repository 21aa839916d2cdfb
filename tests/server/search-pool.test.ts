// Searches run in worker threads behind a bounded queue: a full queue is refused at once with
// 503 and Retry-After, and the pool answers on the snapshot a search was queued for.
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { PoolBusyError, SearchPool } from '../../src/server/search-pool'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import type { ArchiveApi } from '../../src/shared/contract'
import { indexedArchiveSetup } from '../support/indexed-archive'
import { join } from 'node:path'

const setup = indexedArchiveSetup()
let pool: SearchPool | undefined
let server: RunningServer | undefined
afterEach(async () => {
  await pool?.terminate()
  await server?.close()
  pool = undefined
  server = undefined
})

describe('SearchPool', () => {
  it('answers like the archive itself, and refuses past its queue', async () => {
    const { dir } = setup()
    const service = ArchiveService.open({ archiveDir: dir })
    pool = new SearchPool({
      archiveDir: dir,
      indexPath: join(dir, 'index.bin'),
      size: 1,
      maxQueue: 1,
    })
    await pool.open(1)
    const request = { q: '发展和改革委员会' }
    const expected = service.searchSync(request)
    // One runs, one waits, the third is refused without waiting.
    const running = pool.search(1, request)
    const queued = pool.search(1, request)
    await expect(pool.search(1, request)).rejects.toBeInstanceOf(PoolBusyError)
    for (const r of await Promise.all([running, queued]))
      expect({ ...r, tookMs: 0 }).toEqual({ ...expected, tookMs: 0 })
    await expect(pool.search(2, request)).rejects.toThrow(/no open archive for snapshot 2/)
  }, 30_000)
})

describe('a busy server', () => {
  it('answers 503 with Retry-After when the search queue is full', async () => {
    const busy = { search: () => Promise.reject(new PoolBusyError()) } as unknown as ArchiveApi
    server = await startServer({ archiveDir: '/nonexistent', api: busy, port: 0, log: () => {} })
    const r = await fetch(new URL('/api/search?q=a', server.url))
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBe('1')
    expect(((await r.json()) as { error: string }).error).toMatch(/busy with other searches/)
  })
})
