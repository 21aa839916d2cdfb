import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLog } from '../../src/node/archive-log'
import { ArchiveService } from '../../src/node/archive-service'
import { exportArchive } from '../../src/node/export-archive'
import { removeIssue } from '../../src/node/remove-issue'
import { JOURNAL_FILE } from '../../src/node/write/journal'
import { LOCK_FILE } from '../../src/node/write/lock'
import { recoverArchive } from '../../src/node/write/recover'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { indexedArchiveSetup } from '../support/indexed-archive'
import { snapshot } from '../support/snapshot'
import { SEEDS } from '../helpers'

/** A copy of the seed archive with its index built, and an empty folder for batches. */
const setup = indexedArchiveSetup()

describe('remove', () => {
  it('removes an issue and its page files; the index shrinks without a rebuild; logged', () => {
    const { dir } = setup()
    const r = removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })
    expect(r.files).toEqual(['000_fc561b8f310ec55b.txt', '001_496bd8901b2cf08b.txt'])
    for (const f of r.files) expect(existsSync(join(dir, f))).toBe(false)
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult.index).toBe('loaded')
    expect(s.listIssuesSync().map((i) => i.id)).not.toContain('jiangbei-2023-07-13')
    expect(s.searchSync({ q: '发展和改革委员会' }).total).toBe(0)
    expect(s.searchSync({ q: '雷锋' }).total).toBeGreaterThan(0)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [] })
    expect(readLog(dir).entries).toEqual([
      expect.objectContaining({ op: 'remove', issue: 'jiangbei-2023-07-13', txn: r.txn }),
    ])
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('refuses an unknown issue and changes nothing', () => {
    const { dir } = setup()
    const before = snapshot(dir)
    expect(() => removeIssue({ archiveDir: dir, issueId: 'jiangbei-1999-01-01' })).toThrow(
      /no issue "jiangbei-1999-01-01".*did you mean jiangbei-2023-07-13/,
    )
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses while another change holds the lock', () => {
    const { dir } = setup()
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        op: 'import',
        started: 'now',
      }),
    )
    expect(() => removeIssue({ archiveDir: dir, issueId: 'xinyu-2022-07-15' })).toThrow(
      /another change is in progress \(import by process/,
    )
  })
})

