import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../src/cli/main'
import type { IssueSummary, IssueView, SearchResponse } from '../../src/shared/types'
import { tempArchive } from '../helpers'
import { runCli } from '../support/cli'
import type { CliRun } from '../support/cli'

const archive = tempArchive()
afterAll(() => archive.cleanup())

const cli = (...args: string[]): CliRun => runCli(archive.dir, args)
const json = <T>(...args: string[]): T => {
  const r = cli('--json', ...args)
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}

describe('archive-reader CLI', () => {
  it('list --json prints the issues with pages and article counts', () => {
    const issues = json<IssueSummary[]>('list')
    expect(issues).toHaveLength(4)
    for (const i of issues) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'paper', 'date', 'pages']))
      for (const p of i.pages)
        expect(p).toMatchObject({
          number: expect.any(Number),
          source: expect.stringMatching(/\.txt$/),
          articles: expect.any(Number),
        })
    }
  })

  it('show --json prints articles and links 下转2版 to page 2', () => {
    const view = json<IssueView>('show', 'jiangbei-2023-07-13')
    const a1 = view.pages[0]!.articles[0]!
    expect(a1).toMatchObject({
      id: 'jiangbei-2023-07-13/p1/a1',
      headline: expect.any(String),
      text: expect.any(String),
    })
    expect(a1.continuations[0]).toMatchObject({
      kind: 'continued-on',
      marker: '（下转2版）',
      targetPage: 2,
      targetExists: true,
    })
    expect(a1.continuations[0]!.targetArticleId).toMatch(/^jiangbei-2023-07-13\/p2\/a\d+$/)
    expect(
      json<IssueView>('show', 'jiangbei-2023-07-13', '--page', '2').pages.map((p) => p.number),
    ).toEqual([2])
  })

  it('search --json meets the issue’s examples', () => {
    const wrap = json<SearchResponse>('search', '发展和改革委员会')
    expect(wrap.hits.map((h) => h.articleId)).toEqual(['jiangbei-2023-07-13/p1/a1'])
    expect(Object.keys(wrap)).toEqual(
      expect.arrayContaining(['query', 'total', 'tookMs', 'hits', 'facets']),
    )
    expect(Object.keys(wrap.hits[0]!)).toEqual(
      expect.arrayContaining([
        'issueId',
        'page',
        'articleId',
        'headline',
        'snippet',
        'highlights',
        'score',
      ]),
    )
    const trad = json<SearchResponse>('search', '中环万象城')
    expect(trad.total).toBe(1)
    expect(trad.hits[0]!.snippet).toContain('中環万象城')
    expect(
      json<SearchResponse>('search', '7月12日').hits.some(
        (h) => h.articleId === 'jiangbei-2023-07-13/p1/a1',
      ),
    ).toBe(true)
    expect(json<SearchResponse>('search', '北京烤鸭')).toMatchObject({ total: 0, hits: [] })
    for (const q of ['发展和改革委员会', '中环万象城', '7月12日', '绿色 低碳']) {
      for (const h of json<SearchResponse>('search', q).hits)
        expect(h.highlights.length).toBeGreaterThan(0)
    }
  })

  it('search takes filters as options and --queries prints one JSON object per line in order', () => {
    const r = json<SearchResponse>(
      'search',
      '发展',
      '--paper',
      'jiangbei',
      '--from',
      '2023-01-01',
      '--to',
      '2023-12-31',
      '--limit',
      '2',
      '--sort',
      'date-asc',
    )
    expect(r.hits.length).toBeLessThanOrEqual(2)
    expect(r.hits.every((h) => h.paper === 'jiangbei')).toBe(true)
    const file = join(archive.dir, 'queries.txt')
    writeFileSync(file, '雷锋\n北京烤鸭\n\n中环万象城\n')
    const { code, out } = cli('--json', 'search', '--queries', file)
    expect(code).toBe(0)
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SearchResponse)
    expect(lines.map((l) => l.query)).toEqual(['雷锋', '北京烤鸭', '中环万象城'])
  })

  it('errors go to stderr with a non-zero exit', () => {
    expect(cli('show', 'no-such-issue')).toMatchObject({ code: 1, out: '' })
    expect(cli('show', 'no-such-issue').err).toMatch(/no issue "no-such-issue"/)
    expect(cli('search', 'x', '--limit', 'abc')).toMatchObject({ code: 2 })
    expect(cli('search', 'x', '--from', '2023-02-30').err).toMatch(/real date/)
    // The server's length cap: 的 ×5000 took 16 s before it.
    const long = cli('search', '的 '.repeat(5000).trim())
    expect(long).toMatchObject({ code: 2, out: '' })
    expect(long.err).toMatch(/the query is 9999 characters long; at most 500 can be searched/)
    expect(cli('frobnicate').err).toMatch(/unknown command/)
    expect(
      run(
        ['--archive', '/nonexistent', 'list'],
        () => {},
        () => {},
      ),
    ).toBe(1)
  })

  it('index and verify report on the archive', () => {
    expect(cli('index').code).toBe(0)
    const v = cli('--json', 'verify')
    expect(JSON.parse(v.out)).toMatchObject({ ok: true, errors: [] })
  })
})
