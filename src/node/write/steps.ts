// The steps of a transaction that write (transaction.ts runs them in order): new files, the
// commit of the catalog, and what follows the commit.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CATALOG_FILE } from '../../shared/archive/catalog'
import { PAGE_FILE_RULE } from '../../shared/archive/safe-name'
import { ArchiveError } from '../archive-error'
import { appendLog } from '../archive-log'
import { asWriteError, describeWriteFailure, syncDir, writeFileAtomic } from '../atomic'
import { writeCatalogBackup } from '../catalog-store'
import { crashPoint } from '../crash-point'
import { removeInside } from '../safe-path'
import { FINGERPRINTS_FILE, JOURNAL_FILE, stagedFingerprintsPath, stagedIndexPath } from './journal'
import type { Journal } from './journal'

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

/** Steps 5 and 6 of a committed transaction: install the index, delete, log, close. */
export function finishTransaction(dir: string, journal: Journal, indexPath: string): void {
  finishing(journal, () => {
    if (journal.stagesIndex) {
      renameSync(stagedIndexPath(indexPath, journal.txn), indexPath)
      syncDir(dirname(indexPath))
    }
    if (journal.stagesFingerprints)
      renameSync(stagedFingerprintsPath(dir, journal.txn), join(dir, FINGERPRINTS_FILE))
    crashPoint('after-index-install')
    for (const name of journal.delete)
      removeInside(dir, name, 'a page file the change deletes', PAGE_FILE_RULE)
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
export function finishing(journal: Journal, steps: () => void): void {
  try {
    steps()
  } catch (e) {
    throw new ArchiveError(
      `the ${journal.op} ${journal.txn} is committed, but finishing it failed: ${describeWriteFailure(e)}; run "archive-reader verify --repair" once the disk has room to complete it`,
    )
  }
}
