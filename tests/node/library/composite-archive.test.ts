// The app shows the bundled archive and the user's library as one: listing, routing by issue
// id, merged search (totals, facets, page order), combined status, and their suggestions and
// "did you mean" merged as one archive's would be.
import { describe, expect, it } from 'vitest'
import type { ArchiveApi } from '../../../src/shared/contract'
import type { SearchHit, SearchRequest, SortOrder } from '../../../src/shared/types'
import { ArchiveService, NotFoundError } from '../../../src/node/archive-service'
import {
  combineStatus,
  CompositeArchive,
  hitComparator,
  mergeDidYouMean,
  mergeFacets,
  mergeSorted,
  mergeSuggestions,
} from '../../../src/node/library/composite-archive'
import { commitLibraryImport, planLibraryImport } from '../../../src/node/library/import-job'
import { recount } from '../../../src/node/library/user-library'
import type { DidYouMean, DidYouMeanResponse } from '../../../src/shared/types'
import { importMixed, mixedBatch, world } from '../../support/library-world'

const near = (q: string, total: number): DidYouMean => ({
  q,
  from: '低炭',
  to: q,
  change: 'substituted',
  total,
})
const answer = (total: number, offers: DidYouMean[] = []): DidYouMeanResponse => ({
  query: '低炭',
  total,
  offers,
  checked: offers.length,
})

describe('merging the parts of a composite archive', () => {
  it('adds up the counts of one suggestion, most frequent first, within the limit', () => {
    const a = {
      prefix: '低',
      suggestions: [{ text: '低碳', kind: 'phrase' as const, count: 3, query: '低碳' }],
    }
    const b = {
      prefix: '低',
      suggestions: [
        { text: '低碳', kind: 'phrase' as const, count: 2, query: '低碳' },
        { text: '低温', kind: 'phrase' as const, count: 4, query: '低温' },
      ],
    }
    expect(mergeSuggestions([a, b], 5).map((s) => [s.text, s.count])).toEqual([
      ['低碳', 5],
      ['低温', 4],
    ])
    expect(mergeSuggestions([a, b], 1)).toHaveLength(1)
  })

  it('adds up the hits of one nearby query, and offers none once the parts together find enough', () => {
    const merged = mergeDidYouMean('低炭', [
      answer(0, [near('低碳', 3)]),
      answer(1, [near('低碳', 2)]),
    ])
    expect(merged).toEqual({ query: '低炭', total: 1, offers: [near('低碳', 5)], checked: 2 })
    expect(mergeDidYouMean('低炭', [answer(2, [near('低碳', 3)]), answer(2)]).offers).toEqual([])
    expect(mergeDidYouMean('低炭', [answer(0), answer(0)]).offers).toEqual([])
  })
})

