// `export DIR`: a complete archive folder another library can open — the catalog (all issues or
// a selection), the page files as they are (each checked against its sha256), the chosen
// issues' corrections and a fresh index. Writing DIR is a transaction on DIR (runTransaction,
// the one every change of an archive goes through): its lock refuses a second export to the same
// folder, its journal lets a killed export be undone (by the next export to DIR, or `verify
// --repair`), and catalog.json, written last, is the commit point — DIR is never a half archive.
//
// The source is only read: it is not locked, logged to or otherwise touched (the bundled seeds/
// are read-only, and an export must work from a read-only disk). DIR's own archive.log records
// where it came from.
import { mkdirSync, readdirSync, rmdirSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import {
  parseCatalog,
  serializeCatalog,
  sortCatalog,
  CATALOG_FILE,
} from '../shared/archive/catalog'
import { indexFileBytes } from './index-store'
import type { Catalog } from '../shared/types'
import { archiveKey, ArchiveError, readCatalog, sha256 } from './archive-dir'
import { buildIndexFor, INDEX_FILE } from './index-helpers'
import { correctionEntries } from './corrections-store'
import { emptyCorrections, serializeCorrections } from '../shared/archive/corrections'
import { crashPoint } from './crash-point'
import { entryKind, readInside } from './safe-path'
import { PAGE_FILE_RULE } from '../shared/archive/safe-name'
import { hasJournal, JOURNAL_FILE, readJournal } from './write/journal'
import type { PageFileRef } from './write/journal'
import { LOCK_FILE, lockIsStale, readLock } from './write/lock'
import { strayTempFiles } from './write/recover'
import type { Recovery } from './write/recover'
import { runTransaction } from './write/transaction'

export interface ExportOptions {
  archiveDir: string
  target: string
  /** Only these papers / this date range / these issues (all when not given). */
  papers?: string[]
  from?: string
  to?: string
  issues?: string[]
  title?: string
  onProgress?: (done: number, total: number) => void
}

export interface ExportResult {
  target: string
  issues: number
  pages: number
  bytes: number
  indexBytes: number
  /** The transaction that wrote the target (its archive.log names it). */
  txn: string
  /** What was undone of a killed export to the same target, when there was one. */
  recovery?: Recovery
}

function select(catalog: Catalog, opts: ExportOptions): Catalog {
  const issues = catalog.issues.filter(
    (i) =>
      (!opts.papers?.length || opts.papers.includes(i.paper)) &&
      (!opts.from || i.date >= opts.from) &&
      (!opts.to || i.date <= opts.to) &&
      (!opts.issues?.length || opts.issues.includes(i.id)),
  )
  const used = new Set(issues.map((i) => i.paper))
  return {
    ...catalog,
    title: opts.title ?? catalog.title,
    papers: catalog.papers.filter((p) => used.has(p.slug)),
    issues,
  }
}

/** What is in `target` besides a lock and a killed writer's temp files. */
function contents(target: string): string[] {
  const stray = new Set(strayTempFiles(target))
  return readdirSync(target).filter((n) => n !== LOCK_FILE && !stray.has(n))
}

/**
 * `target` must be a new or empty folder — or what a killed export left in one: no catalog yet,
 * and that export's journal, which recovery (under the lock) judges file by file and undoes.
 */
function checkTarget(target: string, interruptedExportAllowed: boolean): void {
  const kind = entryKind(target)
  if (kind === 'missing') return
  if (kind !== 'folder')
    throw new ArchiveError(
      `export: ${target} is ${kind === 'symlink' ? 'a symbolic link' : 'a file'}; give a new folder`,
    )
  const names = contents(target)
  if (names.length === 0) return
  if (
    interruptedExportAllowed &&
    !names.includes(CATALOG_FILE) &&
    names.includes(JOURNAL_FILE) &&
    journalOp(target) === 'export'
  )
    return
  throw new ArchiveError(`export: ${target} is not empty; give a new or empty folder`)
}

function journalOp(target: string): string | undefined {
  try {
    return readJournal(target)?.op
  } catch {
    return undefined // a journal that breaks the rule is no export's: the folder is not empty
  }
}

export function exportArchive(opts: ExportOptions): ExportResult {
  const src = resolve(opts.archiveDir)
  const target = resolve(opts.target)
  checkTarget(target, true)
  const rel = relative(src, target)
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)))
    throw new ArchiveError(
      `export: ${target} is inside the archive ${src}; export to a folder outside it`,
    )
  // Read without its lock (taking it would write to the source): a change in progress is
  // refused now, and one that starts meanwhile is caught by each page's sha256.
  const lock = readLock(src)
  if (hasJournal(src) || (lock && !lockIsStale(lock)))
    throw new ArchiveError(
      `export: ${src} is being changed or an earlier change was interrupted; run "verify --repair" (or wait) and export again`,
    )
  const chosen = select(sortCatalog(readCatalog(src)), opts)
  if (chosen.issues.length === 0)
    throw new ArchiveError('export: no issue matches; nothing to export')

  const made = entryKind(target) === 'missing'
  mkdirSync(target, { recursive: true })
  try {
    const r = runTransaction(
      { dir: target, op: 'export', indexPath: join(target, INDEX_FILE) },
      () => {
        // Again under the lock, after recovery: an export that finished meanwhile has filled it.
        checkTarget(target, false)
        return plan(src, target, chosen, opts)
      },
    )
    const result: ExportResult = {
      target,
      issues: chosen.issues.length,
      pages: r.create.length,
      bytes: r.bytes,
      indexBytes: r.indexBytes,
      txn: r.txn,
    }
    if (r.recovery.txn) result.recovery = r.recovery
    return result
  } catch (e) {
    // A refused or failed export leaves no folder it made (runTransaction has undone its files).
    if (made && entryKind(target) === 'folder' && readdirSync(target).length === 0)
      rmdirSync(target)
    throw e
  }
}

