// `export DIR`: a complete archive folder another library can open — the catalog (all issues or
// a selection), the page files as they are (each checked against its sha256) and a fresh index.
// It is built in a hidden folder beside DIR and renamed into place at the end, so DIR either
// does not exist (or stays empty) or holds the whole export.
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import {
  parseCatalog,
  serializeCatalog,
  sortCatalog,
  CATALOG_FILE,
} from '../shared/archive/catalog'
import { indexFileBytes } from './index-store'
import type { Catalog } from '../shared/types'
import { archiveKey, ArchiveError, readCatalog, sha256 } from './archive-dir'
import { appendLog, logEntry } from './archive-log'
import { buildIndexFor, INDEX_FILE } from './index-helpers'
import { syncDir } from './atomic'
import { crashPoint } from './crash-point'
import { readInside, safeJoin } from './safe-path'
import { PAGE_FILE_RULE } from '../shared/archive/safe-name'
import { hasJournal } from './write/journal'
import { lockIsStale, readLock } from './write/lock'
import { writeNewFile } from './write/steps'
import { newTxnId } from './write/transaction'

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
  /** Set when the source's archive.log could not be written (a read-only archive). */
  logWarning?: string
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

export function exportArchive(opts: ExportOptions): ExportResult {
  const src = resolve(opts.archiveDir)
  const target = resolve(opts.target)
  if (existsSync(target)) {
    if (!statSync(target).isDirectory())
      throw new ArchiveError(`export: ${target} is a file; give a new folder`)
    if (readdirSync(target).length > 0)
      throw new ArchiveError(`export: ${target} is not empty; give a new or empty folder`)
  }
  const rel = relative(src, target)
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)))
    throw new ArchiveError(
      `export: ${target} is inside the archive ${src}; export to a folder outside it`,
    )
  const journal = hasJournal(src)
  const lock = readLock(src)
  if (journal || (lock && !lockIsStale(lock)))
    throw new ArchiveError(
      `export: ${src} is being changed or an earlier change was interrupted; run "verify --repair" (or wait) and export again`,
    )
  const all = sortCatalog(readCatalog(src))
  const chosen = select(all, opts)
  if (chosen.issues.length === 0)
    throw new ArchiveError('export: no issue matches; nothing to export')

  const parent = dirname(target)
  mkdirSync(parent, { recursive: true })
  const tmp = join(
    parent,
    `.${basename(target)}.export-${process.pid}-${randomBytes(3).toString('hex')}`,
  )
  mkdirSync(tmp)
  const txn = newTxnId()
  try {
    const total = chosen.issues.reduce((n, i) => n + i.pages.length, 0)
    let done = 0
    let bytes = 0
    for (const issue of chosen.issues) {
      for (const page of issue.pages) {
        const data = readInside(src, page.source, 'a page file the catalog names', PAGE_FILE_RULE)
        if (sha256(data) !== page.sha256)
          throw new ArchiveError(
            `export: ${join(src, page.source)} changed since it was catalogued (sha256 differs); run "verify" on the archive first`,
          )
        writeNewFile(safeJoin(tmp, page.source, 'a page file', PAGE_FILE_RULE), data)
        bytes += data.length
        opts.onProgress?.(++done, total)
        crashPoint('export-page')
      }
    }
    const json = serializeCatalog(chosen)
    writeNewFile(join(tmp, CATALOG_FILE), Buffer.from(json, 'utf8'))
    const parsed = sortCatalog(parseCatalog(json))
    const index = indexFileBytes(buildIndexFor(tmp, parsed), archiveKey(tmp, parsed))
    writeNewFile(join(tmp, INDEX_FILE), index)
    appendLog(
      tmp,
      logEntry('created-by-export', txn, {
        from: src,
        issues: chosen.issues.map((i) => i.id),
        pages: total,
        catalogSha256: sha256(json),
      }),
    )
    syncDir(tmp)
    crashPoint('export-before-rename')
    if (existsSync(target)) rmdirSync(target)
    renameSync(tmp, target)
    syncDir(parent)
    const result: ExportResult = {
      target,
      issues: chosen.issues.length,
      pages: total,
      bytes,
      indexBytes: index.length,
    }
    try {
      appendLog(
        src,
        logEntry('export', txn, { to: target, issues: chosen.issues.length, pages: total }),
      )
    } catch (e) {
      result.logWarning = `${src}: the export was not logged (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
    }
    return result
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true })
    throw e
  }
}
