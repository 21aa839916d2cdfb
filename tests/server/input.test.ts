// Hostile input over HTTP (tests/server/http.test.ts covers the basics; this adds what an
// attacker on the machine would try): megabyte URLs and queries, traversal through API ids, the
// archive's own files asked for by name, every other HTTP method (with bodies), odd request
// targets and Host headers, malformed requests. Each answer is a clean error with the security
// headers, the server keeps answering, and the archive folder is byte-identical afterwards.
import { connect } from 'node:net'
import { request } from 'node:http'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { tempArchive } from '../helpers'
import { treeState } from '../support/tree'
import type { FileState } from '../support/tree'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let web: string
let archive: { dir: string; cleanup: () => void }
let server: RunningServer
let before: Record<string, FileState>
const logs: string[] = []

function raw(
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // Node's client frames no body for GET, DELETE, OPTIONS or TRACE unless told its length.
    const length: Record<string, string> =
      body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method, headers: { ...length, ...headers } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (text += c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

/** Sends bytes as they are (no client-side checks) and returns the status line, or '' on close. */
function wire(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => (text += d))
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.on('error', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.setTimeout(5000, () => socket.destroy())
    socket.end(bytes, 'latin1')
  })
}

function expectSecurityHeaders(r: Raw): void {
  expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'")
  expect(r.headers['x-content-type-options']).toBe('nosniff')
  expect(r.headers['x-frame-options']).toBe('DENY')
}

async function stillAnswers(): Promise<void> {
  const r = await raw('/api/status')
  expect(r.status).toBe(200)
}

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'archive-input-web-'))
  mkdirSync(join(web, 'assets'))
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)')
  archive = tempArchive()
  // Index built and saved before the snapshot: from here on nothing may write.
  const service = ArchiveService.open({ archiveDir: archive.dir })
  server = await startServer({
    archiveDir: archive.dir,
    api: service,
    port: 0,
    staticDir: web,
    log: (m) => logs.push(m),
  })
  before = treeState(archive.dir)
})

afterAll(async () => {
  await server.close()
  archive.cleanup()
  rmSync(web, { recursive: true, force: true })
})

describe('oversized requests', () => {
  it('a 1 MB query string is refused by the HTTP layer (431), and the server keeps answering', async () => {
    const r = await raw(`/api/search?q=${'x'.repeat(1024 * 1024)}`).catch(
      (e: NodeJS.ErrnoException) => ({ status: -1, headers: {}, body: e.code ?? '' }),
    )
    // Node answers 431 or, having sent it, resets the connection while the client still writes.
    expect([431, -1]).toContain(r.status)
    await stillAnswers()
  })

  it('a 1 MB header is refused the same way', async () => {
    const r = await raw('/api/status', 'GET', { 'X-Big': 'x'.repeat(1024 * 1024) }).catch(() => ({
      status: -1,
      headers: {},
      body: '',
    }))
    expect([431, -1]).toContain(r.status)
    await stillAnswers()
  })

  it('a query just under the HTTP limit gets 400 from the schema, without echoing it', async () => {
    const q = 'x'.repeat(12_000)
    const r = await raw(`/api/search?q=${q}`)
    expect(r.status).toBe(400)
    expectSecurityHeaders(r)
    expect(r.body.length).toBeLessThan(400)
    const key = await raw(`/api/search?q=a&${'k'.repeat(12_000)}=1`)
    expect(key.status).toBe(400)
    expect(key.body.length).toBeLessThan(400)
  })

  it('thousands of repeated parameters are refused', async () => {
    const r = await raw(`/api/search?q=a${'&paper=jiangbei'.repeat(600)}`)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body).error).toMatch(/papers/)
  })

  it('__proto__ and other unknown parameters are refused on every route, repeated or not', async () => {
    const error = async (path: string): Promise<string> => {
      const r = await raw(path)
      expect(r.status, path).toBe(400)
      return (JSON.parse(r.body) as { error: string }).error
    }
    expect(await error('/api/search?q=a&__proto__=1')).toMatch(/Unrecognized key: "__proto__"/)
    expect(await error('/api/search?q=a&__proto__=1&__proto__=2')).toMatch(/__proto__/)
    expect(await error('/api/search?q=a&constructor=x')).toMatch(/constructor/)
    expect(await error('/api/status?__proto__=1')).toBe(
      'invalid arguments for indexStatus: unknown query parameter "__proto__"',
    )
    expect(await error('/api/issues?x=1')).toMatch(/unknown query parameter "x"/)
    expect(await error('/api/issues/jiangbei-2023-07-13?q=a')).toMatch(/unknown query parameter/)
    const matches = '/api/articles/jiangbei-2023-07-13%2Fp1%2Fa1/matches'
    expect(await error(`${matches}?q=a&__proto__=1`)).toMatch(/unknown query parameter/)
    expect((await raw(`${matches}?q=a`)).status).toBe(200)
    expect((await raw('/api/search?q=a&paper=jiangbei')).status).toBe(200)
  })

  it('a body sent with GET is ignored', async () => {
    const r = await raw('/api/status', 'GET', { 'Content-Type': 'application/json' }, '{"x":1}')
    expect(r.status).toBe(200)
  })
})

