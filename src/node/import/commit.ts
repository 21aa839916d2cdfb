// Pass 2 of a batch import: one transaction (see ../txn.ts). Each page is read again (and must
// still be the file that was checked), copied in under its new name and segmented; its articles
// stream into the extended index, so only normalized text is held, never all the pages. The new
// catalog is the commit point.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  paperRules,
  parseCatalog,
  serializeCatalog,
  sortCatalog,
} from '../../shared/archive/catalog'
import type { ImportProgress } from '../../shared/archive/import-report'
import { indexFileBytes } from '../index-store'
import { extendSearchIndex, issueDocInputs } from '../../shared/search/search-index'
import type { DocInput, SearchIndex } from '../../shared/search/search-index'
import { decodeText } from '../../shared/text/decode'
import type { CatalogIssue } from '../../shared/types'
import { archiveKey, ArchiveError, sha256 } from '../archive-dir'
import { logEntry } from '../archive-log'
import { buildIndexFor } from '../archive-service'
import { syncDir } from '../atomic'
import { crashPoint } from '../crash-point'
import {
  acquireLock,
  commitCatalog,
  finishTransaction,
  newTxnId,
  recoverArchive,
  sha256File,
  stagedIndexPath,
  writeJournal,
  writeNewFile,
} from '../txn'
import type { Journal, Recovery } from '../txn'
import { ImportCancelled } from './plan'
import type { ImportPlan, PlannedPage } from './plan'

export interface ImportResult {
  txn: string
  issues: { id: string; kind: 'new' | 'extends'; pages: number[] }[]
  pages: number
  bytes: number
  /** 'extended' with the new issues, or 'rebuilt' when an existing issue grew. */
  index: 'extended' | 'rebuilt'
  /** What was finished or undone of an earlier, interrupted change. */
  recovery: Recovery
  ms: number
}

export interface CommitOptions {
  onProgress?: (p: ImportProgress) => void
  shouldCancel?: () => boolean
}

export function commitImport(plan: ImportPlan, opts: CommitOptions = {}): ImportResult {
  if (!plan.report.ok)
    throw new ArchiveError(
      `the batch has ${plan.report.summary.errors} error(s); nothing was imported`,
    )
  const t0 = performance.now()
  const dir = plan.archiveDir
  const progress = opts.onProgress ?? (() => {})
  mkdirSync(dir, { recursive: true })
  const release = acquireLock(dir, 'import')
  try {
    const recovery = recoverArchive(dir)
    if (sha256File(join(dir, 'catalog.json')) !== plan.catalogSha)
      throw new ArchiveError(
        `${dir}: the archive changed since the batch was checked (another import or remove?); run the import again`,
      )
    const txn = newTxnId()
    const catalogJson = serializeCatalog(plan.after)
    const staged = stagedIndexPath(plan.indexPath, txn)
    const journal: Journal = {
      txn,
      op: 'import',
      pid: process.pid,
      started: new Date().toISOString(),
      catalogAfter: sha256(catalogJson),
      create: plan.pages.map((p) => p.source),
      delete: [],
      stagedIndex: staged,
      indexPath: plan.indexPath,
      log: logEntry('import', txn, {
        issues: plan.report.issues.map((i) => ({
          id: i.id,
          kind: i.kind,
          pages: i.newPages.map((p) => p.number),
          from: i.newPages.map((p) => p.file),
        })),
        pages: plan.pages.length,
        bytes: plan.report.summary.bytes,
        catalogSha256: sha256(catalogJson),
      }),
    }
    writeJournal(dir, journal)
    crashPoint('after-journal')
    try {
      const extendsExisting = plan.newIssues.length !== plan.report.issues.length
      let index: SearchIndex
      if (extendsExisting) {
        for (const [k, p] of plan.pages.entries()) copyPage(dir, p, k, plan, opts)
        progress({ phase: 'index', done: 0, total: 1 })
        index = buildIndexFor(dir, plan.after)
      } else {
        const byId = new Map(plan.after.issues.map((i) => [i.id, i]))
        const rows = plan.newIssues.map((id) => {
          const i = byId.get(id) as CatalogIssue
          return { id: i.id, paper: i.paper, date: i.date }
        })
        index = extendSearchIndex(plan.baseIndex, rows, streamDocs(dir, plan, opts))
      }
      syncDir(dir)
      progress({ phase: 'index', done: 1, total: 1 })
      const after = sortCatalog(parseCatalog(catalogJson))
      writeNewFile(staged, indexFileBytes(index, archiveKey(dir, after)))
      crashPoint('after-index-staged')
      if (opts.shouldCancel?.()) throw new ImportCancelled()
      progress({ phase: 'commit', done: 0, total: 1 })
      commitCatalog(dir, catalogJson)
      finishTransaction(dir, journal)
      progress({ phase: 'done', done: 1, total: 1 })
      return {
        txn,
        issues: plan.report.issues.map((i) => ({
          id: i.id,
          kind: i.kind,
          pages: i.newPages.map((p) => p.number),
        })),
        pages: plan.pages.length,
        bytes: plan.report.summary.bytes,
        index: extendsExisting ? 'rebuilt' : 'extended',
        recovery,
        ms: Math.round(performance.now() - t0),
      }
    } catch (e) {
      // Undo (or, past the commit point, finish) this transaction before reporting the error.
      recoverArchive(dir)
      throw e
    }
  } finally {
    release()
  }
}

/** Copies one page in; returns its decoded text. The file must not have changed since pass 1. */
function copyPage(
  dir: string,
  p: PlannedPage,
  k: number,
  plan: ImportPlan,
  opts: CommitOptions,
): string {
  if (opts.shouldCancel?.()) throw new ImportCancelled()
  opts.onProgress?.({ phase: 'copy', done: k, total: plan.pages.length, file: p.from })
  const bytes = readFileSync(p.from)
  if (sha256(bytes) !== p.sha256)
    throw new ArchiveError(`${p.from}: the file changed since it was checked; run the import again`)
  writeNewFile(join(dir, p.source), bytes)
  crashPoint('after-page')
  return decodeText(bytes, p.encoding).text
}

/** The new issues' articles, issue by issue; each page is copied in as it is read. */
function* streamDocs(dir: string, plan: ImportPlan, opts: CommitOptions): Generator<DocInput> {
  const issues = new Map(plan.after.issues.map((i) => [i.id, i]))
  const pages = new Map(plan.pages.map((p) => [`${p.issueId}/${p.number}`, p]))
  let k = 0
  for (const [issueNo, id] of plan.newIssues.entries()) {
    const issue = issues.get(id) as CatalogIssue
    const texts = issue.pages.map((page) =>
      copyPage(dir, pages.get(`${id}/${page.number}`) as PlannedPage, k++, plan, opts),
    )
    yield* issueDocInputs(issueNo, issue, texts, paperRules(plan.after.papers, issue.paper))
  }
}
