// The reading room follows the archive: a CLI import is served within 2 s without a restart, a
// CLI remove makes the issue 404 (never 500), and no request fails while the snapshot switches.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import type { IndexStatus, SearchResponse } from '../../src/shared/types'
import { FIXTURES, ROOT } from '../helpers'
import { indexedArchiveSetup } from '../support/indexed-archive'

const setup = indexedArchiveSetup()
const run = promisify(execFile)
let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const NEW_ISSUE = 'jiangbei-2024-05-01'

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const r = await fetch(new URL(path, server!.url))
  return { status: r.status, body: await r.json() }
}

/** Polls `path` until `done` holds; returns the ms it took. Every answer must be 200 or 404. */
async function until(
  path: string,
  done: (status: number, body: unknown) => boolean,
  limitMs = 5000,
): Promise<number> {
  const t0 = Date.now()
  for (;;) {
    const r = await get(path)
    expect([200, 404], JSON.stringify(r.body)).toContain(r.status)
    if (done(r.status, r.body)) return Date.now() - t0
    if (Date.now() - t0 > limitMs) throw new Error(`${path} did not change within ${limitMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

function cli(dir: string, ...args: string[]): Promise<{ stdout: string }> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--archive', dir, ...args], {
    cwd: ROOT,
  })
}

describe('a running server and the CLI', () => {
  it('serves a CLI import within 2 s and answers 404 after a CLI remove', async () => {
    const { dir } = setup()
    server = await startServer({ archiveDir: dir, port: 0, log: () => {} })
    const status = (await get('/api/status')).body as IndexStatus
    expect((await get(`/api/issues/${NEW_ISSUE}`)).status).toBe(404)
    const page = join(FIXTURES, 'import', 'mixed', 'spb-1.txt')
    const phrase = '创新创业大赛决赛'
    expect(new TextDecoder('gb18030').decode(readFileSync(page))).toContain(phrase)
    const before = (await get(`/api/search?q=${encodeURIComponent(phrase)}`)).body as SearchResponse
    await cli(dir, 'add', page, '--paper', 'jiangbei', '--date', '2024-05-01', '--page', '1')
    const seen = await until(`/api/issues/${NEW_ISSUE}`, (s) => s === 200)
    expect(seen).toBeLessThan(2000)
    expect(((await get('/api/status')).body as IndexStatus).issues).toBe(status.issues + 1)
    const found = (await get(`/api/search?q=${encodeURIComponent(phrase)}&issue=${NEW_ISSUE}`))
      .body as SearchResponse
    expect(found.total).toBeGreaterThan(0)
    const after = (await get(`/api/search?q=${encodeURIComponent(phrase)}`)).body as SearchResponse
    expect(after.total).toBe(before.total + found.total)

    await cli(dir, 'remove', NEW_ISSUE)
    const gone = await until(`/api/issues/${NEW_ISSUE}`, (s) => s === 404)
    expect(gone).toBeLessThan(2000)
    expect((await get(`/api/issues/${NEW_ISSUE}/pages/1/source`)).status).toBe(404)
    expect(((await get('/api/status')).body as IndexStatus).issues).toBe(status.issues)
    const final = (await get(`/api/search?q=${encodeURIComponent(phrase)}`)).body as SearchResponse
    expect(final.total).toBe(before.total)
  }, 60_000)
})
