// Per-article import (issue 13, item 4): a folder of YYYYMMDD-PP-NN.txt files imports as pages
// whose articles are exactly those files — with the headline from each file's first line (none
// for an untitled brief, whose first line is indented) and a byline line kept; the archive stores the
// page as their join (provenance names the files), which the segmenter alone reads otherwise. A gap, a repeat, an empty file or a stray
// page file is an error naming the file, and nothing changes: not the archive, not the sources.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageArticles } from '../../src/shared/archive/articles'
import { decodeText } from '../../src/shared/text/decode'
import type { IssueView, SearchResponse } from '../../src/shared/types'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { commitLibraryImport, planLibraryImport } from '../../src/node/library/import-job'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES } from '../helpers'
import { runCli, scratchArchive } from '../support/cli'
import { snapshot } from '../support/snapshot'

const FOLDER = join(FIXTURES, 'import', 'per-article')
const ID = 'nanan-2023-08-01'
const ADD = ['--paper', 'nanan', '--paper-name', '南岸报', '--yes']

/** Each fixture file's text as decoded, trimmed: what its article must be. */
function files(): Map<string, string> {
  return new Map(
    readdirSync(FOLDER)
      .sort()
      .map((n) => [n, decodeText(readFileSync(join(FOLDER, n))).text.trim()]),
  )
}

function batch(work: string): string {
  const dir = join(work, 'per-article')
  cpSync(FOLDER, dir, { recursive: true })
  return dir
}

describe('per-article import', () => {
  it('reproduces the files’ article boundaries exactly; the stored page is their join', () => {
    const { dir } = scratchArchive({ indexed: true })
    const sources = snapshot(FOLDER)
    const add = runCli(dir, ['add', FOLDER, ...ADD])
    expect(add.code, add.err).toBe(0)
    expect(add.out).toMatch(/3 articles/)
    expect(snapshot(FOLDER)).toEqual(sources)

    const view = JSON.parse(runCli(dir, ['--json', 'show', ID]).out) as IssueView
    const want = files()
    const got = view.pages.flatMap((p) => p.articles)
    expect(got).toHaveLength(want.size)
    const names = [...want.keys()]
    const squash = (s: string) => s.replace(/\s+/g, '')
    got.forEach((a, k) => {
      const raw = decodeText(readFileSync(join(FOLDER, names[k] as string))).text
      const [first = '', ...rest] = raw.replace(/\s+$/u, '').split('\n')
      if (/^[\s\u3000]/u.test(first)) {
        // A brief without a title (its first line is indented): all of it is body.
        expect(a.headlineDerived).toBe(true)
        expect(squash(a.text)).toBe(squash(raw))
      } else {
        expect(a.headline).toBe(first)
        // The body is the file's after its headline (and byline), reflowed: same characters.
        expect(squash(rest.join('')).endsWith(squash(a.text))).toBe(true)
      }
    })
    expect(got.map((a) => a.page)).toEqual([1, 1, 1, 2, 2])
    expect(got[0]?.byline).toBe('本报记者 王敏')
    // The segmenter alone joins the untitled brief 01-02 to the article before it.
    const stored = JSON.parse(runCli(dir, ['--json', 'source', ID, '1']).out) as { text: string }
    expect(pageArticles(ID, 1, stored.text)).toHaveLength(2)
    // Provenance: the page says which files it was joined from.
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
      issues: { id: string; pages: { note?: string; articles?: unknown[] }[] }[]
    }
    const page1 = catalog.issues.find((i) => i.id === ID)?.pages[0]
    expect(page1?.note).toMatch(
      /Joined from 3 article file\(s\).*20230801-01-01\.txt … 20230801-01-03\.txt/,
    )
    expect(page1?.articles).toHaveLength(3)
    // Searchable at once, and the archive verifies.
    const hits = JSON.parse(runCli(dir, ['--json', 'search', '口袋公园']).out) as SearchResponse
    expect(hits.hits.map((h) => h.articleId)).toEqual([`${ID}/p1/a1`])
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [] })
    // The index built from scratch agrees (the ranges are in the catalog, not only the import).
    rmSync(join(dir, 'index.bin'), { force: true })
    rmSync(join(dir, 'index.bin.segments'), { recursive: true, force: true })
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.getIssueSync(ID).pages.flatMap((p) => p.articles)).toHaveLength(5)
    expect(s.searchSync({ q: '基本情况' }).hits.map((h) => h.articleId)).toEqual([`${ID}/p1/a1`])
  })

  it('is refused whole, naming the file and what to do: a gap, a repeat, an empty file, a stray page', () => {
    const { dir, work } = scratchArchive({ indexed: true })
    const before = snapshot(dir)
    const b = batch(work)
    rmSync(join(b, '20230801-01-02.txt'))
    writeFileSync(join(b, '20230801-02-2.txt'), '重复\n正文。\n')
    writeFileSync(join(b, '20230801-02-03.txt'), '  \n')
    writeFileSync(join(b, 'nanan-2023-08-01-p3.txt'), '一整版\n正文。\n')
    const given = snapshot(b)
    const p = planImport({ archiveDir: dir, inputs: [b], paper: 'nanan', paperName: '南岸报' })
    expect(p.report.ok).toBe(false)
    const messages = p.report.problems.map((x) => x.message).join('\n')
    expect(messages).toContain(`${join(b, '20230801-01-02.txt')} is missing`)
    expect(messages).toMatch(/add it, or renumber/)
    expect(messages).toMatch(/20230801-02-02\.txt and .*20230801-02-2\.txt: both are article 2/)
    expect(messages).toMatch(/20230801-02-03\.txt: has no text; remove it/)
    expect(messages).toMatch(/nanan-2023-08-01-p3\.txt: not named YYYYMMDD-PP-NN\.txt.*move it out/)
    expect(() => commitImport(p)).toThrow(/nothing was imported/)
    p.cleanup?.()
    expect(snapshot(dir)).toEqual(before)
    expect(snapshot(b)).toEqual(given)
  })

  it('works from the in-app import too: the form names the joined pages, and no scratch file is left', () => {
    const { dir: bundled, work } = scratchArchive()
    const libraryDir = join(work, 'library')
    const job = {
      libraryDir,
      other: { label: 'the bundled archive', dir: bundled, indexPaths: [] },
      inputs: [FOLDER],
      today: '2026-11-21',
    }
    // Picked without a paper: each joined page asks for one, named by its article files.
    const first = planLibraryImport({ ...job, overrides: [] })
    expect(first.report.ok).toBe(false)
    const names = first.report.files.map((f) => f.file)
    expect(names).toEqual([
      'per-article/20230801-01-01.txt … 20230801-01-03.txt (3 article file(s), joined)',
      'per-article/20230801-02-01.txt … 20230801-02-02.txt (2 article file(s), joined)',
    ])
    expect(first.report.files.map((f) => f.articles)).toEqual([3, 2])
    first.plan.cleanup?.()
    // The form's answer, keyed by those names, as the renderer sends it.
    const planned = planLibraryImport({
      ...job,
      overrides: names.map((file) => ({ file, paper: 'nanan', paperName: '南岸报' })),
    })
    expect(planned.report.ok, JSON.stringify(planned.report.problems)).toBe(true)
    const scratch = planned.plan.pages.map((x) => x.from)
    commitLibraryImport(planned)
    for (const f of scratch) expect(existsSync(f)).toBe(false)
    const s = ArchiveService.open({ archiveDir: libraryDir })
    expect(s.getIssueSync(ID).pages.map((p) => p.articles.length)).toEqual([3, 2])
  })
})
