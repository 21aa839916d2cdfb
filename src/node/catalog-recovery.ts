// A damaged or missing catalog.json is detected when the archive is opened (it must parse and
// pass the catalog schema; archive.log records the sha256 of every committed catalog) and
// restored from catalog.json.bak (catalog-store.ts): the damaged file is kept aside, never
// deleted, and changes logged after the backup are named so nothing is lost silently.
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { CATALOG_FILE, parseCatalog } from '../shared/archive/catalog'
import type { Catalog } from '../shared/types'
import { ArchiveError, readCatalog } from './archive-dir'
import { readLog } from './archive-log'
import type { LogEntry } from './archive-log'
import { writeFileAtomic } from './atomic'
import { CATALOG_BACKUP, readCatalogBackup, sha256Text } from './catalog-store'
import { entryKind, readRegularFile, readRegularText, UnsafePathError } from './safe-path'
import { acquireLock } from './write/lock'
import { writeNewFile } from './write/steps'

export interface CatalogRestore {
  /** What was wrong with catalog.json. */
  problem: string
  /** Where the damaged catalog was kept (a file name in the archive folder), if there was one. */
  keptAs?: string
  /** False when the folder could not be written: the backup is then used for this session only. */
  onDisk: boolean
  /** Changes archive.log records after the backup was taken; they are not in the restored catalog. */
  notInBackup: LogEntry[]
  message: string
}

