// `export DIR`: a complete archive folder another library can open — the catalog (all issues or
// a selection), the page files as they are (each checked against its sha256) and a fresh index.
// It is built in a hidden folder beside DIR and renamed into place at the end, so DIR either
// does not exist (or stays empty) or holds the whole export.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs'
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
import { correctionEntries } from './corrections-store'
import {
  CORRECTIONS_FILE,
  emptyCorrections,
  serializeCorrections,
} from '../shared/archive/corrections'
import { describeWriteFailure, syncDir } from './atomic'
import { crashPoint } from './crash-point'
import { entryKind, readInside, safeJoin } from './safe-path'
import { PAGE_FILE_RULE } from '../shared/archive/safe-name'
import { hasJournal } from './write/journal'
import { acquireLockFile, ArchiveBusyError, lockIsStale, pidAlive, readLock } from './write/lock'
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
  /** Hidden build folders of killed exports to the same target, removed before this one. */
  cleaned?: string[]
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

/** Hidden build folders of exports to `target`: `.NAME.export-PID-HEX`. */
function buildFolders(parent: string, base: string): { name: string; pid: number }[] {
  const prefix = `.${base}.export-`
  const out: { name: string; pid: number }[] = []
  let names: string[] = []
  try {
    names = readdirSync(parent)
  } catch {
    return out
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const m = /^(\d+)-[0-9a-f]{6}$/.exec(name.slice(prefix.length))
    if (m) out.push({ name, pid: Number(m[1]) })
  }
  return out
}

/** Removes what killed exports to the same target left (their hidden build folders). */
function removeLeftovers(parent: string, base: string): string[] {
  const removed: string[] = []
  for (const f of buildFolders(parent, base)) {
    if (f.pid === process.pid || pidAlive(f.pid)) continue
    const path = join(parent, f.name)
    // Only a real folder; a link of that name is left alone (never followed).
    if (entryKind(path) !== 'folder') continue
    rmSync(path, { recursive: true, force: true })
    removed.push(f.name)
  }
  return removed
}

function checkTarget(target: string): void {
  const kind = entryKind(target)
  if (kind === 'missing') return
  if (kind !== 'folder')
    throw new ArchiveError(
      `export: ${target} is ${kind === 'symlink' ? 'a symbolic link' : 'a file'}; give a new folder`,
    )
  if (readdirSync(target).length > 0)
    throw new ArchiveError(`export: ${target} is not empty; give a new or empty folder`)
}

export function exportArchive(opts: ExportOptions): ExportResult {
  const src = resolve(opts.archiveDir)
  const target = resolve(opts.target)
  checkTarget(target)
  const rel = relative(src, target)
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)))
    throw new ArchiveError(
      `export: ${target} is inside the archive ${src}; export to a folder outside it`,
    )
  const lock = readLock(src)
  if (hasJournal(src) || (lock && !lockIsStale(lock)))
    throw new ArchiveError(
      `export: ${src} is being changed or an earlier change was interrupted; run "verify --repair" (or wait) and export again`,
    )
  const all = sortCatalog(readCatalog(src))
  const chosen = select(all, opts)
  if (chosen.issues.length === 0)
    throw new ArchiveError('export: no issue matches; nothing to export')

  const parent = dirname(target)
  const base = basename(target)
  mkdirSync(parent, { recursive: true })
  // One export per target at a time: a lock beside it. A second export is refused cleanly
  // instead of racing the first to the final rename.
  const release = acquireLockFile(
    join(parent, `.${base}.export.lock`),
    'export',
    (holder) =>
      new ArchiveBusyError(
        `export: ${target} is in use: another export to it is running${holder ? ` (process ${holder.pid} on ${holder.host}, since ${holder.started})` : ''}; wait for it to finish, or export elsewhere`,
      ),
    (e) => new ArchiveError(`export: cannot write beside ${target}: ${describeWriteFailure(e)}`),
  )
  try {
    const removed = removeLeftovers(parent, base)
    // Checked again under the lock: an export that finished meanwhile has filled it.
    checkTarget(target)
    return build(src, target, parent, base, chosen, opts, removed)
  } finally {
    release()
  }
}

function build(
  src: string,
  target: string,
  parent: string,
  base: string,
  chosen: Catalog,
  opts: ExportOptions,
  removed: string[],
): ExportResult {
  const tmp = join(parent, `.${base}.export-${process.pid}-${randomBytes(3).toString('hex')}`)
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
    // The chosen issues' corrections go with them, recorded in the exported catalog.
    const kept = new Set(chosen.issues.map((i) => i.id))
    const entries = correctionEntries(src, chosen).filter((e) => kept.has(e.issue))
    const { corrections: _, ...bare } = chosen
    let exported: Catalog = bare
    if (entries.length) {
      const cj = serializeCorrections({ ...emptyCorrections(), entries })
      writeNewFile(join(tmp, CORRECTIONS_FILE), Buffer.from(cj, 'utf8'))
      exported = { ...bare, corrections: sha256(cj) }
    }
    const json = serializeCatalog(exported)
    writeNewFile(join(tmp, CATALOG_FILE), Buffer.from(json, 'utf8'))
    const parsed = sortCatalog(parseCatalog(json))
    const index = indexFileBytes(
      join(tmp, INDEX_FILE),
      buildIndexFor(tmp, parsed),
      archiveKey(tmp, parsed),
    )
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
    if (entryKind(target) === 'folder') rmdirSync(target)
    renameSync(tmp, target)
    syncDir(parent)
    const result: ExportResult = {
      target,
      issues: chosen.issues.length,
      pages: total,
      bytes,
      indexBytes: index.length,
    }
    if (removed.length) result.cleaned = removed
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
