// The faults of tests/faults/disk.test.ts without mount privileges, and with a precision a real
// disk cannot give: node:fs is wrapped so that writes under the archive folder fail with ENOSPC
// once a byte budget is spent, or with EROFS. A sweep of budgets makes an import fail at every
// stage — journal, page copies, staged index, commit, the catalog backup, the log — and each
// time the archive is either exactly as before, or committed and made whole by `verify --repair`
// once there is room again. Every refusal is an ArchiveError with a clear message.
import * as realFs from 'node:fs'
import { cpSync, readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ArchiveError } from '../../src/node/archive-dir'
import { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { removeIssue } from '../../src/node/remove-issue'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { SEEDS, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'
import { treeState } from '../support/tree'

/** The injected fault: writes below `under` fail with `code` after `budget` bytes. */
const fault = { under: '', code: '', budget: Infinity, written: 0 }
/** Every write the fault layer let through: the file and the byte count before it. */
const writeLog: { path: string; at: number }[] = []
const fdPaths = new Map<number, string>()

function failing(path: unknown): boolean {
  return (
    fault.code !== '' &&
    typeof path === 'string' &&
    (resolve(path) + sep).startsWith(fault.under + sep)
  )
}

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  const e = new Error(
    `${code}: injected, ${syscall}${path ? ` '${path}'` : ''}`,
  ) as NodeJS.ErrnoException
  e.code = code
  e.syscall = syscall
  return e
}

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>()
  const writes = (flags: unknown) => typeof flags === 'string' && /[wax+]/.test(flags)
  return {
    ...fs,
    openSync: (path: string, flags?: string, mode?: number) => {
      if (failing(path) && fault.code === 'EROFS' && writes(flags))
        throw errno('EROFS', 'open', path)
      const fd = fs.openSync(path, flags ?? 'r', mode)
      fdPaths.set(fd, path)
      return fd
    },
    closeSync: (fd: number) => {
      fdPaths.delete(fd)
      return fs.closeSync(fd)
    },
    writeSync: (fd: number, data: Uint8Array | string, ...rest: unknown[]) => {
      const path = fdPaths.get(fd)
      if (failing(path)) {
        const length =
          typeof data === 'string'
            ? Buffer.byteLength(data)
            : typeof rest[1] === 'number'
              ? (rest[1] as number)
              : data.byteLength
        if (fault.code === 'EROFS') throw errno('EROFS', 'write', path)
        if (fault.written + length > fault.budget) throw errno('ENOSPC', 'write', path)
        writeLog.push({ path: path as string, at: fault.written })
        fault.written += length
      }
      return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest)
    },
    renameSync: (from: string, to: string) => {
      if (failing(to) && fault.code === 'EROFS') throw errno('EROFS', 'rename', to)
      return fs.renameSync(from, to)
    },
    mkdirSync: (path: string, options?: realFs.MakeDirectoryOptions) => {
      if (failing(path) && fault.code === 'EROFS' && !fs.existsSync(path))
        throw errno('EROFS', 'mkdir', path)
      return fs.mkdirSync(path, options)
    },
  }
})

let work: { dir: string; cleanup: () => void }
let base: string
let batch: string
let beforeCatalog: string
let afterCatalog: string
let importBytes = 0
const stages: { file: string; budget: number }[] = []

function fresh(name: string): string {
  const dir = join(work.dir, name)
  cpSync(base, dir, { recursive: true })
  return dir
}

function inject(dir: string, code: 'ENOSPC' | 'EROFS', budget = Infinity): void {
  Object.assign(fault, { under: resolve(dir), code, budget, written: 0 })
}

function clear(): void {
  Object.assign(fault, { under: '', code: '', budget: Infinity, written: 0 })
}

const importBatch = (dir: string) =>
  commitImport(planImport({ archiveDir: dir, inputs: [batch], today: '2025-01-01' }))

beforeAll(() => {
  work = tempDir()
  base = join(work.dir, 'base')
  cpSync(SEEDS, base, { recursive: true, filter: (s) => !s.endsWith(INDEX_FILE) })
  ArchiveService.open({ archiveDir: base })
  batch = join(work.dir, 'batch')
  writeBatch(batch, {
    issues: 2,
    pagesPerIssue: 2,
    chars: 3000,
    encodings: ['utf-8', 'big5'],
    firstDate: '2016-04-01',
  })
  beforeCatalog = readFileSync(join(base, 'catalog.json'), 'utf8')
  // A clean import, counting what it writes: the budgets below are fractions of it.
  const ref = fresh('reference')
  inject(ref, 'ENOSPC')
  writeLog.length = 0
  importBatch(ref)
  importBytes = fault.written
  // One budget per file the import writes, so that its first write is the one that fails:
  // the lock, the journal, each page, the staged index, the catalog, its backup, the log.
  const seen = new Set<string>()
  for (const w of writeLog) {
    // Temp and staged files are named for their target: `.catalog.json.PID.TIME.tmp`.
    const file = w.path
      .slice(ref.length + 1)
      .replace(/^\.(.+?)(\.\d+\.\d+\.tmp|\.[\w-]+\.staged)$/, '$1')
    if (!seen.has(file)) stages.push({ file, budget: w.at })
    seen.add(file)
  }
  clear()
  afterCatalog = readFileSync(join(ref, 'catalog.json'), 'utf8')
}, 60_000)

