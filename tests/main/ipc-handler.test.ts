import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArchiveApi } from '../../src/shared/contract'
import { channels } from '../../src/shared/ipc-channels'
import { ArchiveService, NotFoundError } from '../../src/node/archive-service'
import { ArchiveError } from '../../src/node/archive-dir'
import { createArchiveHandler } from '../../src/main/ipc-handler'
import { toPublicError } from '../../src/shared/errors'
import { SEEDS, tempDir } from '../helpers'

const APP = 'file:///app/out/renderer/index.html'
const trusted = (url: string | undefined) => url?.split('#')[0] === APP

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

function seedService(): ArchiveService {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return ArchiveService.open({ archiveDir: SEEDS, indexPath: join(t.dir, 'index.bin') })
}

/** An archive that records calls, to prove rejected calls never reach it. */
function spyApi(): { api: ArchiveApi; calls: string[] } {
  const calls: string[] = []
  const api = new Proxy({} as ArchiveApi, {
    get: (_t, name: string) => async () => {
      calls.push(name)
      return []
    },
  })
  return { api, calls }
}

describe('createArchiveHandler', () => {
  it('answers every channel of the contract for the app page (real seed archive)', async () => {
    const service = seedService()
    const handle = createArchiveHandler({ archive: async () => service, isTrustedSender: trusted })
    const list = await handle('listIssues', `${APP}#/`, [])
    expect(list.ok).toBe(true)
    const issues = list.ok ? list.value : []
    expect(issues.length).toBeGreaterThan(0)
    const id = issues[0]!.id
    const issue = await handle('getIssue', APP, [id])
    expect(issue.ok && issue.value.id).toBe(id)
    const source = await handle('getPageSource', APP, [id, 1])
    expect(source.ok && source.value.text.length).toBeGreaterThan(0)
    const found = await handle('search', APP, [{ q: '人民', limit: 5 }])
    expect(found.ok && found.value.total).toBeGreaterThan(0)
    const hit = found.ok ? found.value.hits[0] : undefined
    const matches = await handle('articleMatches', APP, [hit!.articleId, '人民'])
    expect(matches.ok && matches.value.ranges.length).toBeGreaterThan(0)
    const status = await handle('indexStatus', APP, [])
    expect(status).toMatchObject({ ok: true, value: { state: 'ready' } })
    const suggestions = await handle('suggest', APP, ['发', 3])
    expect(suggestions.ok && suggestions.value.suggestions.length).toBeGreaterThan(0)
    const open = await handle('quickOpen', APP, ['2023年7月13日'])
    expect(open.ok && open.value.items[0]?.kind).toBe('issue')
    const near = await handle('didYouMean', APP, [{ q: '低炭' }])
    expect(near.ok && near.value.offers[0]?.q).toBe('低碳')
    expect(Object.keys(channels).sort()).toEqual(
      [
        'didYouMean',
        'quickOpen',
        'suggest',
        'articleMatches',
        'getArticle',
        'getIssue',
        'getPageSource',
        'indexStatus',
        'listIssues',
        'search',
      ].sort(),
    )
  })

  it('refuses frames that are not the app, before validating or touching data', async () => {
    const { api, calls } = spyApi()
    const logs: string[] = []
    const handle = createArchiveHandler({
      archive: async () => api,
      isTrustedSender: trusted,
      log: (m) => logs.push(m),
    })
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      const r = await handle('listIssues', url, [])
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          name: 'ForbiddenSenderError',
          message: 'This page may not read the archive.',
        },
      })
    }
    expect(calls).toEqual([])
    expect(logs).toHaveLength(3)
  })

  it('validates arguments with the contract schemas before the archive is reached', async () => {
    const { api, calls } = spyApi()
    const handle = createArchiveHandler({ archive: async () => api, isTrustedSender: trusted })
    const bad: [keyof ArchiveApi, unknown[]][] = [
      ['getIssue', []],
      ['getIssue', [42]],
      ['getIssue', ['x'.repeat(201)]],
      ['getPageSource', ['a', 0]],
      ['getPageSource', ['a', 1.5]],
      ['search', [{ q: 'a', evil: true }]],
      ['search', [{ q: 'a'.repeat(501) }]],
      ['search', [{ q: 'a', dateFrom: '1949/10/01' }]],
      ['listIssues', ['extra']],
      ['articleMatches', ['a']],
    ]
    for (const [method, args] of bad) {
      const r = await handle(method, APP, args)
      expect(r.ok, `${method} ${JSON.stringify(args)}`).toBe(false)
      if (!r.ok) expect(r.error.name).toBe('InvalidArgumentsError')
    }
    expect(calls).toEqual([])
  })

  it('returns people-facing errors by name, without absolute paths', async () => {
    const api = {
      getIssue: async () => {
        throw new NotFoundError('no issue "nope" in this archive')
      },
      getPageSource: async () => {
        throw new ArchiveError('/srv/archive/seeds/001.txt: cannot read the page file (EACCES)')
      },
    } as unknown as ArchiveApi
    const handle = createArchiveHandler({
      archive: async () => api,
      isTrustedSender: trusted,
      hiddenRoots: () => ['/srv/archive/seeds'],
    })
    expect(await handle('getIssue', APP, ['nope'])).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        name: 'NotFoundError',
        message: 'no issue "nope" in this archive',
      },
    })
    expect(await handle('getPageSource', APP, ['a', 1])).toEqual({
      ok: false,
      error: {
        code: 'bad-data',
        name: 'ArchiveError',
        message: '001.txt: cannot read the page file (EACCES)',
      },
    })
  })

  it('hides unexpected errors behind a generic message and logs them in main', async () => {
    const logs: string[] = []
    const api = {
      listIssues: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x') at /home/u/app.js:1")
      },
    } as unknown as ArchiveApi
    const handle = createArchiveHandler({
      archive: async () => api,
      isTrustedSender: trusted,
      log: (m) => logs.push(m),
    })
    const r = await handle('listIssues', APP, [])
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'internal',
        name: 'InternalError',
        message: 'The archive could not answer (an internal error).',
      },
    })
    expect(logs[0]).toMatch(/TypeError/)
  })

  it('answers indexStatus at once while the archive is still opening; other calls wait', async () => {
    let open: (api: ArchiveApi) => void = () => {}
    const opening = new Promise<ArchiveApi>((resolve) => (open = resolve))
    const handle = createArchiveHandler({
      archive: () => opening,
      isTrustedSender: trusted,
      indexStatus: () => ({ state: 'building', progress: 0.4, articles: 0, issues: 5 }),
    })
    const status = await handle('indexStatus', APP, [])
    expect(status).toMatchObject({ ok: true, value: { state: 'building', progress: 0.4 } })
    let answered = false
    const list = handle('listIssues', APP, []).then((r) => {
      answered = true
      return r
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(answered).toBe(false)
    open({ listIssues: async () => [] } as unknown as ArchiveApi)
    expect(await list).toEqual({ ok: true, value: [] })
  })
})

describe('toPublicError', () => {
  it('strips roots given with a trailing separator and on Windows', () => {
    const e = new ArchiveError('C:\\Users\\a\\AppData\\archive\\p1.txt: bad bytes')
    expect(toPublicError(e, { hiddenRoots: ['C:\\Users\\a\\AppData\\archive\\'] }).message).toBe(
      'p1.txt: bad bytes',
    )
    const missing = new ArchiveError(
      '/data/seeds/catalog.json: no catalog here; is /data/seeds an archive folder?',
    )
    expect(toPublicError(missing, { hiddenRoots: ['/data/seeds'] }).message).toBe(
      'catalog.json: no catalog here; is . an archive folder?',
    )
  })
})
