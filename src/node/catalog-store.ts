// catalog.json.bak: a copy of the catalog as last committed, kept beside it so that a catalog
// damaged on disk later (a torn copy to a USB disk, bit rot, a bad hand edit, a sync tool) can be
// restored with nothing lost (catalog-recovery.ts).
//
// It is written atomically right after each commit (txn.ts commitCatalog), not before: a change
// killed before its commit point then leaves the folder byte-identical, and one killed between
// the commit and the backup leaves the previous good copy — older by one change, which the
// restore names from archive.log. Writing it never fails a committed change.
import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { join } from 'node:path'
import { parseCatalog } from '../shared/archive/catalog'
import type { Catalog } from '../shared/types'
import { CATALOG_BACKUP } from './archive-dir'
import { writeFileAtomic } from './atomic'
import { crashPoint } from './crash-point'
import { entryKind, readRegularText } from './safe-path'

export { CATALOG_BACKUP }

/** Damaged catalogs set aside by a restore: `catalog.json.damaged-20250101T120000Z`. */
export const DAMAGED_PATTERN = /^catalog\.json\.damaged-[\dTZ-]+$/

export function sha256Text(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Keeps `json` — the catalog just committed — as the backup. Never throws: the change is
 * committed whatever happens here. Returns the reason when the backup could not be written (the
 * previous one then stays; a full disk must not turn a finished import into an error).
 */
export function writeCatalogBackup(dir: string, json: string): string | undefined {
  const path = join(dir, CATALOG_BACKUP)
  try {
    if (entryKind(path) === 'file' && readRegularText(path) === json) return undefined
    writeFileAtomic(path, json)
    crashPoint('after-catalog-backup')
    return undefined
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message
  }
}

export type BackupState =
  | { state: 'ok'; json: string; catalog: Catalog; sha256: string; mtime: Date }
  | { state: 'missing' }
  | { state: 'damaged'; problem: string }

/** The backup, checked like the catalog itself. */
export function readCatalogBackup(dir: string): BackupState {
  const path = join(dir, CATALOG_BACKUP)
  let json: string
  try {
    json = readRegularText(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    return {
      state: 'damaged',
      problem: (e as NodeJS.ErrnoException).code ?? (e as Error).message ?? String(e),
    }
  }
  try {
    const catalog = parseCatalog(json, CATALOG_BACKUP)
    return { state: 'ok', json, catalog, sha256: sha256Text(json), mtime: lstatSync(path).mtime }
  } catch (e) {
    return { state: 'damaged', problem: (e as Error).message }
  }
}
