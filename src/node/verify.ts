// `verify`: a full check of an archive folder, for librarians before they ship it.
import { readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { sortCatalog, CATALOG_FILE } from '../shared/archive/catalog'
import { rangesProblem } from '../shared/archive/given-articles'
import { decodeText } from '../shared/text/decode'
import { closeIndexFiles, loadIndexFile } from './index-store'
import { readAllPages } from '../shared/search/paged-bytes'
import { readAllColumns } from '../shared/search/lazy-columns'
import { readAllText } from '../shared/search/paged-text'
import { checkAllBlocks } from '../shared/search/term-dictionary'
import { archiveKey, readCatalog, sha256 } from './archive-dir'
import { readCorrections } from './corrections-store'
import { listCorrections } from './corrections-write'
import { CORRECTIONS_FILE } from '../shared/archive/corrections'
import { LOG_FILE, readLog } from './archive-log'
import { catalogHealth, catalogProblem, restoreCatalogLocked } from './catalog-recovery'
import { CATALOG_BACKUP, DAMAGED_PATTERN, readCatalogBackup } from './catalog-store'
import { ArchiveError } from './archive-error'
import { INDEX_FILE } from './index-helpers'
import { readRegularFile } from './safe-path'
import { FINGERPRINTS_FILE, readFingerprintFile, refreshFingerprints } from './fingerprints'
import type { Catalog } from '../shared/types'
import type { SearchIndex } from '../shared/search/compose-index'
import { fieldFileHealth, fieldFilePath } from './field-store'
import type { FieldHealth } from './field-store'
import { JOURNAL_FILE, JournalError, readJournal } from './write/journal'
import type { Journal } from './write/journal'
import { acquireLock, LOCK_FILE, lockIsStale, readLock } from './write/lock'
import { recoverArchive, strayTempFiles } from './write/recover'
import type { Recovery } from './write/recover'

export interface VerifyReport {
  ok: boolean
  errors: string[]
  warnings: string[]
  issues: number
  pages: number
  /**
   * The field index (suggestions, quick open, did you mean: index.bin.fields) against the
   * index: 'missing' is normal after a change (built at the next open); 'unchecked' when the
   * index itself is missing, out of date or unreadable.
   */
  fields: FieldHealth['state'] | 'unchecked'
}

export function verifyArchive(dir: string, indexPath = join(dir, INDEX_FILE)): VerifyReport {
  const errors: string[] = []
  const warnings: string[] = []
  let catalog
  // catalog.json must parse and pass the schema; archive.log's sha256 of the last committed
  // catalog and catalog.json.bak tell a hand edit or a damaged file from a clean one.
  const foreign = notAnArchive(dir)
  const none = { warnings, issues: 0, pages: 0, fields: 'unchecked' as const }
  if (foreign) return { ok: false, errors: [foreign], ...none }
  const health = catalogHealth(dir)
  if (health.problem) return { ok: false, errors: [health.problem], ...none }
  try {
    catalog = sortCatalog(readCatalog(dir))
  } catch (e) {
    return { ok: false, errors: [(e as Error).message], ...none }
  }
  warnings.push(...health.notes)
  let pages = 0
  const referenced = new Set<string>([CATALOG_FILE])
  for (const issue of catalog.issues) {
    for (const page of issue.pages) {
      pages++
      referenced.add(page.source)
      const file = join(dir, page.source)
      let bytes: Buffer
      try {
        bytes = readRegularFile(file)
      } catch (e) {
        errors.push(
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? `${file}: missing (page ${page.number} of ${issue.id})`
            : `${file}: ${(e as Error).message.replace(`${file}: `, '')} (page ${page.number} of ${issue.id})`,
        )
        continue
      }
      if (sha256(bytes) !== page.sha256) {
        errors.push(
          `${file}: its content changed since it was catalogued (sha256 differs); restore the original or add it again`,
        )
      }
      let text: string
      try {
        // The same checks as an import: a page that was mis-declared reads as garbage.
        text = decodeText(bytes, page.encoding, { allowPrivateUse: page.privateUse === true }).text
      } catch (e) {
        errors.push(`${file}: ${(e as Error).message}`)
        continue
      }
      // A page imported one file per article keeps its articles' ranges in the catalog; once
      // they no longer fit the text (the file edited, the catalog edited), the reader falls back
      // to segmenting the page, and the articles as delivered are lost without a word.
      const misfit = page.articles && rangesProblem(text, page.articles)
      if (misfit)
        errors.push(
          `${file}: the article boundaries stored for page ${page.number} of ${issue.id} (imported one file per article) no longer fit its text: ${misfit}; the reader segments the page instead. Restore the page file, or remove the issue and import its article files again`,
        )
    }
  }
  // Leftovers of a killed import or remove are harmless (the catalog ignores them) but reported;
  // "verify --repair" or the next import or remove finishes or undoes that change.
  let journal: Journal | undefined
  try {
    journal = readJournal(dir, indexPath)
  } catch (e) {
    // A journal breaking the rule is an error: no change can run until a person looks at it.
    if (!(e instanceof JournalError)) throw e
    errors.push(e.message)
  }
  const leftovers = new Set((journal?.create ?? []).map((r) => r.name))
  if (journal)
    warnings.push(
      `${join(dir, JOURNAL_FILE)}: an interrupted ${journal.op} (${journal.txn}, started ${journal.started}); run "verify --repair" to finish or undo it`,
    )
  const lock = readLock(dir)
  if (existsSync(join(dir, LOCK_FILE))) {
    warnings.push(
      lockIsStale(lock)
        ? `${join(dir, LOCK_FILE)}: the lock of a ${lock?.op ?? 'change'} that was killed (process ${lock?.pid}); the next change or "verify --repair" removes it`
        : `${join(dir, LOCK_FILE)}: a ${lock?.op} is running (process ${lock?.pid}); this report may be out of date in a moment`,
    )
  }
  for (const name of strayTempFiles(dir))
    warnings.push(
      `${join(dir, name)}: a temp file of a killed writer; "verify --repair" removes it`,
    )
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.txt') && !referenced.has(name))
      warnings.push(
        `${join(dir, name)}: not in the catalog (${leftovers.has(name) ? 'left by the interrupted change; "verify --repair" removes it' : 'left over from an interrupted add, or put here by hand?'})`,
      )
    if (DAMAGED_PATTERN.test(name))
      warnings.push(
        `${join(dir, name)}: a damaged catalog set aside when catalog.json was restored; delete it once you have looked at it`,
      )
    if (name.endsWith('.staged'))
      warnings.push(
        `${join(dir, name)}: an index staged by an interrupted change; "verify --repair" handles it`,
      )
  }
  const log = readLog(dir)
  if (log.bad.length)
    warnings.push(
      `${join(dir, LOG_FILE)}: line(s) ${log.bad.join(', ')} are not JSON (a torn write?)`,
    )
  fingerprintHealth(dir, catalog, errors, warnings)
  let fields: VerifyReport['fields'] = 'unchecked'
  if (!existsSync(indexPath))
    warnings.push(`${indexPath}: no index yet; it is built on first use (or run "index")`)
  else {
    try {
      const loaded = loadIndexFile(indexPath)
      // A search checks only the postings, text pages and doc columns it reads; verify checks
      // them all.
      try {
        for (const { seg } of loaded.index.segments) {
          readAllColumns(seg.docs)
          readAllPages(seg.ngram.lists)
          checkAllBlocks(seg.ngram.terms)
          for (const text of [seg.docs.text, seg.docs.headlines, seg.docs.titles]) readAllText(text)
        }
      } catch (e) {
        closeIndexFiles(loaded.index)
        throw e
      }
      if (loaded.sourceKey !== archiveKey(dir, catalog))
        warnings.push(`${indexPath}: out of date; it is rebuilt on first use (or run "index")`)
      else fields = fieldHealth(indexPath, loaded.index, catalog, errors, warnings)
    } catch (e) {
      errors.push(`${indexPath}: ${(e as Error).message}; run "index" to rebuild it`)
    }
  }
  verifyCorrections(dir, catalog, errors, warnings)
  return { ok: errors.length === 0, errors, warnings, issues: catalog.issues.length, pages, fields }
}

