// Hostile input over IPC: wrong types and arities for every method, megabyte strings, path
// traversal in ids, method names outside the contract, calls from frames that are not the app.
// Each gets a clean, short error (never an internal one), the archive is not reached when the
// call is refused, and the archive folder is byte-identical afterwards — no index rewrite.
// The pure handler (src/main/ipc-handler.ts) is driven directly; ipc.ts's binding to ipcMain is
// driven through a fake ipcMain with fake events.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { channels } from '../../src/shared/ipc-channels'
import type { ArchiveApi, ArchiveMethod } from '../../src/shared/contract'
import type { IpcResult } from '../../src/shared/ipc-result'
import { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { createArchiveHandler } from '../../src/main/ipc-handler'
import type { ArchiveCallHandler } from '../../src/main/ipc-handler'
import { registerArchiveHandlers } from '../../src/main/ipc'
import { APP_ORIGIN, APP_PAGE_URL } from '../../src/main/app-protocol'
import { isAppPageUrl } from '../../src/main/security-policy'
import type { AppLocation } from '../../src/main/security-policy'
import { tempArchive } from '../helpers'
import { ipcHandlers } from '../support/fake-ipc-main'
import { treeState } from '../support/tree'
import type { FileState } from '../support/tree'

vi.mock('electron', async () => ({
  ipcMain: (await import('../support/fake-ipc-main')).fakeIpcMain,
}))

const APP: AppLocation = {
  appOrigin: APP_ORIGIN,
}
const APP_URL = `${APP_PAGE_URL}#/`
const MB = 'x'.repeat(1024 * 1024)

let archive: { dir: string; cleanup: () => void }
let service: ArchiveService
let before: Record<string, FileState>
let logs: string[]
let reached: string[]
let handle: ArchiveCallHandler

beforeAll(() => {
  archive = tempArchive()
  service = ArchiveService.open({ archiveDir: archive.dir })
  expect(service.openResult.written).toBe(true)
  // Every call that reaches the archive is recorded: refused calls must not.
  const spy = new Proxy(service, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        reached.push(String(name))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  }) as unknown as ArchiveApi
  logs = []
  reached = []
  handle = createArchiveHandler({
    archive: async () => spy,
    isTrustedSender: (url) => isAppPageUrl(url, APP),
    hiddenRoots: () => [archive.dir],
    log: (m) => logs.push(m),
  })
  before = treeState(archive.dir)
  expect(Object.keys(before)).toContain(INDEX_FILE)
})

afterAll(() => archive.cleanup())

/** The handler's answer, as a refusal: its error name and message. */
async function refused(
  method: string,
  args: unknown[],
  ...from: [url: string | undefined] | []
): Promise<{ name: string; message: string }> {
  // An explicit `undefined` is a frame that is gone, not the app.
  const url = from.length ? from[0] : APP_URL
  const r = (await handle(method as ArchiveMethod, url, args)) as IpcResult<unknown>
  expect(r.ok, `${method}(${describeArgs(args)}) should be refused`).toBe(false)
  if (r.ok) throw new Error('unreachable')
  expect(r.error.message.length, 'a short message').toBeLessThan(400)
  expect(r.error.name).not.toBe('InternalError')
  return r.error
}

function describeArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string')
        return a.length > 40 ? `"${a.slice(0, 20)}…"(${a.length})` : `"${a}"`
      if (typeof a === 'bigint') return `${a}n`
      if (typeof a === 'function') return 'function'
      try {
        return JSON.stringify(a)?.slice(0, 40) ?? String(a)
      } catch {
        return Object.prototype.toString.call(a)
      }
    })
    .join(', ')
}

const WRONG_VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  10n,
  '',
  MB,
  [],
  [MB],
  {},
  { q: 'a', toString: 'x' },
  new Date(0),
  new Map([['q', 'a']]),
  new Uint8Array(8),
  () => 'a',
]

