// The user's library beside the bundled archive: the in-app import's jobs (plan with the form's
// overrides, clashes with the bundled archive refused, commit, remove) and the composite archive
// that shows both as one (listing, routing by issue id, merged search, combined status).
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArchiveApi } from '../../src/shared/contract'
import type { SearchHit, SearchRequest, SortOrder } from '../../src/shared/types'
import { ArchiveService, NotFoundError } from '../../src/node/archive-service'
import { ImportCancelled } from '../../src/node/import/plan'
import {
  combineStatus,
  CompositeArchive,
  hitComparator,
  mergeFacets,
  mergeSorted,
} from '../../src/node/library/composite-archive'
import {
  commitLibraryImport,
  displayRoot,
  planLibraryImport,
  removeLibraryIssue,
} from '../../src/node/library/import-job'
import type { LibraryPlanJob } from '../../src/node/library/import-job'
import { libraryExists, LIBRARY_TITLE, recount } from '../../src/node/library/user-library'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES, SEED_FILES, SEEDS, tempDir } from '../helpers'
import { pageText } from '../support/batch'
import { snapshot } from '../support/snapshot'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

const TODAY = '2026-11-21'

interface World {
  userData: string
  libraryDir: string
  work: string
  bundled: ArchiveService
  bundledIndex: string
  job: (inputs: string[], overrides?: LibraryPlanJob['overrides']) => LibraryPlanJob
}

function world(): World {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const bundledIndex = join(t.dir, 'index', 'bundled.bin')
  mkdirSync(join(t.dir, 'index'))
  const bundled = ArchiveService.open({ archiveDir: SEEDS, indexPath: bundledIndex })
  const libraryDir = join(t.dir, 'userData', 'library')
  const work = join(t.dir, 'picked')
  mkdirSync(work)
  return {
    userData: join(t.dir, 'userData'),
    libraryDir,
    work,
    bundled,
    bundledIndex,
    job: (inputs, overrides = []) => ({
      libraryDir,
      other: { label: 'the bundled archive', dir: SEEDS, indexPaths: [bundledIndex] },
      inputs,
      overrides,
      today: TODAY,
    }),
  }
}

/** The mixed fixture batch (UTF-8, GB18030, Big5; manifest and sidecar), copied to `work`. */
function mixedBatch(w: World): string {
  const batch = join(w.work, 'batch')
  cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
  return batch
}

function importMixed(w: World): CompositeArchive {
  const planned = planLibraryImport(w.job([mixedBatch(w)]))
  expect(planned.report.ok).toBe(true)
  commitLibraryImport(planned)
  const user = ArchiveService.open({ archiveDir: w.libraryDir })
  expect(user.openResult.index).toBe('loaded')
  return new CompositeArchive([
    { kind: 'bundled', api: w.bundled },
    { kind: 'user', api: user },
  ])
}

