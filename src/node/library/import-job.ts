// The in-app import as jobs on the user's library: plan (read and check the picked files against
// the library and the bundled archive), commit (the batch import's transaction), remove. They
// are synchronous like the import core; the app runs them in a worker thread.
import { dirname, relative, resolve, sep } from 'node:path'
import type { ImportProgress, ImportReport } from '../../shared/archive/import-report'
import type { FileOverride, ImportOutcome, RemoveOutcome } from '../../shared/import-contract'
import { readCatalog } from '../archive-dir'
import { archiveFingerprints } from '../fingerprints'
import { commitImport } from '../import/commit'
import type { FileMeta } from '../import/manifest'
import { planImport } from '../import/plan'
import type { ImportPlan } from '../import/plan'
import { removeIssue } from '../remove-issue'
import { checkAgainstOther, LIBRARY_TITLE } from './user-library'

export interface OtherSource {
  label: string
  dir: string
  /** Index files to try, in order (a missing or stale one is rebuilt from the archive). */
  indexPaths: string[]
}

export interface LibraryPlanJob {
  libraryDir: string
  /** The bundled archive: ids, papers and pages an import must not clash with. */
  other: OtherSource
  /** Absolute paths picked by the librarian. */
  inputs: string[]
  overrides: FileOverride[]
  /** For tests: today's date. */
  today?: string
}

export interface JobHooks {
  onProgress?: (p: ImportProgress) => void
  shouldCancel?: () => boolean
}

/** The folder file names are shown relative to: a picked folder's parent, or the files' folder. */
export function displayRoot(inputs: readonly string[]): string {
  const dirs = inputs.map((p) => dirname(resolve(p)))
  let root = dirs[0] ?? '/'
  for (const d of dirs)
    while (root !== dirname(root) && d !== root && !d.startsWith(root + sep)) root = dirname(root)
  return root
}

/**
 * The report as the renderer sees it: file names relative to what was picked, and neither the
 * library's nor the picked folder's absolute path in any message.
 */
export function publicReport(report: ImportReport, root: string, libraryDir: string): ImportReport {
  const scrub = (s: string): string => {
    let out = s.split(libraryDir).join('library')
    if (root !== dirname(root)) out = out.split(root + sep).join('')
    return out
  }
  const name = (file: string): string =>
    file.startsWith(root + sep) ? relative(root, file) : scrub(file)
  const copy = structuredClone(report)
  copy.archive = 'library'
  for (const f of copy.files) {
    f.file = name(f.file)
    for (const p of f.problems) p.message = scrub(p.message)
  }
  for (const i of copy.issues) {
    for (const p of i.newPages) p.file = name(p.file)
    for (const p of i.problems) p.message = scrub(p.message)
  }
  for (const p of copy.problems) p.message = scrub(p.message)
  return copy
}

function overridesByPath(overrides: readonly FileOverride[], root: string): Map<string, FileMeta> {
  const map = new Map<string, FileMeta>()
  for (const o of overrides) {
    const meta: FileMeta = {}
    if (o.paper) meta.paper = o.paper
    if (o.paperName) meta.paperName = o.paperName
    if (o.date) meta.date = o.date
    if (o.page !== undefined) meta.page = o.page
    // Keyed by the path the name stands for; a name that is none of the batch's files matches nothing.
    map.set(resolve(root, o.file), meta)
  }
  return map
}

export interface PlannedLibraryImport {
  plan: ImportPlan
  /** What file names are relative to (see displayRoot). */
  root: string
  /** The report for the renderer (see publicReport). */
  report: ImportReport
}

export function planLibraryImport(job: LibraryPlanJob, hooks: JobHooks = {}): PlannedLibraryImport {
  const root = displayRoot(job.inputs)
  const catalog = readCatalog(job.other.dir)
  const progress = hooks.onProgress
  const plan = planImport({
    archiveDir: job.libraryDir,
    inputs: job.inputs,
    title: LIBRARY_TITLE,
    knownPapers: catalog.papers,
    fileOverrides: overridesByPath(job.overrides, root),
    ...(job.today ? { today: job.today } : {}),
    ...(progress ? { onProgress: (p) => progress(relativeProgress(p, root)) } : {}),
    ...(hooks.shouldCancel ? { shouldCancel: hooks.shouldCancel } : {}),
  })
  try {
    // The other archive is read-only (the bundled one): its fingerprints are read, never written.
    const fingerprints = archiveFingerprints(job.other.dir, catalog).entries
    checkAgainstOther(plan.report, { label: job.other.label, catalog, fingerprints })
    return { plan, root, report: publicReport(plan.report, root, job.libraryDir) }
  } catch (e) {
    plan.cleanup?.()
    throw e
  }
}

/** Progress names a file as the report does. */
function relativeProgress(p: ImportProgress, root: string): ImportProgress {
  return p.file && p.file.startsWith(root + sep) ? { ...p, file: relative(root, p.file) } : p
}

export function commitLibraryImport(
  planned: Omit<PlannedLibraryImport, 'report'>,
  hooks: JobHooks = {},
): ImportOutcome {
  const progress = hooks.onProgress
  const r = commitImport(planned.plan, {
    ...(progress ? { onProgress: (p) => progress(relativeProgress(p, planned.root)) } : {}),
    ...(hooks.shouldCancel ? { shouldCancel: hooks.shouldCancel } : {}),
  })
  return { issues: r.issues, pages: r.pages, bytes: r.bytes, index: r.index, ms: r.ms }
}

export function removeLibraryIssue(libraryDir: string, issueId: string): RemoveOutcome {
  const r = removeIssue({ archiveDir: libraryDir, issueId })
  return { issueId: r.issueId, paper: r.paper, date: r.date, pages: r.files.length }
}