/** index.bin.fields against the index it sits beside (derived data: stale is a warning). */
function fieldHealth(
  indexPath: string,
  index: SearchIndex,
  catalog: Catalog,
  errors: string[],
  warnings: string[],
): FieldHealth['state'] {
  const health = fieldFileHealth(indexPath, index, catalog.papers)
  const file = fieldFilePath(indexPath)
  if (health.state === 'stale')
    warnings.push(
      `${file}: out of date (${health.problem}); it is rebuilt on first use (or run "index")`,
    )
  if (health.state === 'damaged')
    errors.push(`${file}: damaged (${health.problem}); run "index" to rebuild it`)
  return health.state
}

/**
 * Why `dir` is not an archive folder at all — missing, or without a catalog, its backup or a
 * log — so the user is told to point at the right folder, not to restore this one from a copy.
 */
export function notAnArchive(dir: string): string | undefined {
  if (!existsSync(dir)) return `${dir}: no such folder; give --archive DIR for an archive folder`
  if (![CATALOG_FILE, CATALOG_BACKUP, LOG_FILE].some((n) => existsSync(join(dir, n))))
    return `${dir} is not an archive folder (it has no ${CATALOG_FILE}); give --archive DIR for the folder that holds one (an import with "add --archive DIR" creates a new archive)`
  return undefined
}

