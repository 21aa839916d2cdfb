// Pages too big to read stay out of the archive: a megabyte on one line, a page of a hundred
// thousand lines or articles are refused by `add` with what to do; big-but-possible pages warn.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../../../src/cli/main'
import { ArchiveService } from '../../../src/node/archive-service'
import { PAGE_LIMITS, pageSizeProblems } from '../../../src/shared/archive/page-check'
import { tempArchive } from '../../helpers'
import { LONG_LINE_ISSUE, MANY_LINES_ISSUE, writeBigArchive } from '../../support/big-archive'
import { snapshot } from '../../support/snapshot'

const scratch = mkdtempSync(join(tmpdir(), 'archive-page-size-'))
const big = writeBigArchive(join(scratch, 'big'))
const archive = tempArchive()
ArchiveService.open({ archiveDir: archive.dir })
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  archive.cleanup()
})

describe('pageSizeProblems', () => {
  it('says nothing about a newspaper-sized page', () => {
    expect(pageSizeProblems('标题\n\n正文。\n'.repeat(100), 100)).toEqual([])
  })

  it('warns, then refuses, a long line, naming the line and the limit', () => {
    const line = (n: number) => `标题\n${'字'.repeat(n)}\n`
    expect(pageSizeProblems(line(PAGE_LIMITS.lineWarnChars), 1)).toEqual([])
    expect(pageSizeProblems(line(PAGE_LIMITS.lineWarnChars + 1), 1)).toEqual([
      {
        level: 'warning',
        code: 'long-line',
        message: `line 2 is ${PAGE_LIMITS.lineWarnChars + 1} characters long: was the text extracted without line breaks? Export it again with its line breaks (it is imported, but reads slowly)`,
      },
    ])
    expect(pageSizeProblems(line(PAGE_LIMITS.lineMaxChars + 1), 1)).toEqual([
      {
        level: 'error',
        code: 'long-line',
        message: `line 2 is ${PAGE_LIMITS.lineMaxChars + 1} characters long (at most ${PAGE_LIMITS.lineMaxChars}): was the text extracted without line breaks? Export it again with its line breaks`,
      },
    ])
  })

  it('counts lines and articles against their limits', () => {
    const lines = (n: number) => '行\n'.repeat(n)
    expect(pageSizeProblems(lines(PAGE_LIMITS.linesWarn), 1)).toEqual([])
    expect(pageSizeProblems(lines(PAGE_LIMITS.linesWarn + 1), 1)[0]).toMatchObject({
      level: 'warning',
      code: 'too-many-lines',
    })
    expect(pageSizeProblems(lines(PAGE_LIMITS.linesMax + 1), 1)[0]).toMatchObject({
      level: 'error',
      message: `the page has ${PAGE_LIMITS.linesMax + 1} lines (at most ${PAGE_LIMITS.linesMax}): is this several pages in one file? Give one file per page`,
    })
    expect(pageSizeProblems('a', PAGE_LIMITS.articlesMax + 1)).toEqual([
      {
        level: 'error',
        code: 'too-many-articles',
        message: `${PAGE_LIMITS.articlesMax + 1} articles were found on the page (at most ${PAGE_LIMITS.articlesMax}): is this several pages in one file, or a list rather than a page? Give one file per page`,
      },
    ])
  })
})

describe('add refuses the hostile pages', () => {
  const add = (issue: string) => {
    const file = join(scratch, `${issue}.txt`)
    copyFileSync(join(big.dir, `${issue}-p1.txt`), file)
    let out = ''
    const code = run(
      [
        '--archive',
        archive.dir,
        'add',
        file,
        '--paper',
        'jiangbei',
        '--date',
        '2024-05-01',
        '--page',
        '1',
      ],
      (s) => (out += `${s}\n`),
      (s) => (out += `${s}\n`),
    )
    return { code, out }
  }

  it('a 1 MB single-line article and a 100,000-line page, archive unchanged', () => {
    const before = snapshot(archive.dir)
    const long = add(LONG_LINE_ISSUE)
    expect(long.code).toBe(1)
    expect(long.out).toMatch(/line 3 is 350000 characters long \(at most 20000\)/)
    const many = add(MANY_LINES_ISSUE)
    expect(many.code).toBe(1)
    expect(many.out).toMatch(/the page has 100000 lines \(at most 20000\)/)
    expect(snapshot(archive.dir)).toEqual(before)
  }, 120_000)
})