describe('planning an import into the user library', () => {
  it('reports file names relative to the pick and never the library’s or the pick’s absolute path', () => {
    const w = world()
    const batch = mixedBatch(w)
    const { report } = planLibraryImport(w.job([batch]))
    expect(report).toMatchObject({ ok: true, needsConfirmation: true, archive: 'library' })
    expect(report.files.map((f) => f.file).sort()).toEqual([
      'batch/beibei-a.txt',
      'batch/jiangbei-2024-05-06-p1.txt',
      'batch/jiangbei-2024-05-06-p2.txt',
      'batch/spb-1.txt',
      'batch/spb-2.txt',
      'batch/yuzhong-scan-0003.txt',
    ])
    const json = JSON.stringify(report)
    expect(json).not.toContain(w.work)
    expect(json).not.toContain(w.libraryDir)
    // Nothing is written by a plan: the library does not exist yet.
    expect(existsSync(w.libraryDir)).toBe(false)
  })

  it('knows the bundled archive’s papers: a page of 江北报 needs no paper name', () => {
    const w = world()
    const { report } = planLibraryImport(w.job([mixedBatch(w)]))
    const jb = report.files.find((f) => f.file.endsWith('jiangbei-2024-05-06-p1.txt'))!
    expect(jb.paperName).toEqual({ value: '江北报', source: 'archive' })
    expect(jb.problems.filter((p) => p.level === 'error')).toEqual([])
  })

  it('takes the form’s metadata for one file over everything it inferred', () => {
    const w = world()
    const file = join(w.work, 'page.txt')
    // No paper, date or page in the name, and the text prints no date.
    writeFileSync(
      file,
      pageText({ paper: 'x', date: '2020-01-02', page: 2, pages: 3, seed: 9, chars: 600 }),
    )
    const bare = planLibraryImport(w.job([file]))
    expect(bare.report.ok).toBe(false)
    expect(bare.report.files[0]!.problems.map((p) => p.code)).toContain('missing-metadata')

    const { report } = planLibraryImport(
      w.job(
        [file],
        [{ file: 'page.txt', paper: 'nanan', paperName: '南岸报', date: '2020-01-02', page: 2 }],
      ),
    )
    const f = report.files[0]!
    expect(report.ok).toBe(true)
    expect(f.paper).toEqual({ value: 'nanan', source: 'option' })
    expect(f.paperName).toEqual({ value: '南岸报', source: 'option' })
    expect(f.date).toEqual({ value: '2020-01-02', source: 'option' })
    expect(f.page).toEqual({ value: 2, source: 'option' })
    expect(report.issues.map((i) => i.id)).toEqual(['nanan-2020-01-02'])
    // An override naming a file outside the batch matches nothing.
    const stray = planLibraryImport(
      w.job([file], [{ file: '../../etc/passwd', date: '2020-01-02' }]),
    )
    expect(stray.report.ok).toBe(false)
  })

  it('refuses an issue the bundled archive already has (same id, or same paper and date), and its pages', () => {
    const w = world()
    const batch = join(w.work, 'again')
    mkdirSync(batch)
    // A bundled page under another name: same paper, date and page, same bytes.
    cpSync(join(SEEDS, SEED_FILES.jiangbei1), join(batch, 'jiangbei-2023-07-13-p1.txt'))
    const { report } = planLibraryImport(w.job([batch]))
    expect(report.ok).toBe(false)
    const issue = report.issues.find((i) => i.id === 'jiangbei-2023-07-13')!
    expect(issue.problems[0]).toMatchObject({ level: 'error', code: 'issue-exists' })
    expect(issue.problems[0]!.message).toMatch(
      /the bundled archive already has an issue jiangbei-2023-07-13/,
    )
    expect(report.files[0]!.problems.map((p) => p.code)).toContain('duplicate')
    expect(report.summary.errors).toBeGreaterThanOrEqual(2)
  })

  it('refuses the same text as a bundled page, in another encoding and layout', () => {
    const w = world()
    const file = join(w.work, 'nanan-2024-01-01-p1.txt')
    // The bundled page with Windows line endings and a BOM: other bytes, the same text.
    const seed = Buffer.from(`\ufeff${pageOf(SEED_FILES.yuzhong).replace(/\n/g, '\r\n')}`)
    writeFileSync(file, seed)
    const { report } = planLibraryImport(
      w.job([file], [{ file: 'nanan-2024-01-01-p1.txt', paperName: '南岸报' }]),
    )
    const dup = report.files[0]!.problems.find((p) => p.code === 'duplicate')
    expect(dup?.message).toMatch(
      /same text .* already in the bundled archive as page \d+ of yuzhong-2023-06-09/,
    )
  })

  it('stops when cancelled, before anything is written', () => {
    const w = world()
    const batch = mixedBatch(w)
    let seen = 0
    expect(() => planLibraryImport(w.job([batch]), { shouldCancel: () => ++seen > 2 })).toThrow(
      ImportCancelled,
    )
    expect(existsSync(w.libraryDir)).toBe(false)
  })

  it('names progress files as the report does', () => {
    const w = world()
    const files: string[] = []
    planLibraryImport(w.job([mixedBatch(w)]), { onProgress: (p) => p.file && files.push(p.file) })
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect(f).toMatch(/^batch\//)
  })

  it('shows picked files relative to their common folder', () => {
    expect(displayRoot(['/a/b/c.txt', '/a/b/d.txt'])).toBe('/a/b')
    expect(displayRoot(['/a/b/c.txt', '/a/e/d.txt'])).toBe('/a')
    expect(displayRoot(['/a/b'])).toBe('/a')
  })
})

/** A seed page's text (the seed pages are UTF-8). */
function pageOf(name: string): string {
  return readFileSync(join(SEEDS, name), 'utf8')
}

describe('committing and removing', () => {
  it('creates the library on the first import, with its index, and it verifies', () => {
    const w = world()
    importMixed(w)
    expect(libraryExists(w.libraryDir)).toBe(true)
    const report = verifyArchive(w.libraryDir)
    expect(report.ok).toBe(true)
    const catalog = JSON.parse(readFileSync(join(w.libraryDir, 'catalog.json'), 'utf8')) as {
      title: string
      papers: { slug: string }[]
    }
    expect(catalog.title).toBe(LIBRARY_TITLE)
    // The bundled papers the batch used are in the library's catalog; the others are not.
    expect(catalog.papers.map((p) => p.slug)).toEqual([
      'beibei',
      'jiangbei',
      'shapingba',
      'yuzhong',
    ])
  })

  it('leaves the bundled archive byte-identical', () => {
    const w = world()
    const before = snapshot(SEEDS)
    importMixed(w)
    expect(snapshot(SEEDS)).toEqual(before)
  })

  it('removes an imported issue again', () => {
    const w = world()
    importMixed(w)
    const r = removeLibraryIssue(w.libraryDir, 'shapingba-2024-05-09')
    expect(r).toEqual({
      issueId: 'shapingba-2024-05-09',
      paper: 'shapingba',
      date: '2024-05-09',
      pages: 2,
    })
    const user = ArchiveService.open({ archiveDir: w.libraryDir })
    expect(user.openResult.index).toBe('loaded')
    expect(user.listIssuesSync().map((i) => i.id)).not.toContain('shapingba-2024-05-09')
    expect(verifyArchive(w.libraryDir).ok).toBe(true)
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
