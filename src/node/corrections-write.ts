// Changing an archive's corrections: one transaction (write/transaction.ts) that stages the new
// corrections.json and the index with the changed issues re-read, then commits a catalog
// recording the new file's sha256. A batch is judged whole first: every new entry must apply to
// the page as it stands (not stale, not refused, not already the case), or nothing changes and
// each problem is reported by the entry's id.
import { join, resolve } from 'node:path'
import { paperRules, serializeCatalog, sortCatalog, parseCatalog } from '../shared/archive/catalog'
import { emptyCorrections, serializeCorrections } from '../shared/archive/corrections'
import type { CorrectionEntry, CorrectionsFile } from '../shared/archive/corrections'
import type { EntryOutcome } from '../shared/archive/corrections-apply'
import type { EditPage } from '../shared/archive/corrections-make'
import { issueArticles } from '../shared/archive/issue-articles'
import { extendSearchIndex, issueDocInputs, withoutIssues } from '../shared/search/search-index'
import type { Catalog, CatalogIssue } from '../shared/types'
import { archiveKey, ArchiveError, readCatalog, readPageText, sha256 } from './archive-dir'
import { readCorrections } from './corrections-store'
import { loadBaseIndex } from './import/base-index'
import { INDEX_FILE } from './index-helpers'
import { closeIndexFiles, stageIndex } from './index-store'
import type { Recovery } from './write/recover'
import { runTransaction } from './write/transaction'

export interface CorrectOptions {
  archiveDir: string
  indexPath?: string
  /** Entries to add (an identical entry already there is skipped). */
  add?: CorrectionEntry[]
  /** Ids of entries to remove. */
  remove?: string[]
  dryRun?: boolean
  /** What the change is, for archive.log ("edit split", "corrections import"). */
  what: string
}

export interface CorrectResult {
  dryRun: boolean
  added: string[]
  skipped: string[]
  removed: string[]
  /** What became of each entry of the affected issues, after the change. */
  outcomes: EntryOutcome[]
  entries: number
  txn?: string
  recovery?: Recovery
}

/** Why a batch was refused: each problem names its entry. */
export class CorrectionsRefused extends ArchiveError {
  constructor(readonly problems: string[]) {
    super(`corrections refused, nothing was changed: ${problems.join('; ')}`)
    this.name = 'CorrectionsRefused'
  }
}

/** The outcomes of `entries` on `issue` (its pages read from `dir`). */
export function judgeIssue(
  dir: string,
  catalog: Catalog,
  issue: CatalogIssue,
  entries: readonly CorrectionEntry[],
): EntryOutcome[] {
  const texts = issue.pages.map((p) => readPageText(dir, p))
  return issueArticles(issue, texts, paperRules(catalog.papers, issue.paper), entries).outcomes
}

interface Plan {
  next: CorrectionsFile
  added: string[]
  skipped: string[]
  removed: string[]
  affected: CatalogIssue[]
  outcomes: EntryOutcome[]
}

function plan(dir: string, before: Catalog, opts: CorrectOptions): Plan {
  const stored = readCorrections(dir, before)
  // A damaged file is not overwritten by a change: a person looks at it first.
  if (stored.unusable) throw new ArchiveError(`${stored.problem as string}; nothing was changed`)
  const current = stored.file.entries
  const byId = new Map(current.map((e) => [e.id, e]))
  const problems: string[] = []
  const removed: string[] = []
  for (const id of opts.remove ?? []) {
    if (byId.has(id)) removed.push(id)
    else problems.push(`"${id}": no such correction in this archive (see "corrections list")`)
  }
  const gone = new Set(removed)
  const added: CorrectionEntry[] = []
  const skipped: string[] = []
  const issues = new Map(before.issues.map((i) => [i.id, i]))
  for (const e of opts.add ?? []) {
    const old = byId.get(e.id)
    if (old && !gone.has(e.id)) {
      if (JSON.stringify(old) === JSON.stringify(e)) skipped.push(e.id)
      else problems.push(`"${e.id}": another correction of this archive has this id`)
      continue
    }
    const issue = issues.get(e.issue)
    if (!issue) problems.push(`"${e.id}": no issue "${e.issue}" in this archive`)
    else if (!issue.pages.some((p) => p.number === e.page))
      problems.push(`"${e.id}": issue ${e.issue} has no page ${e.page}`)
    else added.push(e)
  }
  const entries = [...current.filter((e) => !gone.has(e.id)), ...added]
  const touched = new Set([
    ...added.map((e) => e.issue),
    ...current.filter((e) => gone.has(e.id)).map((e) => e.issue),
  ])
  const affected = before.issues.filter((i) => touched.has(i.id))
  const outcomes: EntryOutcome[] = []
  const fresh = new Set(added.map((e) => e.id))
  if (!problems.length)
    for (const issue of affected) {
      for (const o of judgeIssue(dir, before, issue, entries)) {
        outcomes.push(o)
        if (fresh.has(o.id) && o.problem)
          problems.push(
            `"${o.id}" (${(added.find((e) => e.id === o.id) as CorrectionEntry).kind}): ${o.status === 'redundant' ? 'changes nothing: ' : ''}${o.problem}`,
          )
      }
    }
  if (problems.length) throw new CorrectionsRefused(problems)
  return {
    next: { ...emptyCorrections(), entries },
    added: added.map((e) => e.id),
    skipped,
    removed,
    affected,
    outcomes,
  }
}

