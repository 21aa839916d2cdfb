// Hostile arguments over IPC: wrong types and arities for every method, megabyte strings,
// path traversal in ids, odd but valid queries. Each gets a clean, short error (never an
// internal one), the archive is not reached when the call is refused, and the archive folder is
// byte-identical afterwards — no index rewrite. The pure handler (src/main/ipc-handler.ts) is
// driven directly (tests/support/ipc-harness.ts); refused senders and method names are in
// ipc-sender.test.ts.
import { describe, expect, it } from 'vitest'
import type { ArchiveMethod } from '../../src/shared/contract'
import { cpuClock } from '../support/cpu-time'
import { APP_URL, describeArgs, MB, useIpcHarness, VALID } from '../support/ipc-harness'

const h = useIpcHarness()

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

describe('wrong types and arities', () => {
  it('every method, every argument position, twenty wrong values: InvalidArgumentsError', async () => {
    let tried = 0
    for (const method of Object.keys(VALID) as ArchiveMethod[]) {
      const valid = VALID[method]
      // The valid call is answered (so the refusals below are about the arguments).
      expect((await h.handle(method, APP_URL, valid)).ok, method).toBe(true)
      for (let i = 0; i < valid.length; i++) {
        for (const wrong of WRONG_VALUES) {
          // '' is a valid query; the empty search is answered, not refused.
          if (wrong === '' && method === 'articleMatches' && i === 1) continue
          const listing = method === 'suggest' || method === 'quickOpen'
          // So are an empty prefix, and a limit left out (the default).
          if (listing && ((wrong === '' && i === 0) || (wrong === undefined && i === 1))) continue
          const args = valid.map((v, k) => (k === i ? wrong : v))
          expect((await h.refused(method, args)).name).toBe('InvalidArgumentsError')
          tried++
        }
      }
      // Arity: one argument too many, one too few.
      expect((await h.refused(method, [...valid, 'extra'])).name).toBe('InvalidArgumentsError')
      // (suggest and quickOpen take their limit optionally: one argument is enough.)
      const optionalLast = method === 'suggest' || method === 'quickOpen'
      if (valid.length && !optionalLast)
        expect((await h.refused(method, valid.slice(0, -1))).name).toBe('InvalidArgumentsError')
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
      const cpu = cpuClock()
      expect((await h.refused('search', [request])).name).toBe('InvalidArgumentsError')
      expect(cpu()).toBeLessThan(500)
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
      const cpu = cpuClock()
      const error = await h.refused(method, args)
      expect(error.name).toBe('InvalidArgumentsError')
      expect(error.message).not.toContain('x'.repeat(300))
      expect(cpu()).toBeLessThan(500)
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
        const error = await h.refused(method, [...args])
        // rules.ts: an issue or article id never holds a dot, a backslash or a bare slash.
        expect(error.name, `${method} ${id}`).toBe('InvalidArgumentsError')
        expect(error.message).not.toContain(h.dir)
        expect(error.message).not.toMatch(/root:|archive-reader\/catalog/)
      }
    }
  })

  it('a search scoped to such an issue is refused, and reads no file', async () => {
    for (const id of ids) {
      const r = await h.handle('search', APP_URL, [{ q: '发展', issueId: id }])
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    }
  })

  it('a well-formed id of no issue is NotFoundError, naming no path', async () => {
    for (const [method, args] of [
      ['getIssue', ['nope-1900-01-01']],
      ['getPageSource', ['nope-1900-01-01', 1]],
      ['articleMatches', ['nope-1900-01-01/p1/a1', '发展']],
    ] as const) {
      const error = await h.refused(method, [...args])
      expect(error).toMatchObject({ code: 'not-found', name: 'NotFoundError' })
      expect(error.message).not.toContain(h.dir)
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
      const cpu = cpuClock()
      for (const r of [
        await h.handle('search', APP_URL, [{ q }]),
        await h.handle('articleMatches', APP_URL, ['jiangbei-2023-07-13/p1/a1', q]),
      ]) {
        if (!r.ok) expect(r.error.name, JSON.stringify(q)).toBe('QuerySyntaxError')
      }
      expect(cpu(), JSON.stringify(q)).toBeLessThan(2000)
    }
  })
})

describe('side effects', () => {
  it('the archive folder is byte-identical afterwards: no file written, no index rewrite', () => {
    h.expectUntouched()
  })
})
