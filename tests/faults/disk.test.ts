// A full disk and a read-only disk, for real: a size-limited tmpfs filled to the brim, and a
// read-only bind mount of an archive (root ignores permission bits, so chmod would prove
// nothing here). Changes are refused with a clear message and leave the archive byte-identical;
// reading keeps working (the index is kept in memory when it cannot be saved). Needs mount
// privileges; without them this file is skipped with the reason, and
// tests/faults/disk-injected.test.ts covers the same faults with an injected fs.
import { cpSync, mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveError } from '../../src/node/archive-dir'
import { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { exportArchive } from '../../src/node/export-archive'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { removeIssue } from '../../src/node/remove-issue'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { SEEDS, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'
import { mountSupport, readOnlyView, smallDisk } from '../support/mounts'
import type { Mount } from '../support/mounts'
import { treeState } from '../support/tree'

const support = mountSupport()
const FILLER = 'filler.bin'

let work: { dir: string; cleanup: () => void }
let batch: string

beforeAll(() => {
  if (!support.ok) return
  work = tempDir()
  batch = join(work.dir, 'batch')
  writeBatch(batch, {
    issues: 2,
    pagesPerIssue: 2,
    chars: 4000,
    encodings: ['utf-8', 'gb18030'],
    firstDate: '2015-03-01',
  })
})

afterAll(() => work?.cleanup())

/** Fills the disk of `dir` until `leave` bytes are free (tmpfs counts whole pages). */
function fill(dir: string, leave: number): void {
  rmSync(join(dir, FILLER), { force: true })
  const s = statfsSync(dir)
  const free = s.bavail * s.bsize
  writeFileSync(join(dir, FILLER), Buffer.alloc(Math.max(0, free - leave)))
}

const archiveState = (dir: string) => {
  const t = treeState(dir)
  delete t[FILLER]
  return t
}

function importBatch(dir: string): void {
  commitImport(planImport({ archiveDir: dir, inputs: [batch], today: '2025-01-01' }))
}

describe.skipIf(!support.ok)(`a full disk (tmpfs)${support.ok ? '' : `: ${support.why}`}`, () => {
  let disk: Mount
  let dir: string
  beforeAll(() => {
    disk = smallDisk(4 * 1024 * 1024)
    dir = join(disk.dir, 'archive')
    mkdirSync(dir)
    cpSync(SEEDS, dir, { recursive: true, filter: (s) => !s.endsWith(INDEX_FILE) })
    ArchiveService.open({ archiveDir: dir })
  })
  afterAll(() => disk?.cleanup())

  // An import writes its pages and one small segment of the index (not the whole index again,
  // since the index is segmented; its pages deflated since format v15, so that 128 KB is now
  // enough), so these are the levels below what it needs.
  for (const leave of [0, 4096, 16 * 1024, 48 * 1024, 64 * 1024]) {
    it(`an import with ${leave / 1024} KB free: refused clearly, the archive byte-identical`, () => {
      fill(dir, leave)
      const before = archiveState(dir)
      let error: unknown
      try {
        importBatch(dir)
      } catch (e) {
        error = e
      }
      expect(error, 'the import must fail').toBeInstanceOf(ArchiveError)
      expect((error as Error).message).toMatch(/the disk is full \(ENOSPC\)/)
      expect(archiveState(dir)).toEqual(before)
      expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
    })
  }

  it('with room again, the same import succeeds: nothing was lost on the way', () => {
    rmSync(join(dir, FILLER))
    importBatch(dir)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [] })
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.listIssuesSync().length).toBe(6)
  })

  it('a remove on a full disk is refused, the archive byte-identical', () => {
    fill(dir, 0)
    const before = archiveState(dir)
    expect(() => removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })).toThrow(
      /the disk is full \(ENOSPC\)/,
    )
    expect(archiveState(dir)).toEqual(before)
  })

  it('opening with no room for the index: searched from memory, said so, no temp file left', () => {
    rmSync(join(dir, FILLER))
    rmSync(join(dir, INDEX_FILE))
    fill(dir, 8192)
    const before = archiveState(dir)
    const logs: string[] = []
    const s = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(s.openResult).toMatchObject({ index: 'built', written: false })
    expect(logs.join('\n')).toMatch(/could not be saved .*ENOSPC.*kept in memory/)
    expect(s.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
    expect(archiveState(dir)).toEqual(before)
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe.skipIf(!support.ok)(
  `a read-only disk (bind mount)${support.ok ? '' : `: ${support.why}`}`,
  () => {
    let source: { dir: string; cleanup: () => void }
    let view: Mount
    beforeAll(() => {
      source = tempDir()
      cpSync(SEEDS, source.dir, { recursive: true, filter: (s) => !s.endsWith(INDEX_FILE) })
      view = readOnlyView(source.dir)
    })
    afterAll(() => {
      view?.cleanup()
      source?.cleanup()
    })

    it('reading works: the index is built in memory and the message says why it is not saved', () => {
      const logs: string[] = []
      const s = ArchiveService.open({ archiveDir: view.dir, log: (m) => logs.push(m) })
      expect(s.openResult.written).toBe(false)
      expect(logs.join('\n')).toMatch(/could not be saved .*EROFS.*kept in memory for this session/)
      expect(s.searchSync({ q: '雷锋' }).total).toBeGreaterThan(0)
    })

    it('import, remove and repair are refused with one clear sentence; nothing changes', () => {
      const before = treeState(source.dir)
      const expected =
        /cannot write to the archive folder: the disk is read-only \(EROFS\); nothing was changed/
      expect(() => importBatch(view.dir)).toThrow(expected)
      expect(() => removeIssue({ archiveDir: view.dir, issueId: 'jiangbei-2023-07-13' })).toThrow(
        expected,
      )
      expect(() => repairArchive(view.dir)).toThrow(expected)
      expect(treeState(source.dir)).toEqual(before)
    })

    it('an export from it to a writable folder works: the source is only read', () => {
      const before = treeState(source.dir)
      const target = join(work.dir, 'exported')
      const r = exportArchive({ archiveDir: view.dir, target })
      expect(r.issues).toBeGreaterThan(0)
      expect(verifyArchive(target)).toMatchObject({ ok: true, errors: [] })
      expect(treeState(source.dir)).toEqual(before)
    })
  },
)