/** fingerprints.json against the catalog: derived data, so a stale one is only a warning. */
function fingerprintHealth(
  dir: string,
  catalog: Catalog,
  errors: string[],
  warnings: string[],
): void {
  const file = join(dir, FINGERPRINTS_FILE)
  const stored = readFingerprintFile(dir)
  // Missing is normal (an archive made by hand or by an older version, the bundled seeds): the
  // next import computes the fingerprints from the pages and writes the file in its transaction.
  if (stored.state === 'missing') return
  if (stored.state === 'damaged') {
    errors.push(`${file}: damaged (${stored.problem}); run "verify --repair" to rebuild it`)
    return
  }
  if (stored.state === 'outdated') {
    warnings.push(`${file}: ${stored.problem}; "verify --repair" rebuilds it`)
    return
  }
  const have = new Set(stored.entries.map((e) => `${e.issue}\u0000${e.page}\u0000${e.sha256}`))
  const pages = catalog.issues.flatMap((i) => i.pages.map((p) => ({ issue: i.id, page: p })))
  const lacking = pages.filter(
    (p) => !have.has(`${p.issue}\u0000${p.page.number}\u0000${p.page.sha256}`),
  ).length
  const extra = stored.entries.length - (pages.length - lacking)
  if (lacking || extra)
    warnings.push(
      `${file}: out of date (${lacking} page(s) without a fingerprint, ${extra} for pages no longer in the catalog); "verify --repair" rewrites it`,
    )
}

/** Finishes or undoes an interrupted change (under the archive's lock), for "verify --repair". */
export function repairArchive(dir: string, indexPath = join(dir, INDEX_FILE)): Recovery {
  // Not a lock in a folder that is no archive: the same answer as verify.
  const foreign = notAnArchive(dir)
  if (foreign) throw new ArchiveError(foreign)
  const release = acquireLock(dir, 'repair')
  try {
    // A damaged catalog first: recovery judges an interrupted change by the catalog's sha256.
    const restored =
      catalogProblem(dir) !== undefined && readCatalogBackup(dir).state === 'ok'
        ? restoreCatalogLocked(dir)
        : undefined
    const recovery = recoverArchive(dir, indexPath)
    if (restored) recovery.actions.unshift(restored.message)
    // The pages' fingerprints, when fingerprints.json is damaged or out of date (a readable
    // catalog only: a damaged one is reported by verify). A missing one is left to the next
    // import, which computes and writes it: repair changes only what is wrong.
    if (catalogProblem(dir) === undefined && readFingerprintFile(dir).state !== 'missing') {
      const fp = refreshFingerprints(dir, sortCatalog(readCatalog(dir)))
      if (!fp.current)
        recovery.actions.push(
          `wrote ${FINGERPRINTS_FILE} (${fp.entries.length} page(s), ${fp.computed} fingerprint(s) computed from the page files${fp.file.problem ? `; the old file was ${fp.file.state}: ${fp.file.problem}` : ''})`,
        )
    }
    return recovery
  } finally {
    release()
  }
}

/** corrections.json: usable, the one the catalog records, and every entry still applies. */
function verifyCorrections(
  dir: string,
  catalog: Catalog,
  errors: string[],
  warnings: string[],
): void {
  const stored = readCorrections(dir, catalog)
  if (stored.unrecorded)
    warnings.push(
      `${join(dir, CORRECTIONS_FILE)}: not recorded in the catalog, so not applied; add its entries with "corrections import"`,
    )
  if (stored.problem) (stored.unusable ? errors : warnings).push(stored.problem)
  for (const r of stored.rejected)
    warnings.push(
      `${CORRECTIONS_FILE}: ${r.id ? `"${r.id}"` : `entry ${r.at + 1}`} is not applied: ${r.problem}`,
    )
  if (stored.unusable || !stored.file.entries.length) return
  try {
    for (const { entry, outcome } of listCorrections(dir))
      if (outcome.status === 'stale' || outcome.status === 'refused')
        warnings.push(
          `${CORRECTIONS_FILE}: "${entry.id}" (${entry.kind}, ${entry.issue} p${entry.page}) is ${outcome.status}: ${outcome.problem ?? ''}`,
        )
  } catch (e) {
    if (!(e instanceof ArchiveError)) throw e
    warnings.push(`${CORRECTIONS_FILE}: cannot be judged (${e.message})`)
  }
}
