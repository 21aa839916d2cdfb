// An issue removed and added again (a re-import) keeps its corrections: corrections.json is not
// touched by remove or add, so the re-added issue's articles, and its index entries built in the
// import's own transaction, are the corrected ones; an entry whose text the new page no longer
// has is reported stale by its id, and one whose text moved is re-anchored.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IssueView, SearchResponse } from '../../src/shared/types'
import { runCli as cli, scratchArchive } from '../support/cli'
import { SEEDS } from '../helpers'

const X = 'xinyu-2022-07-15'
const X_PAGE = join(SEEDS, '004_3bd1574cd96f990f.txt')
const FIND = '遴选及资助'
const FIXED = '遴选和资助'

function hits(dir: string, q: string): string[] {
  const r = JSON.parse(cli(dir, ['--json', 'search', q]).out) as SearchResponse
  return r.hits.map((h) => h.articleId)
}
function articleText(dir: string, id: string): string {
  const v = JSON.parse(cli(dir, ['--json', 'show', X]).out) as IssueView
  return v.pages.flatMap((p) => p.articles).find((a) => a.id === id)?.text ?? ''
}

function corrected(): { dir: string; work: string } {
  const a = scratchArchive({ indexed: true })
  const f = cli(a.dir, ['edit', 'fix-text', `${X}/p1/a4`, '--find', FIND, '--replace', FIXED])
  expect(f.code, f.err).toBe(0)
  expect(hits(a.dir, FIXED)).toEqual([`${X}/p1/a4`])
  const r = cli(a.dir, ['remove', X])
  expect(r.code, r.err).toBe(0)
  expect(hits(a.dir, FIXED)).toEqual([])
  return a
}

function readd(dir: string, page: string): ReturnType<typeof cli> {
  return cli(dir, readdArgs(page))
}

describe('re-adding an issue keeps its corrections', () => {
  it('the same page again: the correction applies and the import’s index has it', () => {
    const { dir } = corrected()
    const add = readd(dir, X_PAGE)
    expect(add.code, add.err).toBe(0)
    expect(add.out).toMatch(/1 correction\(s\) of the re-added issue\(s\) apply/)
    expect(articleText(dir, `${X}/p1/a4`)).toContain(FIXED)
    // Searched at once, without an index rebuild: the import staged the corrected documents.
    expect(hits(dir, FIXED)).toEqual([`${X}/p1/a4`])
    // The text as printed stays searchable.
    expect(hits(dir, FIND)).toEqual([`${X}/p1/a4`])
    const log = readFileSync(join(dir, 'archive.log'), 'utf8').trim().split('\n')
    const entry = JSON.parse(log[log.length - 1] as string) as {
      op: string
      corrections: { id: string; status: string }[]
    }
    expect(entry.op).toBe('import')
    expect(entry.corrections).toEqual([{ id: expect.any(String) as string, status: 'applied' }])
    expect(cli(dir, ['verify']).code).toBe(0)
  })

  it('a page whose text moved: re-anchored; one without the text: stale by name', () => {
    const { dir, work } = corrected()
    const text = readFileSync(X_PAGE, 'utf8')
    const moved = join(work, 'moved.txt')
    // A line at the top shifts every offset; the corrected words are still on the page.
    writeFileSync(moved, text.replace(/\n/, '\n补充说明一行。\n'))
    const add = cli(dir, ['--json', ...readdArgs(moved)])
    expect(add.code, add.err).toBe(0)
    const imported = (
      JSON.parse(add.out) as {
        imported: { corrections: { issue: string; id: string; status: string }[] }
      }
    ).imported
    expect(imported.corrections).toMatchObject([{ issue: X, status: 'reanchored' }])
    expect(hits(dir, FIXED)).toHaveLength(1)

    expect(cli(dir, ['remove', X]).code).toBe(0)
    const gone = join(work, 'gone.txt')
    writeFileSync(gone, text.replace(FIND, '遴选与资助'))
    const stale = readd(dir, gone)
    expect(stale.code, stale.err).toBe(0)
    const id = imported.corrections[0]?.id as string
    expect(stale.err).toContain(`correction "${id}" of ${X} is stale`)
    expect(stale.err).toMatch(/corrections list/)
    expect(hits(dir, FIXED)).toEqual([])
    // Still in corrections.json: a later page with the text would take it again.
    expect(readFileSync(join(dir, 'corrections.json'), 'utf8')).toContain(id)
  })
})

function readdArgs(page: string): string[] {
  return ['add', page, '--paper', 'xinyu', '--date', '2022-07-15', '--page', '1', '--yes']
}