describe('export', () => {
  it('writes a complete archive another library can open: catalog, pages, a current index, its own log', () => {
    const { dir, work } = setup()
    const source = snapshot(dir)
    const target = join(work, 'for-library')
    const r = exportArchive({ archiveDir: dir, target })
    expect(r).toMatchObject({ issues: 4, pages: 5 })
    expect(readdirSync(target).sort()).toEqual([
      '000_fc561b8f310ec55b.txt',
      '001_496bd8901b2cf08b.txt',
      '002_df9d847a2fa7b697.txt',
      '003_46eb04ff605228dd.txt',
      '004_3bd1574cd96f990f.txt',
      'archive.log',
      'catalog.json',
      'catalog.json.bak',
      'index.bin',
    ])
    expect(verifyArchive(target)).toMatchObject({ ok: true, errors: [], warnings: [] })
    const s = ArchiveService.open({ archiveDir: target })
    expect(s.openResult.index).toBe('loaded')
    expect(s.searchSync({ q: '中环万象城' }).total).toBe(1)
    expect(readLog(target).entries).toEqual([
      expect.objectContaining({ op: 'export', from: dir, txn: r.txn }),
    ])
    // The source is only read: no log line, no lock, nothing else.
    expect(snapshot(dir)).toEqual(source)
  })

  it('exports from the bundled seeds/ without writing a byte there (they are read-only)', () => {
    const { work } = setup()
    const before = snapshot(SEEDS)
    const target = join(work, 'from-seeds')
    expect(exportArchive({ archiveDir: SEEDS, target, papers: ['jiangbei'] })).toMatchObject({
      issues: 1,
    })
    expect(snapshot(SEEDS)).toEqual(before)
    expect(verifyArchive(target)).toMatchObject({ ok: true, errors: [] })
  })

  it('exports a selection, and refuses a non-empty target, a target inside the archive or an empty selection', () => {
    const { dir, work } = setup()
    const target = join(work, 'jiangbei-only')
    mkdirSync(target)
    expect(exportArchive({ archiveDir: dir, target, papers: ['jiangbei'] })).toMatchObject({
      issues: 1,
      pages: 2,
    })
    const c = JSON.parse(readFileSync(join(target, 'catalog.json'), 'utf8'))
    expect(c.papers.map((p: { slug: string }) => p.slug)).toEqual(['jiangbei'])
    expect(() => exportArchive({ archiveDir: dir, target })).toThrow(/is not empty/)
    expect(() => exportArchive({ archiveDir: dir, target: join(dir, 'sub') })).toThrow(
      /inside the archive/,
    )
    expect(() =>
      exportArchive({ archiveDir: dir, target: join(work, 'none'), from: '2030-01-01' }),
    ).toThrow(/no issue matches/)
    expect(existsSync(join(work, 'none'))).toBe(false)
    expect(readdirSync(work).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('two exports to one target: the second is refused cleanly (busy), not an ENOTEMPTY stack', () => {
    const { dir, work } = setup()
    const target = join(work, 'out')
    // Another export to the same target is running (a live process holds the target's lock).
    mkdirSync(target)
    const lock = JSON.stringify({
      pid: process.ppid,
      host: hostname(),
      op: 'export',
      started: 'now',
    })
    writeFileSync(join(target, LOCK_FILE), lock)
    expect(() => exportArchive({ archiveDir: dir, target })).toThrow(
      /out: archive busy: another change is in progress \(export by process \d+/,
    )
    expect(readdirSync(target)).toEqual([LOCK_FILE])
  })

  it('undoes what a killed export left in the target (its journal, its pages), on the next run', () => {
    const { dir, work } = setup()
    const target = join(work, 'out')
    // What an export killed half-way leaves: its lock (a dead pid), its journal and one page.
    const page = '000_fc561b8f310ec55b.txt'
    const bytes = readFileSync(join(dir, page))
    mkdirSync(target)
    writeFileSync(join(target, page), bytes)
    writeFileSync(
      join(target, LOCK_FILE),
      JSON.stringify({ pid: 999_999_999, host: hostname(), op: 'export', started: 'then' }),
    )
    writeFileSync(
      join(target, JOURNAL_FILE),
      JSON.stringify({
        txn: 'killed-1',
        op: 'export',
        pid: 999_999_999,
        started: 'then',
        catalogAfter: '0'.repeat(64),
        create: [{ name: page, sha256: createHash('sha256').update(bytes).digest('hex') }],
        delete: [],
        stagesIndex: true,
        log: {},
      }),
    )
    const r = exportArchive({ archiveDir: dir, target, papers: ['xinyu'] })
    expect(r.recovery).toMatchObject({ txn: 'killed-1', outcome: 'rolled-back' })
    // The killed export's page (not among xinyu's) is gone; the new export is whole.
    expect(existsSync(join(target, page))).toBe(false)
    expect(verifyArchive(target)).toMatchObject({ ok: true, warnings: [] })
    expect(readdirSync(work)).toEqual(['out'])
  })

  it('refuses a target holding another change’s journal, or an archive', () => {
    const { dir, work } = setup()
    const target = join(work, 'other')
    mkdirSync(target)
    writeFileSync(join(target, JOURNAL_FILE), JSON.stringify({ op: 'import' }))
    expect(() => exportArchive({ archiveDir: dir, target })).toThrow(/is not empty/)
    expect(readdirSync(target)).toEqual([JOURNAL_FILE])
    const copy = join(work, 'copy')
    exportArchive({ archiveDir: dir, target: copy })
    const before = snapshot(copy)
    expect(() => exportArchive({ archiveDir: dir, target: copy })).toThrow(/is not empty/)
    expect(snapshot(copy)).toEqual(before)
  })

  it('refuses to export a damaged page, leaving no target behind', () => {
    const { dir, work } = setup()
    const page = join(dir, '004_3bd1574cd96f990f.txt')
    chmodSync(page, 0o644)
    writeFileSync(page, readFileSync(page, 'utf8') + '。')
    expect(() => exportArchive({ archiveDir: dir, target: join(work, 'x') })).toThrow(
      /004_3bd1574cd96f990f\.txt changed since it was catalogued/,
    )
    expect(readdirSync(work)).toEqual([])
  })
})

describe('leftovers of a killed change', () => {
  it('are reported by verify (which still passes) and cleaned by repair', () => {
    const { dir } = setup()
    const before = snapshot(dir)
    // What an import killed after copying one page leaves: its lock, journal, page and a temp file.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        pid: 999_999_999,
        host: hostname(),
        op: 'import',
        started: 'then',
      }),
    )
    writeFileSync(
      join(dir, JOURNAL_FILE),
      JSON.stringify({
        txn: 't1',
        op: 'import',
        pid: 999_999_999,
        started: 'then',
        catalogAfter: '0'.repeat(64),
        create: [
          {
            name: 'jiangbei-2024-01-01-p1.txt',
            sha256: createHash('sha256').update('半个文件').digest('hex'),
          },
        ],
        delete: [],
        stagedIndex: join(dir, '.index.bin.t1.staged'),
        indexPath: join(dir, 'index.bin'),
        log: { op: 'import', txn: 't1' },
      }),
    )
    writeFileSync(join(dir, 'jiangbei-2024-01-01-p1.txt'), '半个文件')
    writeFileSync(join(dir, '.index.bin.t1.staged'), 'x')
    writeFileSync(join(dir, '.catalog.json.999999999.1.tmp'), '{')
    const v = verifyArchive(dir)
    expect(v.ok).toBe(true)
    expect(v.warnings.join('\n')).toMatch(/interrupted import \(t1/)
    expect(v.warnings.join('\n')).toMatch(/lock of a import that was killed/)
    expect(v.warnings.join('\n')).toMatch(
      /jiangbei-2024-01-01-p1\.txt: not in the catalog \(left by the interrupted change/,
    )
    expect(v.warnings.join('\n')).toMatch(/temp file of a killed writer/)
    const repaired = repairArchive(dir)
    expect(repaired).toMatchObject({ txn: 't1', outcome: 'rolled-back' })
    expect(snapshot(dir)).toEqual(before)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [] })
    expect(recoverArchive(dir).actions).toEqual([])
  })
})
