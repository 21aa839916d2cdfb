// The reading-room server as HTTP: read-only methods, no path traversal, security headers,
// loopback-only Host, static files from the renderer build, and a clear message when the build
// is missing.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { tempArchive } from '../helpers'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with the path sent exactly as written (fetch would normalize `..`). */
function raw(
  server: RunningServer,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

let root: string
let archive: { dir: string; cleanup: () => void }
let service: ArchiveService
let server: RunningServer
let bare: RunningServer

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'archive-serve-'))
  const web = join(root, 'renderer')
  mkdirSync(join(web, 'assets'), { recursive: true })
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(web, 'assets', 'app-123.js'), 'console.log(1)')
  writeFileSync(join(web, '.secret.js'), 'no')
  writeFileSync(join(root, 'outside.js'), 'outside')
  symlinkSync(join(root, 'outside.js'), join(web, 'assets', 'link.js'))
  archive = tempArchive()
  service = ArchiveService.open({ archiveDir: archive.dir })
  server = await startServer({ archiveDir: archive.dir, api: service, port: 0, staticDir: web })
  bare = await startServer({
    archiveDir: archive.dir,
    api: service,
    port: 0,
    staticDir: join(root, 'not-built'),
  })
})

afterAll(async () => {
  await server.close()
  await bare.close()
  archive.cleanup()
  rmSync(root, { recursive: true, force: true })
})

describe('static files', () => {
  it('serves index.html at / and hashed assets as immutable', async () => {
    const index = await raw(server, '/')
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.body).toContain('<title>app</title>')
    const asset = await raw(server, '/assets/app-123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/)
    expect(asset.headers['cache-control']).toContain('immutable')
  })

  it('HEAD answers headers without a body', async () => {
    const r = await raw(server, '/assets/app-123.js', 'HEAD')
    expect(r.status).toBe(200)
    expect(r.headers['content-length']).toBe('14')
    expect(r.body).toBe('')
  })

  const traversal = [
    '/../package.json',
    '/assets/../../outside.js',
    '/%2e%2e/outside.js',
    '/assets/%2e%2e%2f%2e%2e%2foutside.js',
    '/assets/..%2f..%2foutside.js',
    '/%252e%252e/outside.js',
    '/assets/..\\..\\outside.js',
    '/assets/%5c..%5c..%5coutside.js',
    '/index.html%00.js',
    '/.secret.js',
    '/assets/link.js',
    '//etc/passwd',
    '/assets/',
    '/assets',
    '/nope.js',
    '/%E0%A4%A',
  ]
  for (const path of traversal) {
    it(`refuses ${path}`, async () => {
      const r = await raw(server, path)
      expect(r.status).toBe(404)
      expect(r.body).not.toContain('outside')
    })
  }
})

describe('read-only', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    it(`${method} is 405 with Allow: GET, HEAD`, async () => {
      const r = await raw(server, '/api/issues', method)
      expect(r.status).toBe(405)
      expect(r.headers.allow).toBe('GET, HEAD')
      expect(JSON.parse(r.body).error).toMatch(/read-only/)
    })
  }
})

describe('security headers', () => {
  for (const path of ['/', '/api/issues', '/api/issues/nope', '/missing.js']) {
    it(`on ${path}`, async () => {
      const h = (await raw(server, path)).headers
      const csp = String(h['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(/script-src[^;]*unsafe/.test(csp)).toBe(false)
      expect(h['x-content-type-options']).toBe('nosniff')
      expect(h['referrer-policy']).toBe('no-referrer')
      expect(h['cross-origin-opener-policy']).toBe('same-origin')
      expect(h['x-frame-options']).toBe('DENY')
    })
  }

  it('a loopback server refuses other Host names (DNS rebinding)', async () => {
    const r = await raw(server, '/api/issues', 'GET', { Host: 'evil.example:80' })
    expect(r.status).toBe(421)
    const ok = await raw(server, '/api/issues', 'GET', { Host: `localhost:${server.port}` })
    expect(ok.status).toBe(200)
  })

  it('binds the loopback interface by default and says so in its URL', () => {
    expect(server.host).toBe('127.0.0.1')
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
  })
})

describe('without a renderer build', () => {
  it('says how to build it, and still serves the API', async () => {
    expect(bare.hasApp).toBe(false)
    const r = await raw(bare, '/')
    expect(r.status).toBe(503)
    expect(r.body).toContain('npx electron-vite build')
    expect((await raw(bare, '/api/status')).status).toBe(200)
  })
})
