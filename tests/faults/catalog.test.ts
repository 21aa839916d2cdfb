// A damaged catalog.json is detected and restored from catalog.json.bak (the catalog as last
// committed) with a message; the damaged bytes are kept aside, never deleted. Without a usable
// backup the error names the file and says what to do, and nothing is written.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveError } from '../../src/node/archive-dir'
import { ArchiveService } from '../../src/node/archive-service'
import { catalogHealth, restoreCatalog } from '../../src/node/catalog-recovery'
import { CATALOG_BACKUP, DAMAGED_PATTERN } from '../../src/node/catalog-store'
import { removeIssue } from '../../src/node/remove-issue'
import { LOCK_FILE } from '../../src/node/write/lock'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { tempArchive } from '../helpers'
import { mountSupport, readOnlyView } from '../support/mounts'
import { treeState } from '../support/tree'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.reverse()) c()
  cleanups = []
})

/** A copy of the seed archive after one committed change (so it has a backup and a log). */
function changedArchive(): { dir: string; committed: string } {
  const t = tempArchive()
  cleanups.push(t.cleanup)
  removeIssue({ archiveDir: t.dir, issueId: 'xinyu-2022-07-15' })
  return { dir: t.dir, committed: readFileSync(join(t.dir, 'catalog.json'), 'utf8') }
}

const catalogOf = (dir: string) => readFileSync(join(dir, 'catalog.json'), 'utf8')
const damagedFiles = (dir: string) => readdirSync(dir).filter((n) => DAMAGED_PATTERN.test(n))

describe('the backup', () => {
  it('is the catalog as last committed, after every change', () => {
    const { dir, committed } = changedArchive()
    expect(readFileSync(join(dir, CATALOG_BACKUP), 'utf8')).toBe(committed)
    removeIssue({ archiveDir: dir, issueId: 'yuzhong-2023-06-09' })
    expect(readFileSync(join(dir, CATALOG_BACKUP), 'utf8')).toBe(catalogOf(dir))
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
  })
})

