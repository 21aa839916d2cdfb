// `remove ISSUE`: one transaction (see write/transaction.ts). The index is shrunk from its own
// text (no page is read again), staged, then the catalog without the issue is committed; the
// issue's page files are deleted only after that, so a killed remove leaves the issue either
// fully there or fully gone. `remove ISSUE --page N` takes one page out the same way (the index
// is rebuilt from the remaining pages then, since an issue's documents are indexed together).
import { join, resolve } from 'node:path'
import { parseCatalog, serializeCatalog, sortCatalog } from '../shared/archive/catalog'
import { withoutIssues } from '../shared/search/search-index'
import { archiveKey, ArchiveError, readCatalog } from './archive-dir'
import { loadBaseIndex } from './import/base-index'
import { buildIndexFor, INDEX_FILE } from './index-helpers'
import { readFingerprintFile, serializeFingerprints } from './fingerprints'
import { closeIndexFiles, stageIndex } from './index-store'
import type { Recovery } from './write/recover'
import { runTransaction } from './write/transaction'

export interface RemoveOptions {
  archiveDir: string
  issueId: string
  /** Only this page of the issue (the issue keeps its other pages). */
  page?: number
  indexPath?: string
}

export interface RemoveResult {
  txn: string
  issueId: string
  paper: string
  date: string
  /** The page removed, when only one was. */
  page?: number
  /** The page files deleted. */
  files: string[]
  recovery: Recovery
}

export function removeIssue(opts: RemoveOptions): RemoveResult {
  const dir = resolve(opts.archiveDir)
  const indexPath = opts.indexPath ?? join(dir, INDEX_FILE)
  const done = runTransaction({ dir, op: 'remove', indexPath }, () => {
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
    const page = opts.page
    const gone = page === undefined ? issue.pages : issue.pages.filter((p) => p.number === page)
    if (page !== undefined && gone.length === 0)
      throw new ArchiveError(
        `remove: ${issue.id} has no page ${page}; it has ${issue.pages.map((p) => p.number).join(', ')}`,
      )
    if (page !== undefined && gone.length === issue.pages.length)
      throw new ArchiveError(
        `remove: page ${page} is the only page of ${issue.id}; remove the issue itself ("remove ${issue.id}")`,
      )
    const keptIssues =
      page === undefined
        ? before.issues.filter((i) => i.id !== issue.id)
        : before.issues.map((i) =>
            i.id === issue.id ? { ...i, pages: i.pages.filter((p) => p.number !== page) } : i,
          )
    const catalogJson = serializeCatalog({ ...before, issues: keptIssues })
    // fingerprints.json loses the issue's pages; one that is missing or unusable is left for the
    // next import or "verify --repair" to rebuild (a remove reads no page).
    const stored = readFingerprintFile(dir)
    return {
      issue,
      catalogJson,
      ...(stored.state === 'ok'
        ? {
            fingerprintsJson: serializeFingerprints(
              stored.entries.filter(
                (e) => e.issue !== issue.id || (page !== undefined && e.page !== page),
              ),
            ),
          }
        : {}),
      create: [],
      delete: gone.map((p) => ({ name: p.source, sha256: p.sha256 })),
      log: {
        issue: issue.id,
        paper: issue.paper,
        date: issue.date,
        ...(page !== undefined ? { page } : {}),
        pages: gone.map((p) => ({ number: p.number, source: p.source, sha256: p.sha256 })),
      },
      stage: (): Uint8Array => {
        const after = sortCatalog(parseCatalog(catalogJson))
        const base = page === undefined ? loadBaseIndex(dir, before, indexPath).index : undefined
        const index = base ? withoutIssues(base, new Set([issue.id])) : buildIndexFor(dir, after)
        try {
          return stageIndex(indexPath, index, archiveKey(dir, after))
        } finally {
          // The loaded segments' files (kept open for their postings) are not needed after.
          if (base) closeIndexFiles(base)
        }
      },
    }
  })
  const { issue } = done
  return {
    txn: done.txn,
    issueId: issue.id,
    paper: issue.paper,
    date: issue.date,
    ...(opts.page !== undefined ? { page: opts.page } : {}),
    files: done.delete.map((r) => r.name),
    recovery: done.recovery,
  }
}
