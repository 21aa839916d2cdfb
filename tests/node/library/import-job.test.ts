// The in-app import into the user's library beside the bundled archive: planning with the
// form's overrides (clashes with the bundled archive refused), committing, removing.
// The composite archive that shows both as one is in composite-archive.test.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../src/node/archive-service'
import { ImportCancelled } from '../../../src/node/import/plan'
import {
  displayRoot,
  planLibraryImport,
  removeLibraryIssue,
} from '../../../src/node/library/import-job'
import { libraryExists, LIBRARY_TITLE } from '../../../src/node/library/user-library'
import { verifyArchive } from '../../../src/node/verify'
import { SEED_FILES, SEEDS } from '../../helpers'
import { pageText } from '../../support/batch'
import { importMixed, mixedBatch, pageOf, world } from '../../support/library-world'
import { snapshot } from '../../support/snapshot'

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
