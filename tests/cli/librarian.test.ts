import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { run } from '../../src/cli/main'
import type { Io } from '../../src/cli/librarian'
import type { ImportReport } from '../../src/shared/archive/import-report'
import { ArchiveService } from '../../src/node/archive-service'
import { FIXTURES, tempArchive, tempDir } from '../helpers'
import { snapshot } from '../support/snapshot'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})
function setup(): { dir: string; batch: string; work: string } {
  const a = tempArchive()
  const w = tempDir()
  cleanups.push(a.cleanup, w.cleanup)
  ArchiveService.open({ archiveDir: a.dir })
  const batch = join(w.dir, 'batch')
  cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
  return { dir: a.dir, batch, work: w.dir }
}

function cli(dir: string, args: string[], answer?: string) {
  let out = ''
  let err = ''
  const io: Io = {
    out: (s) => (out += s + '\n'),
    err: (s) => (err += s + '\n'),
    interactive: answer !== undefined,
    ask: () => answer,
  }
  const code = run(['--archive', dir, ...args], io.out, io.err, io)
  return { code, out, err }
}

describe('archive-reader add (batch import)', () => {
  it('prints the validation report; --dry-run imports nothing', () => {
    const { dir, batch } = setup()
    const before = snapshot(dir)
    const r = cli(dir, ['add', batch, '--dry-run'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/^Dry run: checked 6 file\(s\)/)
    expect(r.out).toMatch(/jiangbei-2024-05-06 {2}江北报 2024-05-06 {2}new issue · pages 1, 2/)
    expect(r.out).toMatch(/utf-8 · CRLF · BOM · 0\.4 KB · 1 article · markers （下转2版）→p2 ✓/)
    expect(r.out).toMatch(/paper yuzhong \(READ FROM THE TEXT: 渝中报 \(line 6\)\)/)
    expect(r.out).toMatch(/warning page-gap: pages 1, 2 missing/)
    expect(r.err).toMatch(/Checking 6\/6/)
    expect(r.err).toMatch(/Dry run: the batch passed; nothing was imported/)
    expect(snapshot(dir)).toEqual(before)
  })

  it('asks before using metadata read from the text: refuses without --yes when nobody can answer', () => {
    const { dir, batch } = setup()
    const before = snapshot(dir)
    const r = cli(dir, ['add', batch])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/run again with --yes to accept it/)
    expect(cli(dir, ['add', batch], 'n')).toMatchObject({ code: 1 })
    expect(snapshot(dir)).toEqual(before)
    const yes = cli(dir, ['add', batch], 'y')
    expect(yes.code, yes.err).toBe(0)
    expect(yes.out).toMatch(/Imported 6 page\(s\) into 4 issue\(s\).*Search index extended/)
  })

  it('--yes --json prints the report and what was imported', () => {
    const { dir, batch } = setup()
    const r = cli(dir, ['--json', 'add', batch, '--yes'])
    expect(r.code, r.err).toBe(0)
    const j = JSON.parse(r.out) as ImportReport & { imported: { txn: string; pages: number } }
    expect(j).toMatchObject({ ok: true, summary: { files: 6, issues: 4, newIssues: 4, errors: 0 } })
    expect(j.imported).toMatchObject({ pages: 6, index: 'extended' })
    expect(j.files.every((f) => f.sha256 && f.textHash && f.encoding)).toBe(true)
    expect(readFileSync(join(dir, 'archive.log'), 'utf8')).toContain(j.imported.txn)
  })

  it('refuses a batch with a broken file with exit 1, naming the file, and changes nothing', () => {
    const { dir, batch } = setup()
    cpSync(join(FIXTURES, 'encodings', 'broken.txt'), join(batch, 'broken.txt'))
    const before = snapshot(dir)
    const r = cli(dir, ['add', batch, '--yes', '--paper', 'jiangbei', '--date', '2024-05-01'])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/broken\.txt\n.*\n.*\n\s+error\s+decode: cannot tell the encoding/)
    expect(r.err).toMatch(/^Refused: \d+ error\(s\)/m)
    expect(snapshot(dir)).toEqual(before)
  })

  it('keeps the old one-issue form: add FILE... --paper --date --page', () => {
    const { dir, batch } = setup()
    // On its own (not beside the manifest that numbers it 1): --page says which page it is.
    const lone = join(batch, 'lone')
    mkdirSync(lone)
    copyFileSync(join(batch, 'spb-1.txt'), join(lone, 'spb-1.txt'))
    const r = cli(dir, [
      'add',
      join(lone, 'spb-1.txt'),
      '--paper',
      'jiangbei',
      '--date',
      '2023-07-13',
      '--page',
      '3',
      '--encoding',
      'gb18030',
    ])
    expect(r.code, r.out + r.err).toBe(0)
    expect(r.out).toMatch(/adds to an existing issue · pages 1, 2, 3/)
    expect(r.out).toMatch(/Search index rebuilt/)
  })
})

describe('archive-reader remove, export, verify --repair', () => {
  it('remove then export: the remove logged in the source, the export in the target', () => {
    const { dir, work } = setup()
    expect(cli(dir, ['remove', 'xinyu-2022-07-15']).out).toMatch(
      /Removed xinyu-2022-07-15 \(xinyu 2022-07-15\) and its page file\(s\) 004_3bd1574cd96f990f\.txt/,
    )
    expect(cli(dir, ['remove', 'xinyu-2022-07-15'])).toMatchObject({ code: 1 })
    const target = join(work, 'out')
    const e = cli(dir, ['export', target, '--paper', 'jiangbei', '--title', '江北报 2023'])
    expect(e.code, e.err).toBe(0)
    expect(e.out).toMatch(/Exported 1 issue\(s\), 2 page\(s\)/)
    expect(readdirSync(target)).toContain('index.bin')
    expect(cli(dir, ['export', target]).err).toMatch(/is not empty/)
    const ops = (d: string) =>
      readFileSync(join(d, 'archive.log'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).op)
    expect(ops(dir)).toEqual(['remove'])
    expect(ops(target)).toEqual(['export'])
    expect(cli(target, ['verify'])).toMatchObject({ code: 0 })
  })

  it('verify --repair --json reports what it repaired', () => {
    const { dir } = setup()
    const r = cli(dir, ['--json', 'verify', '--repair'])
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, repaired: [] })
  })
})
