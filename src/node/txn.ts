// Changing an archive folder safely. One writer at a time (a lock file), and every change is a
// transaction whose single commit point is the atomic replacement of catalog.json:
//
//   1. lock; finish or undo any interrupted transaction (its journal says which files it made)
//   2. write the journal: the files this transaction creates and deletes, the catalog it commits
//   3. create the new page files (unreferenced by the catalog, so invisible) and the new index
//      under a staged name
//   4. COMMIT: replace catalog.json (write a temp file, fsync, rename)
//   5. install the staged index, delete files the change removed, append to archive.log
//   6. delete the journal; unlock
//
// A process killed before 4 leaves the old catalog, which ignores the new files; recovery
// deletes them. Killed after 4, the new catalog is in force; recovery completes 5. Either way a
// reader sees the archive before or after, never between.
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { CATALOG_FILE, parseCatalog } from '../shared/archive/catalog'
import { ArchiveError } from './archive-dir'
import { appendLog, logHasTxn } from './archive-log'
import type { LogEntry } from './archive-log'
import { asWriteError, describeWriteFailure, syncDir, writeFileAtomic } from './atomic'
import { writeCatalogBackup } from './catalog-store'
import { crashPoint } from './crash-point'

export const LOCK_FILE = '.archive.lock'
export const JOURNAL_FILE = '.archive-txn.json'

export interface Journal {
  txn: string
  op: 'import' | 'remove'
  pid: number
  started: string
  /** sha256 of catalog.json as this transaction commits it. */
  catalogAfter: string
  /** Page files (names in the archive folder) this transaction creates. */
  create: string[]
  /** Page files it deletes once committed. */
  delete: string[]
  /** The index as staged, and where it is installed. */
  stagedIndex?: string
  indexPath?: string
  log: LogEntry
}

export function newTxnId(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}`
}

export function sha256File(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex')
  } catch {
    return undefined
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

interface LockInfo {
  pid: number
  host: string
  op: string
  started: string
}

export function readLock(dir: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo
  } catch {
    return undefined
  }
}

/** Whether a lock file's owner is gone (killed), so the lock may be taken over. */
export function lockIsStale(info: LockInfo | undefined): boolean {
  if (!info || typeof info.pid !== 'number') return true
  if (info.host !== hostname()) return false
  return !pidAlive(info.pid)
}

/** Takes the archive's write lock; returns its release. Refuses while another writer lives. */
export function acquireLock(dir: string, op: string): () => void {
  const file = join(dir, LOCK_FILE)
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    op,
    started: new Date().toISOString(),
  }
  const refuse = (e: unknown): ArchiveError =>
    new ArchiveError(
      `${dir}: cannot write to the archive folder: ${describeWriteFailure(e)}; nothing was changed`,
    )
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(file, 'wx', 0o644)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw refuse(e)
      const holder = readLock(dir)
      if (!lockIsStale(holder)) {
        throw new ArchiveError(
          `${dir}: another change is in progress (${holder?.op ?? 'unknown'} by process ${holder?.pid} on ${holder?.host}, since ${holder?.started}); wait for it to finish`,
        )
      }
      // The holder was killed: its lock is ours to break; its transaction is recovered next.
      rmSync(file, { force: true })
      continue
    }
    try {
      writeSync(fd, JSON.stringify(info))
      fsyncSync(fd)
    } catch (e) {
      // A full disk can create the file but not fill it: leave no empty lock behind.
      closeSync(fd)
      rmSync(file, { force: true })
      throw refuse(e)
    }
    closeSync(fd)
    crashPoint('after-lock')
    return () => rmSync(file, { force: true })
  }
  throw new ArchiveError(`${dir}: could not take the archive's lock; try again`)
}

export function readJournal(dir: string): Journal | undefined {
  const file = join(dir, JOURNAL_FILE)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Journal
  } catch {
    // A journal is written atomically, so a torn one cannot happen; an unreadable one is
    // treated as a transaction that never committed and created nothing we know of.
    return undefined
  }
}

export function writeJournal(dir: string, journal: Journal): void {
  writeFileAtomic(join(dir, JOURNAL_FILE), JSON.stringify(journal, null, 2))
}

/** Names of the page files the catalog at `dir` refers to. */
function referencedSources(dir: string): Set<string> {
  try {
    const c = parseCatalog(readFileSync(join(dir, CATALOG_FILE), 'utf8'))
    return new Set(c.issues.flatMap((i) => i.pages.map((p) => p.source)))
  } catch {
    return new Set()
  }
}

/** Temp files of writeFileAtomic (`.NAME.PID.TIME.tmp`) whose writer is gone. */
export function strayTempFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const m = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name)
    if (m && !pidAlive(Number(m[1]))) out.push(name)
  }
  return out
}