/** The export as one change of the target: its catalog, its page files, how they are written. */
function plan(src: string, target: string, chosen: Catalog, opts: ExportOptions) {
  // The chosen issues' corrections go with them, recorded in the exported catalog.
  const kept = new Set(chosen.issues.map((i) => i.id))
  const entries = correctionEntries(src, chosen).filter((e) => kept.has(e.issue))
  const { corrections: _, ...bare } = chosen
  const correctionsJson = entries.length
    ? serializeCorrections({ ...emptyCorrections(), entries })
    : undefined
  const exported: Catalog = correctionsJson
    ? { ...bare, corrections: sha256(correctionsJson) }
    : bare
  const catalogJson = serializeCatalog(exported)
  const pages = chosen.issues.flatMap((i) => i.pages)
  const create: PageFileRef[] = pages.map((p) => ({ name: p.source, sha256: p.sha256 }))
  const out = {
    catalogJson,
    create,
    delete: [] as PageFileRef[],
    log: { from: src, issues: chosen.issues.map((i) => i.id), pages: pages.length },
    ...(correctionsJson !== undefined ? { correctionsJson } : {}),
    bytes: 0,
    indexBytes: 0,
    stage: (s: { writePage(name: string, bytes: Uint8Array): void }): Uint8Array => {
      for (const [k, page] of pages.entries()) {
        const data = readInside(src, page.source, 'a page file the catalog names', PAGE_FILE_RULE)
        if (sha256(data) !== page.sha256)
          throw new ArchiveError(
            `export: ${join(src, page.source)} changed since it was catalogued (sha256 differs); run "verify" on the archive first`,
          )
        s.writePage(page.source, data)
        out.bytes += data.length
        opts.onProgress?.(k + 1, pages.length)
        crashPoint('export-page')
      }
      const parsed = sortCatalog(parseCatalog(catalogJson))
      const index = indexFileBytes(
        buildIndexFor(target, parsed, undefined, undefined, entries),
        archiveKey(target, parsed),
      )
      out.indexBytes = index.length
      return index
    },
  }
  return out
}
