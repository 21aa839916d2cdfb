// Archive folders and import folders that came from elsewhere, crafted to reach outside
// themselves: a transaction journal naming `../` and absolute paths, a manifest listing a link, an
// absolute path and `../..`, links in place of an archive's own files. Each attack fails safely:
// the change is refused with a clear message, and nothing in the folder around the archive (a
// "victim" file beside it, a "home" folder) is touched — proved by hashing the whole surrounding
// folder, every file with its bytes, inode and mtime, before and after.
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { exportArchive } from '../../src/node/export-archive'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { recoverLibrary } from '../../src/node/library/user-library'
import { removeIssue } from '../../src/node/remove-issue'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { JOURNAL_FILE, JournalError } from '../../src/node/write/journal'
import { recoverArchive } from '../../src/node/write/recover'
import { notIndex, SEEDS, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'
import { treeState } from '../support/tree'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

const TODAY = '2026-11-21'

interface Scene {
  root: string
  archive: string
  batch: string
  victim: string
  home: string
}

/** root/{archive (indexed seed copy), batch (one new issue), victim/precious.txt, home/.bashrc} */
function scene(): Scene {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const root = t.dir
  const archive = join(root, 'archive')
  cpSync(SEEDS, archive, { recursive: true, filter: notIndex })
  ArchiveService.open({ archiveDir: archive })
  const batch = join(root, 'batch')
  writeBatch(batch, { issues: 1, pagesPerIssue: 1, chars: 600, firstDate: '2016-04-01' })
  const victim = join(root, 'victim')
  mkdirSync(victim)
  writeFileSync(join(victim, 'precious.txt'), '珍贵的文件')
  const home = join(root, 'home')
  mkdirSync(home)
  writeFileSync(join(home, '.bashrc'), 'export PATH=/usr/bin\n')
  return { root, archive, batch, victim, home }
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
/** A journal entry as this program writes it: a name and the sha256 of the file's bytes. */
const ref = (name: string, bytes = ''): { name: string; sha256: string } => ({
  name,
  sha256: sha(bytes),
})

function catalogSha(archive: string): string {
  return sha(readFileSync(join(archive, 'catalog.json'), 'utf8'))
}

function writeJournal(archive: string, fields: Record<string, unknown>): void {
  writeFileSync(
    join(archive, JOURNAL_FILE),
    JSON.stringify({
      txn: '20260101T000000-deadbeef',
      op: 'import',
      pid: 999_999_999,
      started: '2026-01-01T00:00:00.000Z',
      catalogAfter: '0'.repeat(64),
      create: [],
      delete: [],
      log: { op: 'import', txn: '20260101T000000-deadbeef' },
      ...fields,
    }),
  )
}

/** Runs every writer that recovers a journal; each must refuse and leave everything as it was. */
function expectEveryWriterRefuses(s: Scene, why: RegExp): void {
  const before = treeState(s.root)
  const journal = readFileSync(join(s.archive, JOURNAL_FILE))
  const plan = planImport({ archiveDir: s.archive, inputs: [s.batch], today: TODAY })
  expect(plan.report.ok).toBe(false)
  expect(plan.report.problems.find((p) => p.code === 'journal')?.message).toMatch(why)
  expect(() => removeIssue({ archiveDir: s.archive, issueId: 'jiangbei-2023-07-13' })).toThrow(
    JournalError,
  )
  expect(() => repairArchive(s.archive)).toThrow(why)
  expect(() => recoverArchive(s.archive)).toThrow(/left in place/)
  expect(recoverLibrary(s.archive)).toBeUndefined()
  const v = verifyArchive(s.archive)
  expect(v.ok).toBe(false)
  expect(v.errors.join('\n')).toMatch(why)
  // Not a byte changed anywhere around the archive, and the journal is still there to look at.
  expect(treeState(s.root)).toEqual(before)
  expect(readFileSync(join(s.archive, JOURNAL_FILE))).toEqual(journal)
}

describe('a crafted transaction journal (.archive-txn.json)', () => {
  it('an uncommitted one naming ../victim/precious.txt to undo: refused, nothing deleted', () => {
    const s = scene()
    writeJournal(s.archive, { create: [ref('../victim/precious.txt')] })
    expectEveryWriterRefuses(s, /create\.0\.name: "\.\.\/victim\/precious\.txt" is a path/)
  })

  it('an uncommitted one naming an absolute path: refused', () => {
    const s = scene()
    writeJournal(s.archive, { create: [ref(join(s.victim, 'precious.txt'))] })
    expectEveryWriterRefuses(s, /create\.0\.name: .* is a path, not a bare file name/)
  })

  it('a committed one deleting ../victim/precious.txt: refused', () => {
    const s = scene()
    writeJournal(s.archive, {
      op: 'remove',
      catalogAfter: catalogSha(s.archive),
      delete: [ref('../victim/precious.txt')],
    })
    expectEveryWriterRefuses(s, /delete\.0\.name: .* is a path/)
  })

  it('a committed one installing its "staged index" over ~/.bashrc by absolute path: refused', () => {
    const s = scene()
    writeFileSync(join(s.victim, 'evil'), 'rm -rf ~\n')
    writeJournal(s.archive, {
      catalogAfter: catalogSha(s.archive),
      stagedIndex: join(s.victim, 'evil'),
      indexPath: join(s.home, '.bashrc'),
    })
    expectEveryWriterRefuses(s, /names the index ".*\.bashrc", which is not this archive's index/)
  })

  it('one naming a staged index that is not its own: refused', () => {
    const s = scene()
    writeJournal(s.archive, {
      stagedIndex: join(s.archive, 'catalog.json'),
      indexPath: join(s.archive, 'index.bin'),
    })
    expectEveryWriterRefuses(s, /not the name its transaction stages/)
  })

  it('one naming the archive’s own catalog, a hidden file or a link to undo: refused', () => {
    for (const [create, why] of [
      [['catalog.json'], /not a \.txt file/],
      [['.archive.lock.txt'], /a hidden name/],
      [['a\u0000.txt'], /control characters/],
      [['C:evil.txt'], /a colon/],
    ] as const) {
      const s = scene()
      writeJournal(s.archive, { create: create.map((n) => ref(n)) })
      expectEveryWriterRefuses(s, why)
    }
    // A page-named link inside the archive pointing out of it.
    const s = scene()
    symlinkSync(join(s.victim, 'precious.txt'), join(s.archive, 'evil-p1.txt'))
    writeJournal(s.archive, { create: [ref('evil-p1.txt')] })
    const before = treeState(s.root)
    expect(() => repairArchive(s.archive)).toThrow(/evil-p1\.txt: refused: it is a symbolic link/)
    expect(treeState(s.root)).toEqual(before)
    expect(existsSync(join(s.archive, 'evil-p1.txt'))).toBe(true)
  })

  it('one that is not JSON, or a link itself: refused and left in place', () => {
    const s = scene()
    writeFileSync(join(s.archive, JOURNAL_FILE), '{ "txn": ')
    expectEveryWriterRefuses(s, /cannot be read as JSON/)
    const t = scene()
    writeFileSync(join(t.victim, 'journal.json'), '{}')
    symlinkSync(join(t.victim, 'journal.json'), join(t.archive, JOURNAL_FILE))
    expectEveryWriterRefuses(t, /symbolic link/)
  })

  it('a well-formed journal of a killed import is still recovered (the rule refuses only what breaks it)', () => {
    const s = scene()
    writeFileSync(join(s.archive, 'jiangbei-2016-04-01-p1.txt'), '半个文件')
    writeFileSync(join(s.archive, '.index.bin.20260101T000000-deadbeef.staged'), 'x')
    writeJournal(s.archive, {
      create: [ref('jiangbei-2016-04-01-p1.txt', '半个文件')],
      stagesIndex: true,
    })
    const r = repairArchive(s.archive)
    expect(r.outcome).toBe('rolled-back')
    expect(
      readdirSync(s.archive).filter((n) => n.includes('2016') || n.endsWith('.staged')),
    ).toEqual([])
    expect(readFileSync(join(s.victim, 'precious.txt'), 'utf8')).toBe('珍贵的文件')
  })

  it('one naming another file of the archive folder (a librarian’s notes.txt) to undo or delete: it stays', () => {
    for (const committed of [false, true]) {
      const s = scene()
      writeFileSync(join(s.archive, 'notes.txt'), '馆员的笔记，不在目录里')
      // The crafted journal cannot know the note's bytes; it names the file with a guess.
      const entry = [ref('notes.txt', 'a guess')]
      writeJournal(
        s.archive,
        committed
          ? { op: 'remove', catalogAfter: catalogSha(s.archive), delete: entry }
          : { create: entry },
      )
      const r = repairArchive(s.archive)
      expect(r.outcome).toBe(committed ? 'completed' : 'rolled-back')
      expect(r.actions.join('\n')).toMatch(/left notes\.txt in place: its content is not the file/)
      expect(readFileSync(join(s.archive, 'notes.txt'), 'utf8')).toBe('馆员的笔记，不在目录里')
    }
  })

  it('a journal of an earlier version (bare names without hashes): refused, nothing deleted', () => {
    const s = scene()
    writeFileSync(join(s.archive, 'notes.txt'), '笔记')
    writeJournal(s.archive, { create: ['notes.txt'] })
    expectEveryWriterRefuses(s, /create\.0: .*expected object/)
    expect(existsSync(join(s.archive, 'notes.txt'))).toBe(true)
  })
})

describe('a crafted manifest.json in an import folder', () => {
  function manifest(batch: string, files: string[]): void {
    writeFileSync(
      join(batch, 'manifest.json'),
      JSON.stringify({
        format: 'archive-reader/import-manifest',
        version: 1,
        issues: files.map((file, k) => ({
          paper: 'jiangbei',
          date: `2016-05-0${k + 1}`,
          pages: [{ file, number: 1 }],
        })),
      }),
    )
  }

  it('an entry naming a link to a file outside (passwd.txt -> victim): refused, the report agrees, nothing imported', () => {
    const s = scene()
    symlinkSync(join(s.victim, 'precious.txt'), join(s.batch, 'passwd.txt'))
    manifest(s.batch, ['passwd.txt'])
    const before = treeState(s.root)
    const p = planImport({ archiveDir: s.archive, inputs: [s.batch], today: TODAY })
    expect(p.report.ok).toBe(false)
    const messages = p.report.problems.map((x) => x.message).join('\n')
    expect(messages).toMatch(/lists .*passwd\.txt, which is a symbolic link .*; refused/)
    // The report shows the link as skipped by the scan and refused by the manifest — never read.
    expect(p.report.files.some((f) => f.file.includes('passwd'))).toBe(false)
    expect(p.pages.some((x) => x.from.includes('passwd'))).toBe(false)
    expect(() => commitImport(p)).toThrow(/nothing was imported/)
    expect(treeState(s.root)).toEqual(before)
  })

  it('entries naming an absolute path or ../../: the manifest is refused', () => {
    for (const entry of [
      (s: Scene) => join(s.victim, 'precious.txt'),
      () => '../../victim/precious.txt',
      () => '..',
    ]) {
      const s = scene()
      manifest(s.batch, [entry(s)])
      const before = treeState(s.root)
      const p = planImport({ archiveDir: s.archive, inputs: [s.batch], today: TODAY })
      expect(p.report.ok).toBe(false)
      expect(p.report.problems.map((x) => x.message).join('\n')).toMatch(
        /not a valid import manifest: issues\.0\.pages\.0\.file: .*(is a path|names a folder)/,
      )
      expect(p.report.files.some((f) => f.file.includes('precious'))).toBe(false)
      expect(treeState(s.root)).toEqual(before)
    }
  })

  it('a manifest.json or a sidecar that is a link: refused, never read', () => {
    const s = scene()
    writeFileSync(join(s.victim, 'secret.json'), '{"root:x:0:0": 1}')
    symlinkSync(join(s.victim, 'secret.json'), join(s.batch, 'manifest.json'))
    const p = planImport({ archiveDir: s.archive, inputs: [s.batch], today: TODAY })
    const messages = p.report.problems.map((x) => x.message).join('\n')
    expect(messages).toMatch(/manifest\.json: refused: it is a symbolic link/)
    expect(messages).not.toMatch(/root:x/)
    const t = scene()
    symlinkSync(join(s.victim, 'secret.json'), join(t.batch, 'jiangbei-2016-04-01-p1.meta.json'))
    const q = planImport({ archiveDir: t.archive, inputs: [t.batch], today: TODAY })
    const fileMessages = q.report.files.flatMap((f) => f.problems.map((x) => x.message)).join('\n')
    expect(fileMessages).toMatch(/meta\.json: refused: it is a symbolic link/)
    expect(fileMessages).not.toMatch(/root:x/)
  })
})

describe('links in place of an archive’s own files', () => {
  it('a page file that links outside is never read: not shown, not exported, verify says so', () => {
    const s = scene()
    const catalog = JSON.parse(readFileSync(join(s.archive, 'catalog.json'), 'utf8')) as {
      issues: { id: string; pages: { source: string }[] }[]
    }
    const issue = catalog.issues[0]!
    const page = join(s.archive, issue.pages[0]!.source)
    cpSync(page, join(s.victim, 'page-copy.txt'))
    // The link points at a copy with the same bytes, so only the link itself can be the reason.
    rmSync(page)
    symlinkSync(join(s.victim, 'page-copy.txt'), page)
    const service = ArchiveService.open({ archiveDir: s.archive })
    expect(() => service.getIssueSync(issue.id)).toThrow(/refused: it is a symbolic link/)
    expect(verifyArchive(s.archive).errors.join('\n')).toMatch(/refused: it is a symbolic link/)
    expect(() => exportArchive({ archiveDir: s.archive, target: join(s.root, 'out') })).toThrow(
      /symbolic link/,
    )
  })

  it('archive.log linked to ~/.bashrc: an add never appends to it', () => {
    const s = scene()
    const log = join(s.archive, 'archive.log')
    rmSync(log, { force: true })
    symlinkSync(join(s.home, '.bashrc'), log)
    const before = treeState(s.root)
    const p = planImport({ archiveDir: s.archive, inputs: [s.batch], today: TODAY })
    expect(p.report.ok).toBe(true)
    expect(() => commitImport(p)).toThrow(/archive\.log: refused: it is a symbolic link/)
    // Refused before anything was written: the archive too is as it was.
    expect(treeState(s.root)).toEqual(before)
  })

  it('catalog.json and index.bin linked outside: never read, never written through', () => {
    const s = scene()
    rmSync(join(s.archive, 'index.bin'))
    writeFileSync(join(s.victim, 'index.bin'), 'not an index')
    symlinkSync(join(s.victim, 'index.bin'), join(s.archive, 'index.bin'))
    const victimBefore = treeState(s.victim)
    const logs: string[] = []
    const service = ArchiveService.open({ archiveDir: s.archive, log: (m) => logs.push(m) })
    expect(logs.join('\n')).toMatch(/refused: it is a symbolic link/)
    expect(service.openResult.written).toBe(true)
    expect(treeState(s.victim)).toEqual(victimBefore)

    const t = scene()
    cpSync(join(t.archive, 'catalog.json'), join(t.victim, 'catalog.json'))
    rmSync(join(t.archive, 'catalog.json'))
    symlinkSync(join(t.victim, 'catalog.json'), join(t.archive, 'catalog.json'))
    const before = treeState(t.victim)
    expect(() => removeIssue({ archiveDir: t.archive, issueId: 'jiangbei-2023-07-13' })).toThrow(
      /catalog\.json: refused: it is a symbolic link/,
    )
    expect(treeState(t.victim)).toEqual(before)
  })
})
