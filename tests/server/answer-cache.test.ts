// Answers every client of a snapshot shares are made once: identical requests in flight share
// one computation, finished ones are kept within a byte bound, per snapshot; searches are not.
import { afterEach, describe, expect, it } from 'vitest'
import { AnswerCache } from '../../src/server/answer-cache'
import type { EncodedAnswer } from '../../src/server/answer-cache'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import type { ArchiveApi } from '../../src/shared/contract'

const answer = (status: number, text: string): EncodedAnswer => ({
  status,
  headers: {},
  body: Buffer.from(text),
})

describe('AnswerCache', () => {
  it('shares one computation among identical requests in flight, and keeps the answer', async () => {
    const cache = new AnswerCache()
    const scope = {}
    let made = 0
    const make = async () => {
      made++
      await new Promise((r) => setTimeout(r, 20))
      return answer(200, 'x'.repeat(100))
    }
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get(scope, 'k', make)))
    expect(made).toBe(1)
    expect(new Set(all.map((a) => a.body)).size).toBe(1)
    await cache.get(scope, 'k', make)
    expect(made).toBe(1)
    // Another snapshot is another scope.
    await cache.get({}, 'k', make)
    expect(made).toBe(2)
  })

  it('keeps only 200 answers, within its byte bound, least recently used out first', async () => {
    const cache = new AnswerCache(250)
    const scope = {}
    let made = 0
    const make = (status: number) => async () => (made++, answer(status, 'y'.repeat(100)))
    await cache.get(scope, 'missing', make(404))
    await cache.get(scope, 'missing', make(404))
    expect(made).toBe(2)
    await cache.get(scope, 'a', make(200))
    await cache.get(scope, 'b', make(200))
    await cache.get(scope, 'a', make(200)) // a is now the most recent
    await cache.get(scope, 'c', make(200)) // over 250 bytes: b goes
    expect(cache.heldBytes).toBeLessThanOrEqual(250)
    made = 0
    await cache.get(scope, 'a', make(200))
    expect(made).toBe(0)
    await cache.get(scope, 'b', make(200))
    expect(made).toBe(1)
    // Bigger than the whole bound: answered, never kept.
    const big = new AnswerCache(50)
    await big.get(scope, 'k', make(200))
    expect(big.heldBytes).toBe(0)
  })

  it('a failed computation is not kept: the next request tries again', async () => {
    const cache = new AnswerCache()
    await expect(cache.get({}, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    )
    const scope = {}
    await expect(cache.get(scope, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow()
    await expect(cache.get(scope, 'k', async () => answer(200, 'ok'))).resolves.toMatchObject({
      status: 200,
    })
  })
})

describe('the server', () => {
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('builds an issue once for 20 readers opening it at once; searches each run', async () => {
    const calls = { getIssue: 0, search: 0 }
    const api = {
      getIssue: async (id: string) => {
        calls.getIssue++
        await new Promise((r) => setTimeout(r, 50))
        return {
          id,
          paper: 'p',
          paperName: 'P',
          date: '2024-01-01',
          dateSource: 'printed',
          pages: [],
        }
      },
      search: async () => {
        calls.search++
        return { total: 0, hits: [], facets: { papers: [], years: [] }, tookMs: 0 }
      },
    } as unknown as ArchiveApi
    server = await startServer({ archiveDir: '/nonexistent', api, port: 0, log: () => {} })
    const url = new URL('/api/issues/jiangbei-2023-07-13', server.url)
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async () => (await fetch(url)).text()),
    )
    expect(calls.getIssue).toBe(1)
    expect(new Set(bodies).size).toBe(1)
    expect(JSON.parse(bodies[0]!)).toMatchObject({ id: 'jiangbei-2023-07-13' })
    await Promise.all([1, 2].map(() => fetch(new URL('/api/search?q=a', server!.url))))
    expect(calls.search).toBe(2)
  })
})
