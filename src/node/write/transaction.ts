// Changing an archive folder safely. One writer at a time (lock.ts), and every change is a
// transaction whose single commit point is the atomic replacement of catalog.json:
//
//   1. lock; finish or undo any interrupted transaction (recover.ts: its journal says which
//      files it made)
//   2. write the journal (journal.ts): the files this transaction creates and deletes, the
//      catalog it commits
//   3. create the new page files (unreferenced by the catalog, so invisible) and the new index
//      under a staged name
//   4. COMMIT: replace catalog.json (write a temp file, fsync, rename)
//   5. install the staged index, delete files the change removed, append to archive.log
//   6. delete the journal; unlock
//
// A process killed before 4 leaves the old catalog, which ignores the new files; recovery
// deletes them. Killed after 4, the new catalog is in force; recovery completes 5. Either way a
// reader sees the archive before or after, never between.
//
// runTransaction is that sequence, once. A writer (add, remove, a future corrections writer)
// says only what its change is: the catalog it commits, the page files it creates and deletes,
// what it logs, and how it stages its pages and index.
import { randomBytes } from 'node:crypto'
import { sha256 } from '../archive-dir'
import { LOG_FILE, logEntry } from '../archive-log'
import { crashPoint } from '../crash-point'
import { join } from 'node:path'
import { assertRegularOrMissing, safeJoin } from '../safe-path'
import { PAGE_FILE_RULE } from '../../shared/archive/safe-name'
import { ArchiveError } from '../archive-error'
import {
  stagedCorrectionsPath,
  stagedFingerprintsPath,
  stagedIndexPath,
  writeJournal,
} from './journal'
import type { Journal, PageFileRef, TxnOp } from './journal'
import { acquireLock } from './lock'
import { recoverArchive } from './recover'
import type { Recovery } from './recover'
import { commitCatalog, finishTransaction, writeNewFile } from './steps'

export function newTxnId(): string {
  return `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}`
}

/** What the writer can do while its transaction stages (step 3). */
export interface Stager {
  txn: string
  /** Writes a new page file; only the names and bytes the change declared in `create`. */
  writePage(name: string, bytes: Uint8Array): void
}

/** A change, as its writer describes it (under the lock, after recovery). */
export interface ChangePlan {
  /** The catalog this change commits, as serializeCatalog writes it. */
  catalogJson: string
  /**
   * Page files (bare names in the archive folder, with the sha256 of their bytes) it creates,
   * and deletes once committed: recovery deletes a file only when its bytes hash to this.
   */
  create: PageFileRef[]
  delete: PageFileRef[]
  /** What archive.log records of it (the committed catalog's sha256 is added). */
  log: Record<string, unknown>
  /** Writes the new page files and returns the bytes of the new index (staged, then installed). */
  stage(s: Stager): Uint8Array
  /**
   * The archive's fingerprints.json as it stands after this change (../fingerprints.ts), staged
   * with the index and installed after the commit; undefined leaves the file as it is.
   */
  fingerprintsJson?: string
  /**
   * The archive's corrections.json after this change (../corrections-store.ts), staged and
   * installed like fingerprints.json; the catalog it commits records its sha256.
   */
  correctionsJson?: string
  /** Last word before the commit point (a cancel request): throwing here undoes the change. */
  beforeCommit?(): void
}

export interface TransactionTarget {
  dir: string
  op: TxnOp
  /** The index the change replaces: the caller's own option, never a path from data. */
  indexPath: string
}

export interface TransactionContext {
  txn: string
  /** What was finished or undone of an earlier, interrupted change. */
  recovery: Recovery
}

/**
 * Runs one change as a transaction (steps 1–6 above). `describe` runs under the lock after
 * recovery, and may refuse (throw) before anything is written. Returns what `describe`
 * returned with the transaction's id and recovery.
 */
export function runTransaction<P extends ChangePlan>(
  target: TransactionTarget,
  describe: (ctx: TransactionContext) => P,
): P & TransactionContext {
  const { dir, op, indexPath } = target
  const release = acquireLock(dir, op)
  try {
    const recovery = recoverArchive(dir, indexPath)
    // The log is appended to after the commit: a link in its place must stop the change now,
    // before anything is written, not leave it committed and unfinished.
    assertRegularOrMissing(join(dir, LOG_FILE))
    const txn = newTxnId()
    const change = describe({ txn, recovery })
    const catalogSha256 = sha256(change.catalogJson)
    for (const { name } of [...change.create, ...change.delete])
      safeJoin(dir, name, `a page file of the ${op}`, PAGE_FILE_RULE)
    const journal: Journal = {
      txn,
      op,
      pid: process.pid,
      started: new Date().toISOString(),
      catalogAfter: catalogSha256,
      create: change.create,
      delete: change.delete,
      stagesIndex: true,
      ...(change.fingerprintsJson !== undefined ? { stagesFingerprints: true } : {}),
      ...(change.correctionsJson !== undefined ? { stagesCorrections: true } : {}),
      log: logEntry(op, txn, { ...change.log, catalogSha256 }),
    }
    writeJournal(dir, journal)
    crashPoint('after-journal')
    try {
      const allowed = new Map(change.create.map((r) => [r.name, r.sha256]))
      const index = change.stage({
        txn,
        writePage(name, bytes) {
          // The journal must name every file the transaction makes, with its hash, or recovery
          // cannot undo it.
          if (allowed.get(name) !== sha256(bytes))
            throw new ArchiveError(
              `${dir}: ${name} is not among the files the ${op} declared, with these bytes`,
            )
          writeNewFile(safeJoin(dir, name, 'a new page file', PAGE_FILE_RULE), bytes)
        },
      })
      writeNewFile(stagedIndexPath(indexPath, txn), index)
      if (change.fingerprintsJson !== undefined)
        writeNewFile(stagedFingerprintsPath(dir, txn), Buffer.from(change.fingerprintsJson, 'utf8'))
      if (change.correctionsJson !== undefined)
        writeNewFile(stagedCorrectionsPath(dir, txn), Buffer.from(change.correctionsJson, 'utf8'))
      crashPoint('after-index-staged')
      change.beforeCommit?.()
      commitCatalog(dir, change.catalogJson)
      finishTransaction(dir, journal, indexPath)
    } catch (e) {
      // Undo (or, past the commit point, finish) this transaction before reporting the error.
      recoverArchive(dir, indexPath)
      throw e
    }
    return { ...change, txn, recovery }
  } finally {
    release()
  }
}
