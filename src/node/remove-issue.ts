// `remove ISSUE`: one transaction (see txn.ts). The index is shrunk from its own text (no page
// is read again), staged, then the catalog without the issue is committed; the issue's page
// files are deleted only after that, so a killed remove leaves the issue either fully there or
// fully gone.
import { join, resolve } from 'node:path'
import { parseCatalog, serializeCatalog, sortCatalog } from '../shared/archive/catalog'
import { indexFileBytes } from './index-store'
import { withoutIssues } from '../shared/search/search-index'
import { archiveKey, ArchiveError, readCatalog, sha256 } from './archive-dir'
import { logEntry } from './archive-log'
import { INDEX_FILE } from './archive-service'
import { crashPoint } from './crash-point'
import { loadBaseIndex } from './import/base-index'
import {
  acquireLock,
  commitCatalog,
  finishTransaction,
  newTxnId,
  recoverArchive,
  stagedIndexPath,
  writeJournal,
  writeNewFile,
} from './txn'
import type { Journal, Recovery } from './txn'

export interface RemoveOptions {
  archiveDir: string
  issueId: string
  indexPath?: string
}

export interface RemoveResult {
  txn: string
  issueId: string
  paper: string
  date: string
  /** The page files deleted. */
  files: string[]
  recovery: Recovery
}

export function removeIssue(opts: RemoveOptions): RemoveResult {
  const dir = resolve(opts.archiveDir)
  const indexPath = opts.indexPath ?? join(dir, INDEX_FILE)
  const release = acquireLock(dir, 'remove')
  try {
    const recovery = recoverArchive(dir)
    const before = sortCatalog(readCatalog(dir))
    const issue = before.issues.find((i) => i.id === opts.issueId)
    if (!issue) {
      const near = before.issues.filter((i) => i.id.startsWith(opts.issueId.split('-')[0] ?? ''))
      throw new ArchiveError(
        `remove: no issue "${opts.issueId}" in ${dir}${
          near.length
            ? `; did you mean ${near
                .slice(0, 5)
                .map((i) => i.id)
                .join(', ')}?`
            : ' (see "list")'
        }`,
      )
    }
    const catalogJson = serializeCatalog({
      ...before,
      issues: before.issues.filter((i) => i.id !== issue.id),
    })
    const after = sortCatalog(parseCatalog(catalogJson))
    const txn = newTxnId()
    const staged = stagedIndexPath(indexPath, txn)
    const files = issue.pages.map((p) => p.source)
    const journal: Journal = {
      txn,
      op: 'remove',
      pid: process.pid,
      started: new Date().toISOString(),
      catalogAfter: sha256(catalogJson),
      create: [],
      delete: files,
      stagedIndex: staged,
      indexPath,
      log: logEntry('remove', txn, {
        issue: issue.id,
        paper: issue.paper,
        date: issue.date,
        pages: issue.pages.map((p) => ({ number: p.number, source: p.source, sha256: p.sha256 })),
        catalogSha256: sha256(catalogJson),
      }),
    }
    writeJournal(dir, journal)
    crashPoint('after-journal')
    try {
      const base = loadBaseIndex(dir, before, indexPath)
      const index = withoutIssues(base.index, new Set([issue.id]))
      writeNewFile(staged, indexFileBytes(index, archiveKey(dir, after)))
      crashPoint('after-index-staged')
      commitCatalog(dir, catalogJson)
      finishTransaction(dir, journal)
    } catch (e) {
      recoverArchive(dir)
      throw e
    }
    return { txn, issueId: issue.id, paper: issue.paper, date: issue.date, files, recovery }
  } finally {
    release()
  }
}