export interface Recovery {
  /** What an interrupted transaction was, if there was one. */
  txn?: string
  outcome?: 'rolled-back' | 'completed'
  actions: string[]
}

/**
 * Finishes (if it committed) or undoes (if it did not) an interrupted transaction, and removes
 * temp files of killed writers. Call with the lock held.
 */
export function recoverArchive(dir: string): Recovery {
  const actions: string[] = []
  const result: Recovery = { actions }
  const journal = readJournal(dir)
  if (journal) {
    result.txn = journal.txn
    const committed = sha256File(join(dir, CATALOG_FILE)) === journal.catalogAfter
    const referenced = referencedSources(dir)
    if (committed) {
      result.outcome = 'completed'
      finishing(journal, () => {
        if (journal.stagedIndex && journal.indexPath && existsSync(journal.stagedIndex)) {
          renameSync(journal.stagedIndex, journal.indexPath)
          syncDir(dirname(journal.indexPath))
          actions.push(`installed the index staged by ${journal.op} ${journal.txn}`)
        }
        for (const name of journal.delete) {
          if (referenced.has(name) || !existsSync(join(dir, name))) continue
          rmSync(join(dir, name), { force: true })
          actions.push(`deleted ${name}, removed from the catalog by ${journal.op} ${journal.txn}`)
        }
        if (!logHasTxn(dir, journal.txn)) {
          appendLog(dir, { ...journal.log, recovered: true })
          actions.push(`logged ${journal.op} ${journal.txn}`)
        }
      })
    } else {
      result.outcome = 'rolled-back'
      for (const name of journal.create) {
        if (referenced.has(name) || !existsSync(join(dir, name))) continue
        rmSync(join(dir, name), { force: true })
        actions.push(`deleted ${name}, left by the interrupted ${journal.op} ${journal.txn}`)
      }
      if (journal.stagedIndex && existsSync(journal.stagedIndex)) {
        rmSync(journal.stagedIndex, { force: true })
        actions.push(`deleted the index staged by ${journal.op} ${journal.txn}`)
      }
    }
  }
  for (const name of strayTempFiles(dir)) {
    rmSync(join(dir, name), { force: true })
    actions.push(`deleted the temp file ${name} of a killed writer`)
  }
  if (journal) {
    rmSync(join(dir, JOURNAL_FILE), { force: true })
    actions.push(`closed the journal of ${journal.op} ${journal.txn} (${result.outcome})`)
  }
  if (actions.length) syncDir(dir)
  return result
}

/** Writes a new file that must not exist yet, and fsyncs it (the folder is synced later, once). */
export function writeNewFile(path: string, data: Uint8Array): void {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o644)
  } catch (e) {
    throw asWriteError(e, path)
  }
  try {
    let written = 0
    while (written < data.length) written += writeSync(fd, data, written, data.length - written)
    fsyncSync(fd)
  } catch (e) {
    // A part-written file must not stay: the caller's rollback only knows whole files.
    closeSync(fd)
    rmSync(path, { force: true })
    throw asWriteError(e, path)
  }
  closeSync(fd)
}

export function stagedIndexPath(indexPath: string, txn: string): string {
  return join(dirname(indexPath), `.${basename(indexPath)}.${txn}.staged`)
}

/**
 * The commit point: replaces catalog.json atomically, then keeps a copy of it as
 * catalog.json.bak (catalog-store.ts). Returns why that copy could not be written, if it could
 * not — the change is committed all the same.
 */
export function commitCatalog(dir: string, json: string): string | undefined {
  crashPoint('before-commit')
  writeFileAtomic(join(dir, CATALOG_FILE), json)
  crashPoint('after-commit')
  return writeCatalogBackup(dir, json)
}

/** Step 5 and 6 of a committed transaction. */
export function finishTransaction(dir: string, journal: Journal): void {
  finishing(journal, () => {
    if (journal.stagedIndex && journal.indexPath) {
      renameSync(journal.stagedIndex, journal.indexPath)
      syncDir(dirname(journal.indexPath))
    }
    crashPoint('after-index-install')
    for (const name of journal.delete) rmSync(join(dir, name), { force: true })
    crashPoint('after-delete')
    appendLog(dir, journal.log)
    crashPoint('after-log')
    rmSync(join(dir, JOURNAL_FILE), { force: true })
    syncDir(dir)
  })
}

/**
 * Runs the steps after a commit. Their failure (a disk that filled up just then) must not read
 * as a failed change: the change is in force, and the journal lets `verify --repair` finish it.
 */
function finishing(journal: Journal, steps: () => void): void {
  try {
    steps()
  } catch (e) {
    throw new ArchiveError(
      `the ${journal.op} ${journal.txn} is committed, but finishing it failed: ${describeWriteFailure(e)}; run "archive-reader verify --repair" once the disk has room to complete it`,
    )
  }
}