/** A valid argument list per method: each position is then replaced by each wrong value. */
const VALID: Record<ArchiveMethod, unknown[]> = {
  listIssues: [],
  getIssue: ['jiangbei-2023-07-13'],
  getArticle: ['jiangbei-2023-07-13/p1/a1'],
  getPageSource: ['jiangbei-2023-07-13', 1],
  search: [{ q: '发展' }],
  articleMatches: ['jiangbei-2023-07-13/p1/a1', '发展'],
  indexStatus: [],
  suggest: ['低', 5],
  quickOpen: ['江北报', 5],
  didYouMean: [{ q: '低炭' }],
}

describe('wrong types and arities', () => {
  it('every method, every argument position, twenty wrong values: InvalidArgumentsError', async () => {
    let tried = 0
    for (const method of Object.keys(VALID) as ArchiveMethod[]) {
      const valid = VALID[method]
      // The valid call is answered (so the refusals below are about the arguments).
      expect((await handle(method, APP_URL, valid)).ok, method).toBe(true)
      for (let i = 0; i < valid.length; i++) {
        for (const wrong of WRONG_VALUES) {
          // '' is a valid query; the empty search is answered, not refused.
          if (wrong === '' && method === 'articleMatches' && i === 1) continue
          const listing = method === 'suggest' || method === 'quickOpen'
          // So are an empty prefix, and a limit left out (the default).
          if (listing && ((wrong === '' && i === 0) || (wrong === undefined && i === 1))) continue
          const args = valid.map((v, k) => (k === i ? wrong : v))
          expect((await refused(method, args)).name).toBe('InvalidArgumentsError')
          tried++
        }
      }
      // Arity: one argument too many, one too few.
      expect((await refused(method, [...valid, 'extra'])).name).toBe('InvalidArgumentsError')
      // (suggest and quickOpen take their limit optionally: one argument is enough.)
      const optionalLast = method === 'suggest' || method === 'quickOpen'
      if (valid.length && !optionalLast)
        expect((await refused(method, valid.slice(0, -1))).name).toBe('InvalidArgumentsError')
    }
    expect(tried).toBeGreaterThan(100)
  })

  it('search fields of the wrong type or out of range', async () => {
    const bad: Record<string, unknown>[] = [
      {},
      { q: 1 },
      { q: ['a'] },
      { q: 'a', papers: 'jiangbei' },
      { q: 'a', papers: [1] },
      { q: 'a', papers: [''] },
      { q: 'a', papers: Array.from({ length: 100_000 }, () => 'jiangbei') },
      { q: 'a', dateFrom: '2023-7-1' },
      { q: 'a', dateTo: 20230701 },
      { q: 'a', issueId: '' },
      { q: 'a', page: 0 },
      { q: 'a', page: 1000 },
      { q: 'a', sort: 'DATE-DESC' },
      { q: 'a', limit: 0 },
      { q: 'a', limit: 1001 },
      { q: 'a', limit: -0.5 },
      { q: 'a', offset: -1 },
      { q: 'a', offset: 1e12 },
      { q: 'a', extra: true },
      JSON.parse('{"q":"a","__proto__":{"polluted":true}}') as Record<string, unknown>,
      JSON.parse('{"q":"a","constructor":{"prototype":{"polluted":true}}}') as Record<
        string,
        unknown
      >,
    ]
    for (const request of bad) {
      const t0 = performance.now()
      expect((await refused('search', [request])).name).toBe('InvalidArgumentsError')
      expect(performance.now() - t0).toBeLessThan(500)
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })
})

describe('oversized strings', () => {
  const cases: [string, unknown[]][] = [
    ['search', [{ q: MB }]],
    ['search', [{ q: '发'.repeat(1024 * 1024) }]],
    ['search', [{ q: 'a', issueId: MB }]],
    ['search', [{ q: 'a', papers: [MB] }]],
    ['search', [{ q: 'a', dateFrom: MB }]],
    ['search', [{ q: 'a', sort: MB }]],
    ['search', [{ q: 'a', [MB]: 1 }]],
    ['getIssue', [MB]],
    ['getPageSource', [MB, 1]],
    ['articleMatches', [MB, 'a']],
    ['articleMatches', ['jiangbei-2023-07-13/p1/a1', MB]],
  ]
  for (const [method, args] of cases) {
    it(`${method}(${describeArgs(args)}) is refused at once, without echoing the input`, async () => {
      const t0 = performance.now()
      const error = await refused(method, args)
      expect(error.name).toBe('InvalidArgumentsError')
      expect(error.message).not.toContain('x'.repeat(300))
      expect(performance.now() - t0).toBeLessThan(500)
    })
  }
})

describe('path traversal in ids', () => {
  const ids = [
    '../catalog.json',
    '../../../../etc/passwd',
    '..\\..\\catalog.json',
    '%2e%2e%2fcatalog.json',
    '..%2F..%2Fcatalog.json',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x',
    '..',
    '.',
    'catalog.json',
    'index.bin',
    '000_fc561b8f310ec55b.txt',
    'jiangbei-2023-07-13/../../catalog.json',
    'jiangbei-2023-07-13/p1/../../../catalog.json',
    'jiangbei-2023-07-13\u0000.txt',
    'file:///etc/passwd',
  ]
  it('getIssue, getPageSource and articleMatches refuse them by the id patterns, naming no path', async () => {
    for (const id of ids) {
      for (const [method, args] of [
        ['getIssue', [id]],
        ['getPageSource', [id, 1]],
        ['articleMatches', [id, '发展']],
      ] as const) {
        const error = await refused(method, [...args])
        // rules.ts: an issue or article id never holds a dot, a backslash or a bare slash.
        expect(error.name, `${method} ${id}`).toBe('InvalidArgumentsError')
        expect(error.message).not.toContain(archive.dir)
        expect(error.message).not.toMatch(/root:|archive-reader\/catalog/)
      }
    }
  })

  it('a search scoped to such an issue is refused, and reads no file', async () => {
    for (const id of ids) {
      const r = await handle('search', APP_URL, [{ q: '发展', issueId: id }])
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    }
  })

  it('a well-formed id of no issue is NotFoundError, naming no path', async () => {
    for (const [method, args] of [
      ['getIssue', ['nope-1900-01-01']],
      ['getPageSource', ['nope-1900-01-01', 1]],
      ['articleMatches', ['nope-1900-01-01/p1/a1', '发展']],
    ] as const) {
      const error = await refused(method, [...args])
      expect(error).toMatchObject({ code: 'not-found', name: 'NotFoundError' })
      expect(error.message).not.toContain(archive.dir)
    }
  })
})

describe('odd but valid queries', () => {
  it('are answered or refused as query errors, never as internal errors', async () => {
    const queries = [
      '\u0000',
      '\uD800',
      '\uDFFF\uD800',
      '"',
      '""""',
      '-',
      '--发展',
      '-"',
      'OR',
      'OR OR OR',
      '发展 OR',
      '(发展)',
      '*',
      '?',
      '\\',
      '%',
      '\u202Eevil',
      '<script>alert(1)</script>',
      '𠀀𠀁𠀂',
      'a'.repeat(500),
      '"'.repeat(500),
      '发 '.repeat(250),
      '-发'.repeat(250),
      ' OR'.repeat(166),
    ]
    for (const q of queries) {
      const t0 = performance.now()
      for (const r of [
        await handle('search', APP_URL, [{ q }]),
        await handle('articleMatches', APP_URL, ['jiangbei-2023-07-13/p1/a1', q]),
      ]) {
        if (!r.ok) expect(r.error.name, JSON.stringify(q)).toBe('QuerySyntaxError')
      }
      expect(performance.now() - t0, JSON.stringify(q)).toBeLessThan(2000)
    }
  })
})

describe('method names outside the contract', () => {
  it('are refused by name, before any schema or archive is consulted', async () => {
    reached = []
    const names = [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
      'open',
      'removeIssue',
      'importBatch',
      'exportArchive',
      'dir',
      '',
      'LISTISSUES',
      'archive:list-issues',
      MB,
    ]
    for (const name of names) {
      const error = await refused(name, [])
      expect(error.name, name.slice(0, 20)).toBe('UnknownMethodError')
    }
    expect(reached).toEqual([])
  })
})

describe('calls from frames that are not the app', () => {
  const foreign = [
    undefined,
    '',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>archive.listIssues()</script>',
    'blob:file:///0f1e2d3c',
    'https://evil.example/',
    'http://127.0.0.1:8765/',
    'http://localhost:5173/',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/page.html',
    'javascript:void 0',
    'file:///tmp/evil.html',
    // The built page is app://reader: its file:// twin is someone else's page.
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
    'app://evil/index.html',
    'blob:app://reader/0f1e2d3c',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/other.html',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html.evil',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/INDEX.html',
    'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/sub/index.html',
    'file://evil.example/opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
    `data:text/html,${'x'.repeat(100_000)}`,
  ]
  it('are refused with ForbiddenSenderError, even with valid arguments, and logged briefly', async () => {
    reached = []
    logs = []
    for (const url of foreign) {
      for (const [method, args] of Object.entries(VALID)) {
        const error = await refused(method, args, url)
        expect(error).toEqual({
          code: 'forbidden',
          name: 'ForbiddenSenderError',
          message: 'This page may not read the archive.',
        })
      }
    }
    expect(reached).toEqual([])
    expect(logs).toHaveLength(foreign.length * Object.keys(VALID).length)
    for (const line of logs) expect(line.length).toBeLessThan(400)
  })

  it('the app page itself, with any route, is answered', async () => {
    for (const url of [APP_PAGE_URL, `${APP_PAGE_URL}#/search?q=x`]) {
      expect((await handle('listIssues', url, [])).ok).toBe(true)
    }
  })
})

describe('ipc.ts: the binding to ipcMain', () => {
  it('registers exactly the contract channels and checks each event’s sender frame', async () => {
    ipcHandlers.clear()
    reached = []
    const off = registerArchiveHandlers({
      archive: async () => service,
      isTrustedSender: (url) => isAppPageUrl(url, APP),
    })
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(channels).sort())
    const listen = ipcHandlers.get(channels.listIssues)!
    const event = (url: string | undefined) => ({
      senderFrame: url === undefined ? null : { url },
      sender: { id: 1 },
    })
    // A frame that navigated away or was destroyed has no senderFrame: refused.
    expect(await listen(event(undefined))).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    // A subframe (an iframe in the app's window) is judged by its own URL.
    expect(await listen(event('https://evil.example/frame.html'))).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSenderError' },
    })
    expect(await listen(event(APP_URL))).toMatchObject({ ok: true })
    const search = ipcHandlers.get(channels.search)!
    expect(await search(event(APP_URL), { q: MB })).toMatchObject({
      ok: false,
      error: { name: 'InvalidArgumentsError' },
    })
    // Channels outside the contract have no handler at all (Electron rejects such invokes).
    for (const channel of ['archive:remove-issue', 'archive:import', 'archive:exec', 'x'])
      expect(ipcHandlers.has(channel)).toBe(false)
    off()
    expect(ipcHandlers.size).toBe(0)
  })
})

describe('side effects', () => {
  it('the archive folder is byte-identical afterwards: no file written, no index rewrite', () => {
    const after = treeState(archive.dir)
    expect(after).toEqual(before)
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    // The index in particular: still there, same bytes (treeState hashes every file).
    expect(after[INDEX_FILE]).toBeDefined()
    expect(after[INDEX_FILE]).toEqual(before[INDEX_FILE])
  })
})
