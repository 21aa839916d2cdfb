// The corrections an import carries over. corrections.json is not touched by remove or add, so
// an issue removed and imported again (a re-import) finds its entries still there: the import
// applies them to the documents it indexes and, before it writes anything, judges each against
// the batch's pages — applied, re-anchored (its text moved) or stale (its text is gone), by id —
// so that the report and archive.log say what became of them in the same transaction.
import { readFileSync } from 'node:fs'
import { paperRules } from '../../shared/archive/catalog'
import type { CorrectionEntry } from '../../shared/archive/corrections'
import type { OutcomeStatus } from '../../shared/archive/corrections-apply'
import { issueArticles } from '../../shared/archive/issue-articles'
import { decodeKnown } from '../../shared/text/decode'
import type { CatalogIssue } from '../../shared/types'
import { ArchiveError, readPageText, sha256 } from '../archive-dir'
import { readRegularFile } from '../safe-path'
import type { ImportPlan, PlannedPage } from './plan'

/** What became of one correction of an issue the batch created or extended. */
export interface CarriedCorrection {
  issue: string
  id: string
  status: OutcomeStatus
  problem?: string
}

/** A batch page's bytes and text; the file must still be the one that was checked. */
export function plannedPageText(p: PlannedPage): { bytes: Buffer; text: string } {
  const bytes = p.follow ? readFileSync(p.from) : readRegularFile(p.from)
  if (sha256(bytes) !== p.sha256)
    throw new ArchiveError(`${p.from}: the file changed since it was checked; run the import again`)
  // Checked in full in pass 1, and the bytes are the same (sha256): decode only.
  return { bytes, text: decodeKnown(bytes, p.encoding) }
}

/**
 * Each entry of `entries` on an issue of the batch, judged on the issue as the import leaves it
 * (its archive pages read from `dir`, its new pages from the batch). Issues without entries are
 * not read.
 */
export function carriedCorrections(
  dir: string,
  plan: ImportPlan,
  entries: readonly CorrectionEntry[],
): CarriedCorrection[] {
  const batchIssues = new Set(plan.report.issues.map((i) => i.id))
  const concerned = new Set(entries.filter((e) => batchIssues.has(e.issue)).map((e) => e.issue))
  if (!concerned.size) return []
  const fresh = new Map(plan.pages.map((p) => [`${p.issueId}/${p.number}`, p]))
  const out: CarriedCorrection[] = []
  for (const issue of plan.after.issues as CatalogIssue[]) {
    if (!concerned.has(issue.id)) continue
    const texts = issue.pages.map((page) => {
      const p = fresh.get(`${issue.id}/${page.number}`)
      return p ? plannedPageText(p).text : readPageText(dir, page)
    })
    const rules = paperRules(plan.after.papers, issue.paper)
    for (const o of issueArticles(issue, texts, rules, entries).outcomes)
      out.push({ issue: issue.id, ...o })
  }
  return out
}

/** The CLI's lines about them: a count of those in force, then each one that is not, by id. */
export function carriedLines(carried: readonly CarriedCorrection[]): {
  out: string[]
  err: string[]
} {
  if (!carried.length) return { out: [], err: [] }
  const working = carried.filter((c) => c.status === 'applied' || c.status === 'reanchored')
  const moved = working.filter((c) => c.status === 'reanchored').length
  return {
    out: [
      `${working.length} correction(s) of the re-added issue(s) apply${moved ? ` (${moved} re-anchored: their text moved)` : ''}.`,
    ],
    err: carried
      .filter((c) => c.status !== 'applied' && c.status !== 'reanchored')
      .map(
        (c) =>
          `warning: correction "${c.id}" of ${c.issue} is ${c.status}: ${c.problem ?? ''} (kept in corrections.json; see "corrections list", or "corrections remove ${c.id}")`,
      ),
  }
}