describe('traversal through the API and requests for the archive’s own files', () => {
  const paths = [
    '/api/issues/..%2F..%2Fcatalog.json',
    '/api/issues/..%2Fcatalog.json/pages/1/source',
    '/api/issues/%2e%2e',
    '/api/issues/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/api/issues/..%5C..%5Ccatalog.json',
    '/api/issues/%00',
    '/api/issues/jiangbei-2023-07-13%00.txt',
    '/api/issues/jiangbei-2023-07-13/pages/1%2F..%2F..%2Fcatalog.json/source',
    '/api/issues/jiangbei-2023-07-13/pages/..%2F1/source',
    '/api/articles/..%2F..%2F..%2Fetc%2Fpasswd/matches?q=a',
    '/api/articles/../../catalog.json/matches?q=a',
    '/api/articles/%2e%2e%5c%2e%2e%5ccatalog.json/matches?q=a',
    '/api/../catalog.json',
    '/api/%2e%2e/catalog.json',
    '/catalog.json',
    '/index.bin',
    '/archive.log',
    '/000_fc561b8f310ec55b.txt',
    '/%2e%2e/catalog.json',
    '/assets/%2e%2e/%2e%2e/catalog.json',
    '/..%5ccatalog.json',
    '/api/issues/%E0%A4%A',
    '/api/articles/%E0%A4%A/matches?q=a',
    `/api/issues/${'%2e%2e%2f'.repeat(60)}etc%2fpasswd`,
  ]
  for (const path of paths) {
    it(`${path.slice(0, 80)} → 400/404, nothing from the archive folder`, async () => {
      const r = await raw(path)
      expect([400, 404]).toContain(r.status)
      expectSecurityHeaders(r)
      expect(r.body).not.toMatch(/archive-reader\/catalog|root:|sha256|江北/)
      expect(r.body).not.toContain(archive.dir)
    })
  }
})

describe('methods other than GET and HEAD', () => {
  const methods = [
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'TRACE',
    'PROPFIND',
    'PROPPATCH',
    'MKCOL',
    'COPY',
    'MOVE',
    'LOCK',
    'UNLOCK',
    'PURGE',
    'SEARCH',
    'REPORT',
    'LINK',
  ]
  for (const method of methods) {
    it(`${method} with a body → 405, read-only`, async () => {
      for (const path of ['/api/issues', '/api/issues/jiangbei-2023-07-13', '/', '/catalog.json']) {
        const r = await raw(path, method, { 'Content-Type': 'application/json' }, '{"q":"x"}')
        expect(r.status, `${method} ${path}`).toBe(405)
        expect(r.headers.allow).toBe('GET, HEAD')
        expectSecurityHeaders(r)
      }
    })
  }

  it('CONNECT and malformed methods are refused without an answer from the app', async () => {
    expect(await wire('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).not.toMatch(
      / 200 /,
    )
    expect(await wire('get /api/issues HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toMatch(/ 400 /)
    expect(await wire('GE\u0000T /api/issues HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toMatch(/ 400 /)
    await stillAnswers()
  })
})

describe('odd request targets and Host headers', () => {
  it('absolute-form targets never reach another host, and only loopback Host names are served', async () => {
    expect(
      await wire('GET http://evil.example/api/issues HTTP/1.1\r\nHost: evil.example\r\n\r\n'),
    ).toMatch(/ 421 /)
    expect(
      await wire(`GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`),
    ).toMatch(/ 404 /)
    for (const host of [
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      'evil',
      '0.0.0.0',
      '[::2]',
    ]) {
      expect((await raw('/api/issues', 'GET', { Host: host })).status, host).toBe(421)
    }
    // HTTP/1.0 without a Host header: nothing tells us the client meant this machine.
    expect(await wire('GET /api/issues HTTP/1.0\r\n\r\n')).toMatch(/ 421 /)
    expect((await raw('/api/issues', 'GET', { Host: `[::1]:${server.port}` })).status).toBe(200)
    expect((await raw('/api/issues', 'GET', { Host: `127.0.0.2:${server.port}` })).status).toBe(200)
  })

  it('garbage on the wire is answered 400 or dropped, and the server keeps answering', async () => {
    for (const junk of [
      '\r\n\r\n',
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nzz',
      '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003',
    ]) {
      const status = await wire(junk)
      expect(status === '' || /^HTTP\/1\.1 (400|404|421|431) /.test(status), status).toBe(true)
    }
    await stillAnswers()
  })
})

describe('side effects', () => {
  it('the archive folder is byte-identical afterwards: no write, no index rewrite', () => {
    expect(treeState(archive.dir)).toEqual(before)
  })

  it('nothing above was an internal error', () => {
    expect(logs.filter((l) => /failed/.test(l))).toEqual([])
  })
})
