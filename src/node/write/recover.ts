// Finishing or undoing an interrupted transaction (see transaction.ts), from its journal. The
// journal is checked first (journal.ts): it may only name page files in the archive folder and
// the staged index its own txn id implies. Recovery then acts only on regular files — never
// through a symbolic link — and never on a page the catalog refers to. A journal that breaks the
// rule stops recovery (and so the change that asked for it) and is left in place. A named file
// is deleted only when its sha256 is the one the journal recorded for it.
import { removeUnusedSegments, segmentDirName } from '../index-store'
import { invalidateFieldIndex } from '../field-store'
import { createHash } from 'node:crypto'
import { readdirSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CATALOG_FILE, parseCatalog } from '../../shared/archive/catalog'
import { PAGE_FILE_RULE } from '../../shared/archive/safe-name'
import { appendLog, logHasTxn } from '../archive-log'
import { syncDir } from '../atomic'
import {
  assertRegularOrMissing,
  entryKind,
  readRegularFile,
  readRegularText,
  removeInside,
  safeJoin,
} from '../safe-path'
import { finishing } from './steps'
import {
  FINGERPRINTS_FILE,
  JOURNAL_FILE,
  readJournal,
  stagedCorrectionsPath,
  stagedFingerprintsPath,
  stagedIndexPath,
} from './journal'
import { CORRECTIONS_FILE } from '../../shared/archive/corrections'
import { pidAlive } from './lock'

export function sha256File(path: string): string | undefined {
  try {
    return createHash('sha256').update(readRegularFile(path)).digest('hex')
  } catch {
    return undefined
  }
}

/** Names of the page files the catalog at `dir` refers to. */
function referencedSources(dir: string): Set<string> {
  try {
    const c = parseCatalog(readRegularText(join(dir, CATALOG_FILE)))
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
 * temp files of killed writers. Call with the lock held. `indexPath` is the index the caller
 * uses (its own option, never a path from the journal). Throws JournalError, touching nothing,
 * when the journal breaks the rule.
 */
export function recoverArchive(dir: string, indexPath = join(dir, 'index.bin')): Recovery {
  const actions: string[] = []
  const result: Recovery = { actions }
  const journal = readJournal(dir, indexPath)
  if (journal) {
    result.txn = journal.txn
    const committed = sha256File(join(dir, CATALOG_FILE)) === journal.catalogAfter
    const referenced = referencedSources(dir)
    const hasStaged = journal.stagesIndex === true || journal.stagedIndex !== undefined
    const staged = stagedIndexPath(indexPath, journal.txn)
    // Every file the journal names is judged before any is touched: one link or folder among
    // them and nothing is done. A file whose bytes are not the ones the journal recorded is not
    // the transaction's file (a crafted journal, or a page edited by hand since): it stays.
    const refs = (committed ? journal.delete : journal.create).filter(
      (r) => !referenced.has(r.name),
    )
    const what = committed ? 'a page file the journal deletes' : 'a page file the journal created'
    const kinds = refs.map((r) =>
      assertRegularOrMissing(safeJoin(dir, r.name, what, PAGE_FILE_RULE)),
    )
    const names: string[] = []
    for (const [k, r] of refs.entries()) {
      if (kinds[k] !== 'file') continue
      if (sha256File(join(dir, r.name)) === r.sha256) names.push(r.name)
      else
        actions.push(
          `left ${r.name} in place: its content is not the file ${journal.op} ${journal.txn} recorded`,
        )
    }
    const stagedKind = hasStaged ? assertRegularOrMissing(staged) : 'missing'
    const stagedFp = stagedFingerprintsPath(dir, journal.txn)
    const stagedFpKind = journal.stagesFingerprints ? assertRegularOrMissing(stagedFp) : 'missing'
    const stagedCo = stagedCorrectionsPath(dir, journal.txn)
    const stagedCoKind = journal.stagesCorrections ? assertRegularOrMissing(stagedCo) : 'missing'
    if (committed) {
      result.outcome = 'completed'
      finishing(journal, () => {
        if (stagedKind === 'file') {
          renameSync(staged, indexPath)
          syncDir(dirname(indexPath))
          actions.push(`installed the index staged by ${journal.op} ${journal.txn}`)
        }
        // As finishTransaction does; also when the crash came after the index was installed.
        if (hasStaged && invalidateFieldIndex(indexPath))
          actions.push(`deleted the suggestions index made before ${journal.op} ${journal.txn}`)
        if (stagedFpKind === 'file') {
          renameSync(stagedFp, join(dir, FINGERPRINTS_FILE))
          actions.push(`installed the fingerprints staged by ${journal.op} ${journal.txn}`)
        }
        if (stagedCoKind === 'file') {
          renameSync(stagedCo, join(dir, CORRECTIONS_FILE))
          actions.push(`installed the corrections staged by ${journal.op} ${journal.txn}`)
        }
        for (const name of names)
          if (removeInside(dir, name, what, PAGE_FILE_RULE))
            actions.push(
              `deleted ${name}, removed from the catalog by ${journal.op} ${journal.txn}`,
            )
        if (!logHasTxn(dir, journal.txn)) {
          appendLog(dir, { ...journal.log, recovered: true })
          actions.push(`logged ${journal.op} ${journal.txn}`)
        }
      })
    } else {
      result.outcome = 'rolled-back'
      for (const name of names)
        if (removeInside(dir, name, what, PAGE_FILE_RULE))
          actions.push(`deleted ${name}, left by the interrupted ${journal.op} ${journal.txn}`)
      if (stagedKind === 'file') {
        removeInside(dirname(staged), basename(staged), 'the staged index', { hidden: true })
        actions.push(`deleted the index staged by ${journal.op} ${journal.txn}`)
      }
      if (stagedFpKind === 'file') {
        removeInside(dir, basename(stagedFp), 'the staged fingerprints', { hidden: true })
        actions.push(`deleted the fingerprints staged by ${journal.op} ${journal.txn}`)
      }
      if (stagedCoKind === 'file') {
        removeInside(dir, basename(stagedCo), 'the staged corrections', { hidden: true })
        actions.push(`deleted the corrections staged by ${journal.op} ${journal.txn}`)
      }
    }
  }
  for (const name of strayTempFiles(dir)) {
    if (removeInside(dir, name, 'a temp file', { hidden: true }))
      actions.push(`deleted the temp file ${name} of a killed writer`)
  }
  // A segment file is written atomically too: a killed writer can leave its temp file there.
  const segDir = join(dirname(indexPath), segmentDirName(indexPath))
  if (entryKind(segDir) === 'folder')
    for (const name of strayTempFiles(segDir)) {
      if (removeInside(segDir, name, 'a temp file', { hidden: true }))
        actions.push(`deleted the temp file ${name} of a killed writer`)
    }
  if (journal) {
    // Segments the interrupted change wrote (or, if it committed, the ones it merged away):
    // what the index file in force does not name.
    for (const name of removeUnusedSegments(indexPath))
      actions.push(`deleted the index segment ${name}, unused after ${journal.op} ${journal.txn}`)
    removeInside(dir, JOURNAL_FILE, 'the journal', { hidden: true })
    actions.push(`closed the journal of ${journal.op} ${journal.txn} (${result.outcome})`)
  }
  if (actions.length) syncDir(dir)
  return result
}
