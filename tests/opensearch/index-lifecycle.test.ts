// The index on a real node: built by `archive-reader index --to-opensearch` (progress, the alias
// swapped atomically, the old index deleted, readers never see a half-built one), and refused by
// the reading room when missing or built under another mapping version.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { OpenSearchBackend } from '../../src/node/search-backend/opensearch/backend'
import { Cluster } from '../../src/node/search-backend/opensearch/connection'
import { aliasTargets, indexToOpenSearch } from '../../src/node/search-backend/opensearch/indexer'
import {
  aliasName,
  indexMappings,
  indexSettings,
} from '../../src/node/search-backend/opensearch/mapping'
import { startServer } from '../../src/server/server'
import type { RunningServer } from '../../src/server/server'
import { configureSearch } from '../../src/server/search-settings'
import type { IndexStatus } from '../../src/shared/types'
import { ROOT, SEEDS } from '../helpers'

const url = inject('opensearchUrl')
const run = promisify(execFile)
let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('index --to-opensearch', () => {
  it('builds, swaps the alias atomically and deletes the old index; searches never fail meanwhile', async () => {
    const config = { urls: [url], indexPrefix: 'life-' }
    const cluster = new Cluster(config)
    const first = await indexToOpenSearch({ archiveDir: SEEDS, config })
    expect(await aliasTargets(cluster, aliasName('life-'))).toEqual([first.index])
    const backend = OpenSearchBackend.create(config)
    const before = await backend.search({ q: '发展' })
    expect(before.total).toBeGreaterThan(0)
    // Readers search all through a rebuild: every answer is whole.
    let stop = false
    const totals: number[] = []
    const reader = (async () => {
      while (!stop) totals.push((await backend.search({ q: '发展' })).total)
    })()
    const progress: number[] = []
    const second = await indexToOpenSearch({
      archiveDir: SEEDS,
      config,
      onProgress: (p) => progress.push(p.articles),
    })
    stop = true
    await reader
    expect(second.replaced).toEqual([first.index])
    expect(await aliasTargets(cluster, aliasName('life-'))).toEqual([second.index])
    expect(
      (await cluster.request({ method: 'HEAD', path: `/${first.index}`, ignore: [404] })).status,
    ).toBe(404)
    expect(progress.at(-1)).toBe(second.articles)
    expect(totals.length).toBeGreaterThan(0)
    expect(new Set(totals)).toEqual(new Set([before.total]))
    await backend.close()
    await cluster.close()
  })

  it('runs from the CLI with progress, and never prints the password', async () => {
    const secret = 's3cr3t-pw'
    const withAuth = url.replace('http://', `http://librarian:${secret}@`)
    const r = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        '--archive',
        SEEDS,
        'index',
        '--to-opensearch',
        withAuth,
        '--index-prefix',
        'cli-',
      ],
      { cwd: ROOT },
    )
    expect(r.stdout).toMatch(/OpenSearch index cli-articles-v\d+-\d+: 4 issues, \d+ articles/)
    expect(r.stderr).toMatch(/issues, \d+ articles/)
    expect(r.stdout + r.stderr).not.toContain(secret)
    expect(r.stderr).toContain('librarian:***@')
  })
})

describe('the reading room refuses an index it cannot trust', () => {
  it('a missing index: 503 without Retry-After, and /api/status says how to build it', async () => {
    const search = await configureSearch(
      { search: 'opensearch', opensearchUrl: url, indexPrefix: 'none-' },
      SEEDS,
      () => {},
    )
    expect(search.problem).toMatch(/no index "none-articles".*index --to-opensearch/)
    server = await startServer({
      archiveDir: SEEDS,
      port: 0,
      watch: false,
      log: () => {},
      searchBackend: search.backend!,
    })
    const r = await fetch(new URL('/api/search?q=%E5%8F%91%E5%B1%95', server.url))
    expect(r.status).toBe(503)
    expect(r.headers.get('retry-after')).toBeNull()
    const status = (await (await fetch(new URL('/api/status', server.url))).json()) as IndexStatus
    expect(status.search).toMatchObject({ kind: 'opensearch', state: 'unavailable' })
    expect(status.search?.message).toMatch(/no index/)
  })

  it('an index of another mapping version is refused with a message', async () => {
    const cluster = new Cluster({ urls: [url], indexPrefix: 'old-' })
    await cluster.request({ method: 'DELETE', path: '/old-articles-v0', ignore: [404] })
    const meta = {
      mappingVersion: 0,
      normalizer: 0,
      segmenter: 0,
      archiveKey: '',
      storyParts: 0,
      articles: 0,
      issues: 0,
      builtAt: '',
    }
    await cluster.request({
      method: 'PUT',
      path: '/old-articles-v0',
      body: {
        settings: indexSettings(0),
        mappings: indexMappings(meta as never),
        aliases: { 'old-articles': {} },
      },
    })
    const backend = OpenSearchBackend.create({ urls: [url], indexPrefix: 'old-' })
    await expect(backend.search({ q: '发展' })).rejects.toThrow(
      /built with mappingVersion 0, this reader needs 2; rebuild it/,
    )
    await backend.close()
    await cluster.request({ method: 'DELETE', path: '/old-articles-v0' })
    await cluster.close()
  })
})