afterAll(() => work.cleanup())
beforeEach(() => clear())

describe('a disk that fills up during an import (injected ENOSPC)', () => {
  it('at every stage: refused with a clear ArchiveError; before the commit nothing changed, after it repair completes it', () => {
    expect(importBytes).toBeGreaterThan(10_000)
    const outcomes: string[] = []
    const STEPS = 8
    const budgets = [
      ...stages.map((s) => s.budget),
      ...Array.from({ length: STEPS }, (_, k) => Math.floor((importBytes * k) / STEPS)),
      importBytes - 1,
    ]
    expect(stages.map((s) => s.file)).toEqual(
      expect.arrayContaining([
        '.archive.lock',
        '.archive-txn.json',
        'catalog.json',
        'catalog.json.bak',
        'archive.log',
      ]),
    )
    for (const [k, budget] of budgets.entries()) {
      const dir = fresh(`enospc-${k}`)
      const before = treeState(dir)
      inject(dir, 'ENOSPC', budget)
      let error: unknown
      try {
        importBatch(dir)
      } catch (e) {
        error = e
      }
      clear()
      expect(error, `budget ${budget} of ${importBytes}: the import must fail`).toBeInstanceOf(
        ArchiveError,
      )
      expect((error as Error).message).toMatch(/the disk is full \(ENOSPC\)/)
      if (process.env.FAULT_REPORT) console.log(`${budget}: ${(error as Error).message}`)
      const catalog = readFileSync(join(dir, 'catalog.json'), 'utf8')
      if (catalog === beforeCatalog) {
        outcomes.push('before')
        // Byte for byte, inode for inode: nothing was written that stayed.
        expect(treeState(dir), `budget ${budget}`).toEqual(before)
      } else {
        outcomes.push('after')
        expect(catalog).toBe(afterCatalog)
        expect((error as Error).message).toMatch(/committed/)
        repairArchive(dir)
        expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
        expect(ArchiveService.open({ archiveDir: dir }).openResult.index).toBe('loaded')
      }
    }
    if (process.env.FAULT_REPORT)
      console.log(`ENOSPC sweep over ${importBytes} bytes: ${outcomes.join(' ')}`)
    // The sweep reached both sides of the commit point.
    expect(outcomes).toContain('before')
    expect(outcomes).toContain('after')
  })

  it('with room again, the refused import simply runs', () => {
    const dir = fresh('enospc-then-room')
    inject(dir, 'ENOSPC', importBytes >> 1)
    expect(() => importBatch(dir)).toThrow(ArchiveError)
    clear()
    importBatch(dir)
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(afterCatalog)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
  })

  it('a remove on a full disk is refused, the archive byte-identical', () => {
    const dir = fresh('enospc-remove')
    const before = treeState(dir)
    inject(dir, 'ENOSPC', 0)
    expect(() => removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })).toThrow(
      /the disk is full \(ENOSPC\)/,
    )
    clear()
    expect(treeState(dir)).toEqual(before)
  })

  it('opening with no room for the index: searched from memory, said so, no temp file left', () => {
    const dir = fresh('enospc-open')
    realFs.rmSync(join(dir, INDEX_FILE))
    const before = treeState(dir)
    inject(dir, 'ENOSPC', 1000)
    const logs: string[] = []
    const s = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    clear()
    expect(s.openResult.written).toBe(false)
    expect(logs.join('\n')).toMatch(/could not be saved .*ENOSPC.*kept in memory/)
    expect(s.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
    expect(treeState(dir)).toEqual(before)
  })
})

describe('a read-only archive folder (injected EROFS)', () => {
  it('import, remove and repair are refused with one clear sentence; nothing changes', () => {
    const dir = fresh('erofs')
    const before = treeState(dir)
    inject(dir, 'EROFS')
    const expected =
      /cannot write to the archive folder: the disk is read-only \(EROFS\); nothing was changed/
    expect(() => importBatch(dir)).toThrow(expected)
    expect(() => removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })).toThrow(expected)
    expect(() => repairArchive(dir)).toThrow(expected)
    clear()
    expect(treeState(dir)).toEqual(before)
  })

  it('reading works: the index is built in memory and the message says why it is not saved', () => {
    const dir = fresh('erofs-open')
    realFs.rmSync(join(dir, INDEX_FILE))
    inject(dir, 'EROFS')
    const logs: string[] = []
    const s = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    clear()
    expect(s.openResult.written).toBe(false)
    expect(logs.join('\n')).toMatch(/could not be saved .*kept in memory for this session/)
    expect(s.searchSync({ q: '雷锋' }).total).toBeGreaterThan(0)
  })
})
