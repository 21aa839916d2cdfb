// The steps of a transaction that write (transaction.ts runs them in order): new files, the
// commit of the catalog, and what follows the commit.
import { removeUnusedSegments } from '../index-store'
import { invalidateFieldIndex } from '../field-store'
import { linkSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CATALOG_FILE } from '../../shared/archive/catalog'
import { PAGE_FILE_RULE } from '../../shared/archive/safe-name'
import { ArchiveError } from '../archive-error'
import { appendLog } from '../archive-log'
import {
  asWriteError,
  describeWriteFailure,
  syncDir,
  writeFileAtomic,
  writeTempBeside,
} from '../atomic'
import { writeCatalogBackup } from '../catalog-store'
import { crashPoint } from '../crash-point'
import { entryKind, removeInside } from '../safe-path'
import {
  FINGERPRINTS_FILE,
  JOURNAL_FILE,
  stagedCorrectionsPath,
  stagedFingerprintsPath,
  stagedIndexPath,
} from './journal'
import { CORRECTIONS_FILE } from '../../shared/archive/corrections'
import type { Journal } from './journal'

/**
 * Writes a new file that must not exist yet, whole or not at all: the bytes go to a temp file
 * (the `.NAME.PID.TIME.tmp` that recovery removes when its writer is gone), are fsynced, and are
 * then linked to the name, which fails if it exists. So a killed writer never leaves a
 * part-written file under the name, and recovery can tell the transaction's file by its sha256.
 * Where the disk has no hard links (FAT and exFAT sticks), it renames instead, under the lock.
 * The folder is synced later, once.
 */
export function writeNewFile(path: string, data: Uint8Array): void {
  let tmp: string | undefined
  try {
    tmp = writeTempBeside(path, data)
    try {
      linkSync(tmp, path)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EEXIST' || !NO_LINKS.has(code ?? '')) throw e
      if (entryKind(path) !== 'missing')
        throw Object.assign(new Error('exists'), { code: 'EEXIST' })
      renameSync(tmp, path)
    }
  } catch (e) {
    throw asWriteError(e, path)
  } finally {
    if (tmp) rmSync(tmp, { force: true })
  }
}

/** Errors of a file system without hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

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
      // The field index was made from the index just replaced: deleted here, in the change,
      // and built from the new one at the next open (field-store.ts says why not written here).
      invalidateFieldIndex(indexPath)
      syncDir(dirname(indexPath))
    }
    if (journal.stagesFingerprints)
      renameSync(stagedFingerprintsPath(dir, journal.txn), join(dir, FINGERPRINTS_FILE))
    if (journal.stagesCorrections) {
      // Committed, the index in place, corrections.json still the old one: readers take the
      // staged file the catalog records (corrections-store.ts).
      crashPoint('before-corrections-install')
      renameSync(stagedCorrectionsPath(dir, journal.txn), join(dir, CORRECTIONS_FILE))
    }
    crashPoint('after-index-install')
    // The segments the new index no longer names (a merge's inputs) go once it is in place.
    if (journal.stagesIndex) removeUnusedSegments(indexPath)
    for (const { name } of journal.delete)
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
