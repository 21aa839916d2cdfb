// Faults between the reading room and its cluster: the cluster down at start (the server starts,
// says so clearly, /api/status says so, searches are 503 with Retry-After, and it recovers when
// the cluster answers), and a cluster too slow to answer (a delaying proxy: a timeout, 503 with
// Retry-After, never a hung request).
import { spawn } from 'node:child_process'
import { createConnection, createServer } from 'node:net'
import type { AddressInfo, Server, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { OpenSearchBackend } from '../../src/node/search-backend/opensearch/backend'
import { indexToOpenSearch } from '../../src/node/search-backend/opensearch/indexer'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { configureSearch } from '../../src/server/search-settings'
import type { IndexStatus } from '../../src/shared/types'
import { ROOT, SEEDS } from '../helpers'

const url = inject('opensearchUrl')
const target = new URL(url)

/** A TCP proxy to the node that holds every answer back by `delay.ms`; `down` refuses all. */
function proxy(): {
  server: Server
  delay: { ms: number }
  down: { on: boolean }
  sockets: Set<Socket>
} {
  const delay = { ms: 0 }
  const down = { on: false }
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    if (down.on) return void client.destroy()
    sockets.add(client)
    const upstream = createConnection(Number(target.port), target.hostname)
    client.on('data', (d) => upstream.write(d))
    upstream.on('data', (d) => setTimeout(() => client.writable && client.write(d), delay.ms))
    const close = (): void => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
    }
    client.on('close', close).on('error', close)
    upstream.on('close', close).on('error', close)
  })
  return { server, delay, down, sockets }
}

const p = proxy()
let proxyUrl = ''
beforeAll(async () => {
  await indexToOpenSearch({ archiveDir: SEEDS, config: { urls: [url], indexPrefix: 'faults-' } })
  await new Promise<void>((r) => p.server.listen(0, '127.0.0.1', r))
  proxyUrl = `http://127.0.0.1:${(p.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const s of p.sockets) s.destroy()
  await new Promise((r) => p.server.close(r))
})

async function getJson(
  server: RunningServer,
  path: string,
): Promise<{ status: number; retry: string | null; body: unknown }> {
  const r = await fetch(new URL(path, server.url))
  return { status: r.status, retry: r.headers.get('retry-after'), body: await r.json() }
}

describe('OpenSearch faults', () => {
  it('cluster down at start: the server says so, answers 503 + Retry-After, and recovers', async () => {
    p.down.on = true
    const logs: string[] = []
    const search = await configureSearch(
      { search: 'opensearch', opensearchUrl: proxyUrl, indexPrefix: 'faults-' },
      SEEDS,
      (m) => logs.push(m),
    )
    expect(search.problem).toMatch(/cannot be reached/)
    const server = await startServer({
      archiveDir: SEEDS,
      port: 0,
      watch: false,
      log: () => {},
      searchBackend: search.backend!,
    })
    try {
      const r = await getJson(server, '/api/search?q=%E5%8F%91%E5%B1%95')
      expect(r.status).toBe(503)
      expect(Number(r.retry)).toBeGreaterThan(0)
      expect(r.body).toMatchObject({ code: 'unavailable' })
      const status = (await getJson(server, '/api/status')).body as IndexStatus
      expect(status.search).toMatchObject({ kind: 'opensearch', state: 'unavailable' })
      expect(status.search?.message).toMatch(/cannot be reached/)
      // The library itself still answers from the archive.
      expect((await getJson(server, '/api/issues')).status).toBe(200)
      p.down.on = false
      // The client marks the node dead for a while; within a minute searches answer again.
      let ok = 0
      for (let i = 0; i < 120 && ok === 0; i++) {
        if ((await getJson(server, '/api/search?q=%E5%8F%91%E5%B1%95')).status === 200) ok++
        else await new Promise((r) => setTimeout(r, 500))
      }
      expect(ok).toBe(1)
      expect(((await getJson(server, '/api/status')).body as IndexStatus).search?.state).toBe(
        'ready',
      )
    } finally {
      p.down.on = false
      await server.close()
    }
  })

  it('a serve process with the cluster down starts and prints a clear message', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/main.ts',
        '--archive',
        SEEDS,
        '--port',
        '0',
        '--search',
        'opensearch',
        '--opensearch-url',
        'http://127.0.0.1:1',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    try {
      for (let i = 0; i < 600 && !out.includes('reading room'); i++)
        await new Promise((r) => setTimeout(r, 100))
      expect(out).toContain('reading room')
      expect(err).toMatch(/OpenSearch.*cannot be reached.*503/s)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('slow answers time out as 503 with Retry-After; answers within the limit pass', async () => {
    const backend = OpenSearchBackend.create({
      urls: [proxyUrl],
      indexPrefix: 'faults-',
      requestTimeoutMs: 800,
      maxRetries: 0,
    })
    const server = await startServer({
      archiveDir: SEEDS,
      port: 0,
      watch: false,
      log: () => {},
      searchBackend: backend,
    })
    try {
      p.delay.ms = 0
      expect((await getJson(server, '/api/search?q=%E5%8F%91%E5%B1%95')).status).toBe(200)
      p.delay.ms = 2000
      const t0 = Date.now()
      const slow = await getJson(server, '/api/search?q=%E9%9B%B7%E9%94%8B')
      expect(slow.status).toBe(503)
      expect(slow.retry).toBe('2')
      expect(JSON.stringify(slow.body)).toMatch(/did not answer within 800 ms/)
      expect(Date.now() - t0).toBeLessThan(1800)
      p.delay.ms = 0
      // The client may hold the node as dead a moment after a timeout.
      let status = 0
      for (let i = 0; i < 60 && status !== 200; i++) {
        status = (await getJson(server, '/api/search?q=%E9%9B%B7%E9%94%8B')).status
        if (status !== 200) await new Promise((r) => setTimeout(r, 500))
      }
      expect(status).toBe(200)
    } finally {
      p.delay.ms = 0
      await server.close()
    }
  })
})
