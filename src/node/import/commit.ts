// Pass 2 of a batch import: one transaction (see ../txn.ts). Each page is read again (and must
// still be the file that was checked), copied in under its new name and segmented; its articles
// stream into the extended index, so only normalized text is held, never all the pages. The new
// catalog is the commit point. The archive's corrections apply to the issues it adds: an issue
// removed and imported again keeps them (carried-corrections.ts says what became of each).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  CATALOG_FILE,
  paperRules,
  parseCatalog,
  serializeCatalog,
  sortCatalog,
} from '../../shared/archive/catalog'
import type { ImportProgress } from '../../shared/archive/import-report'
import { extendSearchIndex, issueDocInputs } from '../../shared/search/search-index'
import type { SearchIndex } from '../../shared/search/compose-index'
import type { CorrectionEntry } from '../../shared/archive/corrections'
import type { DocInput } from '../../shared/search/segment'
import type { CatalogIssue } from '../../shared/types'
import { archiveKey, ArchiveError } from '../archive-dir'
import { correctionEntries } from '../corrections-store'
import { syncDir } from '../atomic'
import { crashPoint } from '../crash-point'
import { buildIndexFor } from '../index-helpers'
import { stageIndex } from '../index-store'
import { serializeFingerprints } from '../fingerprints'
import { sha256File } from '../write/recover'
import type { Recovery } from '../write/recover'
import { runTransaction } from '../write/transaction'
import type { Stager } from '../write/transaction'
import { carriedCorrections, plannedPageText } from './carried-corrections'
import type { CarriedCorrection } from './carried-corrections'
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
  /** The archive's corrections of the batch's issues (a re-added issue's), judged on its pages. */
  corrections: CarriedCorrection[]
  ms: number
}

export interface CommitOptions {
  onProgress?: (p: ImportProgress) => void
  shouldCancel?: () => boolean
}

export function commitImport(plan: ImportPlan, opts: CommitOptions = {}): ImportResult {
  try {
    return commitPlanned(plan, opts)
  } finally {
    // Pages joined from per-article files were only needed until now.
    plan.cleanup?.()
  }
}

function commitPlanned(plan: ImportPlan, opts: CommitOptions): ImportResult {
  if (!plan.report.ok)
    throw new ArchiveError(
      `the batch has ${plan.report.summary.errors} error(s); nothing was imported`,
    )
  const t0 = performance.now()
  const dir = plan.archiveDir
  const progress = opts.onProgress ?? (() => {})
  mkdirSync(dir, { recursive: true })
  const extendsExisting = plan.newIssues.length !== plan.report.issues.length
  const done = runTransaction({ dir, op: 'import', indexPath: plan.indexPath }, () => {
    if (sha256File(join(dir, CATALOG_FILE)) !== plan.catalogSha)
      throw new ArchiveError(
        `${dir}: the archive changed since the batch was checked (another import or remove?); run the import again`,
      )
    const catalogJson = serializeCatalog(plan.after)
    // The catalog is unchanged since planning (above), so it records the same corrections.
    const entries = correctionEntries(dir, plan.before)
    const carried = carriedCorrections(dir, plan, entries)
    return {
      carried,
      catalogJson,
      create: plan.pages.map((p) => ({ name: p.source, sha256: p.sha256 })),
      fingerprintsJson: serializeFingerprints([
        ...plan.fingerprints,
        ...plan.pages.map((p) => p.fingerprint),
      ]),
      delete: [],
      log: {
        issues: plan.report.issues.map((i) => ({
          id: i.id,
          kind: i.kind,
          pages: i.newPages.map((p) => p.number),
          from: i.newPages.map((p) => p.file),
        })),
        pages: plan.pages.length,
        bytes: plan.report.summary.bytes,
        ...(carried.length
          ? { corrections: carried.map((c) => ({ id: c.id, status: c.status })) }
          : {}),
      },
      stage: (s: Stager): Uint8Array => {
        let index: SearchIndex
        if (extendsExisting) {
          for (const [k, p] of plan.pages.entries()) copyPage(s, p, k, plan, opts)
          progress({ phase: 'index', done: 0, total: 1 })
          index = buildIndexFor(dir, plan.after, undefined, undefined, entries)
        } else {
          const byId = new Map(plan.after.issues.map((i) => [i.id, i]))
          const rows = plan.newIssues.map((id) => {
            const i = byId.get(id) as CatalogIssue
            return { id: i.id, paper: i.paper, date: i.date }
          })
          index = extendSearchIndex(plan.baseIndex, rows, streamDocs(s, plan, opts, entries))
        }
        syncDir(dir)
        progress({ phase: 'index', done: 1, total: 1 })
        const after = sortCatalog(parseCatalog(catalogJson))
        return stageIndex(plan.indexPath, index, archiveKey(dir, after))
      },
      beforeCommit: () => {
        if (opts.shouldCancel?.()) throw new ImportCancelled()
        progress({ phase: 'commit', done: 0, total: 1 })
      },
    }
  })
  progress({ phase: 'done', done: 1, total: 1 })
  return {
    txn: done.txn,
    issues: plan.report.issues.map((i) => ({
      id: i.id,
      kind: i.kind,
      pages: i.newPages.map((p) => p.number),
    })),
    pages: plan.pages.length,
    bytes: plan.report.summary.bytes,
    index: extendsExisting ? 'rebuilt' : 'extended',
    recovery: done.recovery,
    corrections: done.carried,
    ms: Math.round(performance.now() - t0),
  }
}

/** Copies one page in; returns its decoded text. The file must not have changed since pass 1. */
function copyPage(
  s: Stager,
  p: PlannedPage,
  k: number,
  plan: ImportPlan,
  opts: CommitOptions,
): string {
  if (opts.shouldCancel?.()) throw new ImportCancelled()
  opts.onProgress?.({ phase: 'copy', done: k, total: plan.pages.length, file: p.from })
  const { bytes, text } = plannedPageText(p)
  s.writePage(p.source, bytes)
  crashPoint('after-page')
  return text
}

/** The new issues' articles, issue by issue; each page is copied in as it is read. */
function* streamDocs(
  s: Stager,
  plan: ImportPlan,
  opts: CommitOptions,
  entries: readonly CorrectionEntry[],
): Generator<DocInput> {
  const issues = new Map(plan.after.issues.map((i) => [i.id, i]))
  const pages = new Map(plan.pages.map((p) => [`${p.issueId}/${p.number}`, p]))
  let k = 0
  for (const [issueNo, id] of plan.newIssues.entries()) {
    const issue = issues.get(id) as CatalogIssue
    const texts = issue.pages.map((page) =>
      copyPage(s, pages.get(`${id}/${page.number}`) as PlannedPage, k++, plan, opts),
    )
    yield* issueDocInputs(
      issueNo,
      issue,
      texts,
      paperRules(plan.after.papers, issue.paper),
      entries,
    )
  }
}