describe('CompositeArchive over the bundled archive and the library', () => {
  it('lists both, sorted as a catalog, and routes every call by issue id', async () => {
    const w = world()
    const c = importMixed(w)
    const ids = (await c.listIssues()).map((i) => i.id)
    expect(ids).toEqual([
      'beibei-2024-03-04',
      'beibei-2024-05-07',
      'jiangbei-2023-07-13',
      'jiangbei-2024-05-06',
      'shapingba-2024-05-09',
      'xinyu-2022-07-15',
      'yuzhong-2023-06-09',
      'yuzhong-2024-05-08',
    ])
    for (const id of ['jiangbei-2023-07-13', 'jiangbei-2024-05-06']) {
      const issue = await c.getIssue(id)
      expect(issue.id).toBe(id)
      const page = issue.pages[0]!
      expect((await c.getPageSource(id, page.number)).text.length).toBeGreaterThan(0)
      const article = page.articles[0]!
      const m = await c.articleMatches(article.id, article.headline.slice(0, 2))
      expect(m.headlineRanges.length).toBeGreaterThan(0)
    }
    expect(await c.ownerOf('jiangbei-2024-05-06')).toBe('user')
    expect(await c.ownerOf('jiangbei-2023-07-13')).toBe('bundled')
    await expect(c.getIssue('nope-2020-01-01')).rejects.toBeInstanceOf(NotFoundError)
    await expect(c.articleMatches('garbage', 'x')).rejects.toBeInstanceOf(NotFoundError)
  })

  it('merges search: totals and facets add up, pages of hits follow the requested order', async () => {
    const w = world()
    const c = importMixed(w)
    const user = c.part('user')!
    for (const sort of ['relevance', 'date-desc', 'date-asc'] as SortOrder[]) {
      const q: SearchRequest = { q: '本报讯', sort }
      const [a, b, all] = await Promise.all([
        w.bundled.search({ ...q, limit: 1000 }),
        user.search({ ...q, limit: 1000 }),
        c.search({ ...q, limit: 1000 }),
      ])
      expect(a.total).toBeGreaterThan(0)
      expect(b.total).toBeGreaterThan(0)
      expect(all.total).toBe(a.total + b.total)
      expect(all.hits).toHaveLength(all.total)
      // In order, and each archive's own order kept.
      const cmp = hitComparator(sort)
      for (let i = 1; i < all.hits.length; i++)
        expect(cmp(all.hits[i - 1]!, all.hits[i]!)).toBeLessThanOrEqual(0)
      const own = (hits: SearchHit[], ids: Set<string>) =>
        hits.filter((h) => ids.has(h.issueId)).map((h) => h.articleId)
      const userIds = new Set(b.hits.map((h) => h.issueId))
      expect(own(all.hits, userIds)).toEqual(b.hits.map((h) => h.articleId))
      // Paging through gives the same hits as one long page.
      const paged: string[] = []
      for (let offset = 0; offset < all.total; offset += 3) {
        const page = await c.search({ ...q, offset, limit: 3 })
        expect(page.total).toBe(all.total)
        paged.push(...page.hits.map((h) => h.articleId))
      }
      expect(paged).toEqual(all.hits.map((h) => h.articleId))
      // Facets: the counts of both.
      const count = (r: typeof a, v: string) =>
        r.facets.paper.find((f) => f.value === v)?.count ?? 0
      for (const f of all.facets.paper) expect(f.count).toBe(count(a, f.value) + count(b, f.value))
      expect(all.facets.year.reduce((n, f) => n + f.count, 0)).toBe(all.total)
      expect(all.facets.month.reduce((n, f) => n + f.count, 0)).toBe(all.total)
    }
  })

  it('filters across both and asks only the owner inside one issue', async () => {
    const w = world()
    const c = importMixed(w)
    const r = await c.search({ q: '本报讯', papers: ['jiangbei'] })
    expect(new Set(r.hits.map((h) => h.paper))).toEqual(new Set(['jiangbei']))
    expect(new Set(r.hits.map((h) => h.date.slice(0, 4)))).toEqual(new Set(['2023', '2024']))
    const inIssue = await c.search({ q: '本报讯', issueId: 'jiangbei-2024-05-06', limit: 100 })
    expect(inIssue.total).toBeGreaterThan(0)
    expect(new Set(inIssue.hits.map((h) => h.issueId))).toEqual(new Set(['jiangbei-2024-05-06']))
    const bad = await c.search({ q: '"unclosed' })
    expect(bad.hits).toEqual([])
  })

  it('combines the index status and sees a reloaded library at once', async () => {
    const w = world()
    const c = new CompositeArchive([{ kind: 'bundled', api: w.bundled }])
    const before = await c.indexStatus()
    expect(before.issues).toBe(4)
    expect((await c.search({ q: '沙坪坝' })).total).toBe(0)
    const planned = planLibraryImport(w.job([mixedBatch(w)]))
    commitLibraryImport(planned)
    c.setPart('user', ArchiveService.open({ archiveDir: w.libraryDir }))
    const after = await c.indexStatus()
    expect(after).toMatchObject({ state: 'ready', issues: 8 })
    expect(after.articles).toBeGreaterThan(before.articles)
    expect((await c.search({ q: '沙坪坝' })).total).toBeGreaterThan(0)
    expect((await c.listIssues()).length).toBe(8)
    c.setPart('user', undefined)
    expect((await c.listIssues()).length).toBe(4)
  })

  it('lists an id held by both archives once, from the bundled one', async () => {
    const w = world()
    const fake: ArchiveApi = {
      ...w.bundled,
      listIssues: () => w.bundled.listIssues(),
      getIssue: () => Promise.reject(new Error('must not be asked')),
      getArticle: () => Promise.reject(new Error('must not be asked')),
      getPageSource: () => Promise.reject(new Error('must not be asked')),
      search: (r) => w.bundled.search(r),
      articleMatches: () => Promise.reject(new Error('must not be asked')),
      suggest: () => Promise.reject(new Error('must not be asked')),
      quickOpen: () => Promise.reject(new Error('must not be asked')),
      didYouMean: () => Promise.reject(new Error('must not be asked')),
      indexStatus: () => w.bundled.indexStatus(),
    }
    const c = new CompositeArchive([
      { kind: 'bundled', api: w.bundled },
      { kind: 'user', api: fake },
    ])
    expect((await c.listIssues()).length).toBe(4)
    expect((await c.shadowedIds()).length).toBe(4)
    expect((await c.getIssue('jiangbei-2023-07-13')).id).toBe('jiangbei-2023-07-13')
  })
})

describe('merging helpers', () => {
  const hit = (date: string, score: number, id: string): SearchHit => ({
    issueId: id,
    page: 1,
    articleId: `${id}/p1/a1`,
    headline: '',
    type: 'article',
    paper: 'p',
    date,
    snippet: '',
    highlights: [],
    score,
  })

  it('merges sorted lists keeping each list’s order; ties go to the first list', () => {
    const cmp = hitComparator('date-desc')
    const a = [hit('2024-01-02', 1, 'a1'), hit('2024-01-01', 5, 'a2'), hit('2024-01-01', 5, 'a3')]
    const b = [hit('2024-01-03', 1, 'b1'), hit('2024-01-01', 5, 'b2')]
    expect(mergeSorted([a, b], cmp).map((h) => h.issueId)).toEqual(['b1', 'a1', 'a2', 'a3', 'b2'])
    expect(mergeSorted([[], b], cmp).map((h) => h.issueId)).toEqual(['b1', 'b2'])
  })

  it('adds facet counts and orders them as the engine does', () => {
    expect(
      mergeFacets([
        [
          { value: 'a', count: 2 },
          { value: 'b', count: 1 },
        ],
        [
          { value: 'b', count: 3 },
          { value: 'c', count: 2 },
        ],
      ]),
    ).toEqual([
      { value: 'b', count: 4 },
      { value: 'a', count: 2 },
      { value: 'c', count: 2 },
    ])
  })

  it('combines statuses: building while one builds, counts added', () => {
    expect(
      combineStatus([
        { state: 'ready', progress: 1, articles: 10, issues: 2 },
        { state: 'building', progress: 0.5, articles: 0, issues: 3, message: 'x' },
      ]),
    ).toEqual({ state: 'building', progress: 0.75, articles: 10, issues: 5, message: 'x' })
  })

  it('recount keeps ok and the counts in step with the problems', () => {
    const w = world()
    const { report } = planLibraryImport(w.job([mixedBatch(w)]))
    report.files[0]!.problems.push({ level: 'warning', code: 'x', message: 'y' })
    const warnings = report.summary.warnings
    recount(report)
    expect(report.summary.warnings).toBe(warnings + 1)
    expect(report.ok).toBe(true)
  })
})