function damagedName(dir: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  let name = `${CATALOG_FILE}.damaged-${stamp}`
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${CATALOG_FILE}.damaged-${stamp}-${n}`
  return name
}

/** Changes recorded in archive.log after the catalog whose sha256 is `sha`. */
function changesAfter(dir: string, sha: string): LogEntry[] {
  const entries = readLog(dir).entries.filter((e) => typeof e.catalogSha256 === 'string')
  const last = entries.map((e) => e.catalogSha256).lastIndexOf(sha)
  // A backup no change was logged for (a hand-made catalog): nothing to compare against.
  if (last < 0) return []
  return entries.slice(last + 1).filter((e) => e.op === 'import' || e.op === 'remove')
}

function describeChange(e: LogEntry): string {
  const issues = Array.isArray(e.issues)
    ? (e.issues as { id?: string }[]).map((i) => i.id).join(', ')
    : typeof e.issue === 'string'
      ? e.issue
      : ''
  return `${e.op} ${e.txn}${issues ? ` (${issues})` : ''} at ${e.time}`
}

function restoreMessage(r: Omit<CatalogRestore, 'message'>, backupTime: Date): string {
  const parts = [
    `${CATALOG_FILE} is damaged (${r.problem}).`,
    r.onDisk
      ? `It was restored from ${CATALOG_BACKUP}, the catalog as last committed (${backupTime.toISOString()})` +
        (r.keptAs ? `; the damaged file is kept as ${r.keptAs}.` : '.')
      : `The archive is read from ${CATALOG_BACKUP} (${backupTime.toISOString()}) for this session; run "archive-reader verify --repair" where the folder can be written to restore it on disk.`,
  ]
  if (r.notInBackup.length)
    parts.push(
      `Changes logged after that copy are not in it: ${r.notInBackup.map(describeChange).join('; ')}. Their page files are still in the folder; import them again.`,
    )
  return parts.join(' ')
}

/** Why catalog.json cannot be used, or undefined when it can. */
export function catalogProblem(dir: string): string | undefined {
  const file = join(dir, CATALOG_FILE)
  let json: string
  try {
    json = readRegularText(file)
  } catch (e) {
    if (e instanceof UnsafePathError) return e.reason
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'it is missing'
      : `it cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`
  }
  try {
    parseCatalog(json, CATALOG_FILE)
    return undefined
  } catch (e) {
    return (e as Error).message.replace(/^catalog\.json: /, '')
  }
}

/**
 * Restores catalog.json from the backup, under the archive's lock: the damaged file is copied
 * aside first, then the backup replaces it atomically. Throws ArchiveError when there is nothing
 * to restore from, or the lock cannot be taken (another change running, a read-only folder).
 */
export function restoreCatalog(dir: string): CatalogRestore {
  const release = acquireLock(dir, 'restore-catalog')
  try {
    return restoreCatalogLocked(dir)
  } finally {
    release()
  }
}

/** restoreCatalog for a caller that holds the archive's lock already (verify --repair). */
export function restoreCatalogLocked(dir: string): CatalogRestore {
  const backup = readCatalogBackup(dir)
  const problem = catalogProblem(dir)
  const file = join(dir, CATALOG_FILE)
  if (problem === undefined) throw new ArchiveError(`${file}: nothing to restore`)
  if (backup.state !== 'ok') {
    throw new ArchiveError(
      `${file}: ${problem}, and ${CATALOG_BACKUP} ${backup.state === 'missing' ? 'does not exist' : `is damaged too (${backup.problem})`}; restore the archive folder from a copy`,
    )
  }
  // The damaged bytes are kept (and synced) before the catalog is replaced.
  let keptAs: string | undefined
  const kind = entryKind(file)
  if (kind !== 'missing') {
    keptAs = damagedName(dir)
    // Not a file (a folder, or a link, in its place): moved aside whole, never followed.
    if (kind === 'file') writeNewFile(join(dir, keptAs), readRegularFile(file))
    else renameSync(file, join(dir, keptAs))
  }
  writeFileAtomic(file, backup.json)
  const r = { problem, ...(keptAs ? { keptAs } : {}), onDisk: true }
  const notInBackup = changesAfter(dir, backup.sha256)
  return { ...r, notInBackup, message: restoreMessage({ ...r, notInBackup }, backup.mtime) }
}

/**
 * The catalog of an archive being opened. A damaged or missing catalog.json with a good backup
 * is restored (or, where the folder cannot be written, the backup is used for this session), and
 * `log` says what happened. Without a usable backup the original error stands.
 */
export function loadCatalog(dir: string, log?: (message: string) => void): Catalog {
  try {
    return readCatalog(dir)
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e
    const backup = readCatalogBackup(dir)
    if (backup.state !== 'ok') {
      if (backup.state === 'damaged')
        throw new ArchiveError(`${e.message}; ${CATALOG_BACKUP} is damaged too (${backup.problem})`)
      throw e
    }
    try {
      const r = restoreCatalog(dir)
      log?.(r.message)
      return readCatalog(dir)
    } catch (w) {
      const problem = catalogProblem(dir) ?? 'unreadable'
      const r = {
        problem,
        onDisk: false,
        notInBackup: changesAfter(dir, backup.sha256),
      }
      log?.(`${restoreMessage(r, backup.mtime)} (${(w as Error).message})`)
      return backup.catalog
    }
  }
}

export interface CatalogHealth {
  /** catalog.json cannot be used (verify reports it as an error). */
  problem?: string
  /** Worth knowing, not wrong. */
  notes: string[]
}

/** For `verify`: the catalog against its backup and against the last change archive.log records. */
export function catalogHealth(dir: string): CatalogHealth {
  const problem = catalogProblem(dir)
  const backup = readCatalogBackup(dir)
  const notes: string[] = []
  if (problem !== undefined) {
    const how =
      backup.state === 'ok'
        ? `run "archive-reader verify --repair" to restore it from ${CATALOG_BACKUP}`
        : `there is no usable ${CATALOG_BACKUP}; restore the archive folder from a copy`
    return { problem: `${join(dir, CATALOG_FILE)}: ${problem}; ${how}`, notes }
  }
  const current = sha256Text(readRegularFile(join(dir, CATALOG_FILE)))
  const logged = readLog(dir).entries.filter((e) => typeof e.catalogSha256 === 'string')
  const last = logged[logged.length - 1]
  if (last && last.catalogSha256 !== current)
    notes.push(
      `${join(dir, CATALOG_FILE)}: differs from the catalog the last change committed (${last.op} ${last.txn}, per archive.log); edited by hand?${backup.state === 'ok' && backup.sha256 === last.catalogSha256 ? ` ${CATALOG_BACKUP} holds the committed one.` : ''}`,
    )
  if (backup.state === 'damaged')
    notes.push(
      `${join(dir, CATALOG_BACKUP)}: damaged (${backup.problem}); the next change rewrites it`,
    )
  return { notes }
}