export function changeCorrections(opts: CorrectOptions): CorrectResult {
  const dir = resolve(opts.archiveDir)
  const indexPath = opts.indexPath ?? join(dir, INDEX_FILE)
  if (opts.dryRun) {
    const p = plan(dir, sortCatalog(readCatalog(dir)), opts)
    return { dryRun: true, ...summary(p) }
  }
  const first = plan(dir, sortCatalog(readCatalog(dir)), opts)
  if (!first.added.length && !first.removed.length) return { dryRun: false, ...summary(first) }
  const done = runTransaction({ dir, op: 'correct', indexPath }, () => {
    const before = sortCatalog(readCatalog(dir))
    const p = plan(dir, before, opts)
    const correctionsJson = serializeCorrections(p.next)
    const after: Catalog = { ...before, corrections: sha256(correctionsJson) }
    const catalogJson = serializeCatalog(after)
    return {
      p,
      catalogJson,
      correctionsJson,
      create: [],
      delete: [],
      log: {
        what: opts.what,
        added: p.added,
        removed: p.removed,
        issues: p.affected.map((i) => i.id),
        correctionsSha256: after.corrections,
      },
      stage: (): Uint8Array => {
        // The changed issues leave the index and come back read with the new corrections.
        const base = loadBaseIndex(dir, before, indexPath)
        const ids = new Set(p.affected.map((i) => i.id))
        const rows = p.affected.map((i) => ({ id: i.id, paper: i.paper, date: i.date }))
        const docs = p.affected.flatMap((issue, k) =>
          issueDocInputs(
            k,
            issue,
            issue.pages.map((pg) => readPageText(dir, pg)),
            paperRules(before.papers, issue.paper),
            p.next.entries,
          ),
        )
        const index = extendSearchIndex(withoutIssues(base.index, ids), rows, docs)
        try {
          const key = archiveKey(dir, sortCatalog(parseCatalog(catalogJson)))
          return stageIndex(indexPath, index, key)
        } finally {
          // The loaded segments' files (kept open for their postings) are not needed after.
          closeIndexFiles(base.index)
        }
      },
    }
  })
  return { dryRun: false, ...summary(done.p), txn: done.txn, recovery: done.recovery }
}

function summary(p: Plan): Omit<CorrectResult, 'dryRun'> {
  return {
    added: p.added,
    skipped: p.skipped,
    removed: p.removed,
    outcomes: p.outcomes,
    entries: p.next.entries.length,
  }
}

/**
 * An issue's pages as edits see them: text and articles with the corrections in force (the
 * archive's, then `extra`: a profile's overlay).
 */
export function editPages(
  dir: string,
  issueId: string,
  extra: readonly CorrectionEntry[] = [],
): {
  catalog: Catalog
  issue: CatalogIssue
  texts: string[]
  entries: CorrectionEntry[]
  pages: EditPage[]
} {
  const catalog = sortCatalog(readCatalog(dir))
  const issue = catalog.issues.find((i) => i.id === issueId)
  if (!issue) throw new ArchiveError(`no issue "${issueId}" in ${dir} (see "list")`)
  const texts = issue.pages.map((p) => readPageText(dir, p))
  const entries = [...readCorrections(dir, catalog).file.entries, ...extra]
  const { perPage } = issueArticles(issue, texts, paperRules(catalog.papers, issue.paper), entries)
  return {
    catalog,
    issue,
    texts,
    entries,
    pages: issue.pages.map((p, i) => ({
      issue: issue.id,
      page: p.number,
      text: texts[i] as string,
      articles: perPage[i] as EditPage['articles'],
    })),
  }
}

/** Every entry with what becomes of it now (issues the catalog lacks: refused). */
export function listCorrections(
  dir: string,
  issueId?: string,
): { entry: CorrectionEntry; outcome: EntryOutcome }[] {
  const catalog = sortCatalog(readCatalog(dir))
  const stored = readCorrections(dir, catalog)
  if (stored.unusable) throw new ArchiveError(stored.problem as string)
  const entries = stored.file.entries.filter((e) => issueId === undefined || e.issue === issueId)
  const outcomes = new Map<string, EntryOutcome>()
  for (const id of new Set(entries.map((e) => e.issue))) {
    const issue = catalog.issues.find((i) => i.id === id)
    if (issue)
      for (const o of judgeIssue(dir, catalog, issue, stored.file.entries)) outcomes.set(o.id, o)
  }
  return entries.map((entry) => ({
    entry,
    outcome: outcomes.get(entry.id) ?? {
      id: entry.id,
      status: 'refused',
      problem: `no issue "${entry.issue}" in this archive`,
    },
  }))
}
