// The user's own library: an ordinary archive folder in userData (`library/`), written only by
// the in-app import and remove, apart from the read-only bundled archive. It is created by its
// first import (with an empty catalog, as `add` creates any new archive).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CATALOG_FILE } from '../../shared/archive/catalog'
import type { ImportReport, PageProblem } from '../../shared/archive/import-report'
import type { Catalog } from '../../shared/types'
import { hasJournal } from '../write/journal'
import { acquireLock } from '../write/lock'
import { recoverArchive } from '../write/recover'
import type { Recovery } from '../write/recover'
import type { PageFingerprint } from '../fingerprints'
import { MIN_FINGERPRINT_CHARS } from '../../shared/text/fingerprint'

export const LIBRARY_FOLDER = 'library'
export const LIBRARY_TITLE = '我的文库 · My library'

export function userLibraryDir(userDataDir: string): string {
  return join(userDataDir, LIBRARY_FOLDER)
}

/** Whether the library has been created (by a first import). */
export function libraryExists(dir: string): boolean {
  return existsSync(join(dir, CATALOG_FILE))
}

/**
 * Finishes or undoes an import or remove that was interrupted (the app was killed), so the
 * library opens as it was before it or after it, never between. Undefined when nothing was
 * pending or another writer holds the lock.
 */
export function recoverLibrary(dir: string): Recovery | undefined {
  if (!existsSync(dir) || !hasJournal(dir)) return undefined
  let release: (() => void) | undefined
  try {
    release = acquireLock(dir, 'recover')
    return recoverArchive(dir)
  } catch {
    // Held by a live writer: it recovers the journal itself before its own change.
    return undefined
  } finally {
    release?.()
  }
}

/** What the rest of the app holds that an import into the library must not collide with. */
export interface OtherArchive {
  /** Shown in messages, e.g. "the bundled archive". */
  label: string
  catalog: Catalog
  /** Its pages' content fingerprints (../fingerprints.ts archiveFingerprints). */
  fingerprints: readonly PageFingerprint[]
}

const problem = (code: string, message: string): PageProblem => ({
  level: 'error',
  code,
  message,
})

/**
 * Refuses what would clash with another archive the app shows beside the library: the same
 * issue id, the same paper and date, the same page bytes or the same text. Issue ids must be
 * unique across the app, since links and bookmarks name issues by id alone. Updates the
 * report's counts and `ok`.
 */
export function checkAgainstOther(report: ImportReport, other: OtherArchive): void {
  const ids = new Map(other.catalog.issues.map((i) => [i.id, i]))
  const paperDates = new Map(other.catalog.issues.map((i) => [`${i.paper} ${i.date}`, i]))
  for (const issue of report.issues) {
    const same = ids.get(issue.id)
    const twin = paperDates.get(`${issue.paper} ${issue.date}`)
    if (same)
      issue.problems.push(
        problem(
          'issue-exists',
          `${other.label} already has an issue ${issue.id} (${same.paper} of ${same.date}); issue ids are unique across the app, and ${other.label} cannot be changed: give the pages another paper or date, or leave them out`,
        ),
      )
    else if (twin)
      issue.problems.push(
        problem(
          'issue-exists',
          `${other.label} already has ${twin.paper} of ${twin.date} (issue ${twin.id}); its pages cannot be added to from here`,
        ),
      )
  }
  const bytes = new Map<string, string>()
  for (const i of other.catalog.issues)
    for (const p of i.pages) bytes.set(p.sha256, `page ${p.number} of ${i.id}`)
  const texts = new Map(other.fingerprints.map((f) => [f.exact, f]))
  for (const f of report.files) {
    // Short pages (ads, blanks) repeat legitimately: as in the import's own check.
    if ((f.contentChars ?? 0) < MIN_FINGERPRINT_CHARS) continue
    const sameBytes = f.sha256 ? bytes.get(f.sha256) : undefined
    if (sameBytes) {
      f.problems.push(
        problem('duplicate', `the same bytes are already in ${other.label} as ${sameBytes}`),
      )
      continue
    }
    const sameText = f.textHash ? texts.get(f.textHash) : undefined
    if (sameText)
      f.problems.push(
        problem(
          'duplicate',
          `the same text (after normalization) is already in ${other.label} as page ${sameText.page} of ${sameText.issue}`,
        ),
      )
  }
  recount(report)
}

/** Recomputes the summary's error and warning counts and `ok` from the problems listed. */
export function recount(report: ImportReport): void {
  const all = [
    ...report.problems,
    ...report.files.flatMap((f) => f.problems),
    ...report.issues.flatMap((i) => i.problems),
  ]
  report.summary.errors = all.filter((p) => p.level === 'error').length
  report.summary.warnings = all.filter((p) => p.level === 'warning').length
  report.ok = report.summary.errors === 0
}