/** Ways a catalog gets damaged, each with what `open` must say about it. */
const DAMAGE: [string, (file: string, good: string) => void, RegExp][] = [
  ['truncated to half', (f, g) => writeFileSync(f, g.slice(0, g.length >> 1)), /not valid JSON/],
  ['truncated to one byte', (f, g) => writeFileSync(f, g.slice(0, 1)), /not valid JSON/],
  ['emptied (0 bytes)', (f) => writeFileSync(f, ''), /not valid JSON/],
  ['overwritten with zeros', (f, g) => writeFileSync(f, Buffer.alloc(g.length)), /not valid JSON/],
  ['random bytes', (f) => writeFileSync(f, Buffer.from('8f3a00ffe1c2', 'hex')), /not valid JSON/],
  ['valid JSON, not a catalog', (f) => writeFileSync(f, '{"format":"x"}'), /format/],
  [
    'a sha256 damaged into non-hex',
    (f, g) => writeFileSync(f, g.replace(/"sha256": "[0-9a-f]/, '"sha256": "Z')),
    /sha256/,
  ],
  [
    'an impossible date',
    (f, g) => writeFileSync(f, g.replace(/"2023-07-13"/, '"2023-02-31"')),
    /date/,
  ],
  ['deleted', (f) => rmSync(f), /missing/],
  [
    'replaced by a folder',
    (f) => {
      rmSync(f)
      mkdirSync(f)
    },
    /it is a folder, not a file/,
  ],
]

describe('a damaged catalog with a good backup', () => {
  for (const [what, damage, reason] of DAMAGE) {
    it(`${what}: detected, restored with a message, the damaged bytes kept`, () => {
      const { dir, committed } = changedArchive()
      const file = join(dir, 'catalog.json')
      damage(file, committed)
      const damagedBytes = existsSync(file) && !what.includes('folder') ? readFileSync(file) : null
      expect(verifyArchive(dir).errors.join()).toMatch(/verify --repair/)
      const logs: string[] = []
      const service = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
      expect(logs[0]).toMatch(reason)
      expect(logs[0]).toMatch(/restored from catalog\.json\.bak/)
      expect(catalogOf(dir)).toBe(committed)
      const kept = damagedFiles(dir)
      if (damagedBytes) {
        expect(kept).toHaveLength(1)
        expect(readFileSync(join(dir, kept[0]!))).toEqual(damagedBytes)
        expect(logs[0]).toContain(kept[0])
      }
      // Nothing is lost: the archive reads and searches as it did.
      expect(service.listIssuesSync().map((i) => i.id)).not.toContain('xinyu-2022-07-15')
      expect(service.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
      // And it is quiet from now on (the kept file is reported by verify until removed).
      const again: string[] = []
      ArchiveService.open({ archiveDir: dir, log: (m) => again.push(m) })
      expect(again).toEqual([])
      const v = verifyArchive(dir)
      expect(v.errors).toEqual([])
      expect(v.warnings.join()).toMatch(what === 'deleted' ? /^$/ : /damaged catalog set aside/)
    })
  }

  it('verify --repair restores it too, and says so', () => {
    const { dir, committed } = changedArchive()
    writeFileSync(join(dir, 'catalog.json'), committed.slice(0, 100))
    const r = repairArchive(dir)
    expect(r.actions[0]).toMatch(/restored from catalog\.json\.bak/)
    expect(catalogOf(dir)).toBe(committed)
  })

  it('names the changes a stale backup lacks (the backup could not follow the last change)', () => {
    const { dir, committed } = changedArchive()
    removeIssue({ archiveDir: dir, issueId: 'yuzhong-2023-06-09' })
    // As if the backup write after the second change had failed (a full disk): one change old.
    writeFileSync(join(dir, CATALOG_BACKUP), committed)
    writeFileSync(join(dir, 'catalog.json'), '{')
    const logs: string[] = []
    ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(logs[0]).toMatch(
      /Changes logged after that copy are not in it: remove .*yuzhong-2023-06-09/,
    )
  })

  it('while another change holds the lock: read from the backup, nothing written', () => {
    const { dir, committed } = changedArchive()
    writeFileSync(join(dir, 'catalog.json'), '[]')
    const lock = {
      pid: process.pid,
      host: hostname(),
      op: 'import',
      started: new Date().toISOString(),
    }
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(lock))
    const before = treeState(dir)
    const logs: string[] = []
    const service = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(logs[0]).toMatch(/read from catalog\.json\.bak .* for this session/)
    expect(logs[0]).toMatch(/another change is in progress/)
    expect(service.catalog.issues).toHaveLength(JSON.parse(committed).issues.length)
    const after = treeState(dir)
    delete after['index.bin']
    delete before['index.bin']
    expect(after).toEqual(before)
  })
})

describe('a damaged catalog without a usable backup', () => {
  it('no backup (a hand-made archive): the error names the file and what to do; nothing written', () => {
    const t = tempArchive()
    cleanups.push(t.cleanup)
    writeFileSync(join(t.dir, 'catalog.json'), '{"format": "archive-reader/catalog", "ver')
    const before = treeState(t.dir)
    expect(() => ArchiveService.open({ archiveDir: t.dir })).toThrow(
      /catalog\.json: not valid JSON .*restore it from a backup/,
    )
    expect(() => restoreCatalog(t.dir)).toThrow(/does not exist; restore the archive folder/)
    expect(catalogHealth(t.dir).problem).toMatch(/no usable catalog\.json\.bak/)
    expect(treeState(t.dir)).toEqual(before)
  })

  it('the backup damaged too: both are named', () => {
    const { dir } = changedArchive()
    writeFileSync(join(dir, 'catalog.json'), '')
    writeFileSync(join(dir, CATALOG_BACKUP), '{"trunc')
    expect(() => ArchiveService.open({ archiveDir: dir })).toThrow(ArchiveError)
    expect(() => ArchiveService.open({ archiveDir: dir })).toThrow(
      /catalog\.json\.bak is damaged too/,
    )
  })
})

describe('a valid catalog that changed outside the tools', () => {
  it('is used as it is (hand edits are allowed) and verify points it out', () => {
    const { dir, committed } = changedArchive()
    writeFileSync(
      join(dir, 'catalog.json'),
      committed.replace('重庆区县报样本档案', '重庆区县报档案'),
    )
    const logs: string[] = []
    ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(logs.join()).not.toMatch(/restored/)
    const v = verifyArchive(dir)
    expect(v.ok).toBe(true)
    expect(v.warnings.join()).toMatch(
      /differs from the catalog the last change committed .*catalog\.json\.bak holds the committed one/,
    )
  })
})

const mounts = mountSupport()
describe.skipIf(!mounts.ok)('on a read-only disk (bind mount)', () => {
  it('a damaged catalog is read from the backup for the session, with a message; nothing written', () => {
    const { dir, committed } = changedArchive()
    writeFileSync(join(dir, 'catalog.json'), committed.slice(0, 10))
    const view = readOnlyView(dir)
    cleanups.push(view.cleanup)
    const before = treeState(dir)
    const logs: string[] = []
    const service = ArchiveService.open({ archiveDir: view.dir, log: (m) => logs.push(m) })
    expect(logs[0]).toMatch(/for this session/)
    expect(logs[0]).toMatch(/EROFS/)
    expect(service.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
    expect(treeState(dir)).toEqual(before)
  })
})
