// Pass 1 of a batch import: read every file once, work out which issue and page each one is,
// check the batch against itself and the archive, and write the validation report. Nothing in
// the archive is touched; `commitImport` (pass 2) does that only for a plan without errors.
import { UserFacingError } from '../../shared/errors'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import {
  catalogProblems,
  emptyCatalog,
  sortCatalog,
  CATALOG_FILE,
} from '../../shared/archive/catalog'
import type { ImportProgress, ImportReport, PageProblem } from '../../shared/archive/import-report'
import { ENCODING_HELP, parseEncodingLabel } from '../../shared/text/decode'
import type { EncodingLabel } from '../../shared/text/decode'
import type { SearchIndex } from '../../shared/search/compose-index'
import type { Catalog, CatalogPaper, TextEncodingName } from '../../shared/types'
import { readCatalog } from '../archive-dir'
import { INDEX_FILE } from '../index-helpers'
import { JournalError, readJournal } from '../write/journal'
import type { Journal } from '../write/journal'
import { sha256File } from '../write/recover'
import { loadBaseIndex } from './base-index'
import { archiveFingerprints } from '../fingerprints'
import type { PageFingerprint } from '../fingerprints'
import { entryKind, realpathInside } from '../safe-path'
import { expandInputs } from './inputs'
import { joinedDisplay, joinPerArticle } from './per-article'
import type { PerArticleInputs } from './per-article'
import { inspectFile } from './inspect'
import type { Inspected } from './inspect'
import { loadManifest, loadSidecar, MANIFEST_FILE, MetadataFileError } from './manifest'
import type { FileMeta, LoadedManifest } from './manifest'
import { checkDates, findDuplicates, problem } from './checks'
import { buildCatalog, groupIntoIssues } from './group'
import { resolveMetadata } from './resolve'
import type { OptionMeta, Resolved } from './resolve'

export interface ImportOptions extends OptionMeta {
  archiveDir: string
  /** Page files and folders of page files. */
  inputs: string[]
  indexPath?: string
  /** Title of a new archive (when the folder has no catalog yet). */
  title?: string
  /** For tests: today's date, to refuse issues from the future. */
  today?: string
  onProgress?: (p: ImportProgress) => void
  /** Checked between files; true stops the import (before its commit point) with ImportCancelled. */
  shouldCancel?: () => boolean
  /**
   * Papers known outside this archive (the app's bundled archive, for the user's library): they
   * are recognized in the text and need no name, as the archive's own papers.
   */
  knownPapers?: CatalogPaper[]
  /** Metadata for single files (absolute path → fields), over every other source. */
  fileOverrides?: Map<string, FileMeta>
  /** Keep private-use characters (refused by default: they are unmapped glyphs, unsearchable). */
  allowPrivateUse?: boolean
}

export class ImportCancelled extends UserFacingError {
  override name = 'ImportCancelled'
  readonly errorCode = 'cancelled'
  constructor() {
    super('the import was cancelled; the archive is unchanged')
  }
}

export interface PlannedPage {
  from: string
  /** Whether `from` may be a link (a file named on the command line: see InputFile.follow). */
  follow: boolean
  source: string
  number: number
  sha256: string
  encoding: TextEncodingName
  issueId: string
  /** Its content fingerprint, for fingerprints.json. */
  fingerprint: PageFingerprint
}

export interface ImportPlan {
  report: ImportReport
  archiveDir: string
  indexPath: string
  /** sha256 of catalog.json when planned (undefined: a new archive); the commit re-checks it. */
  catalogSha?: string
  before: Catalog
  after: Catalog
  /** New pages, issue by issue, in page order. */
  pages: PlannedPage[]
  /** Issues the batch creates, in `after` order; the others it extends. */
  newIssues: string[]
  baseIndex: SearchIndex
  /** The fingerprints of the archive's pages as it was planned on (fingerprints.json's basis). */
  fingerprints: PageFingerprint[]
  /** Deletes the page files joined from per-article files (per-article.ts), once done with. */
  cleanup?: () => void
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).filter((n) => !n.startsWith('.')).length === 0
}

export function planImport(opts: ImportOptions): ImportPlan {
  // A folder of per-article files is joined into page files first (per-article.ts); their
  // scratch folder goes with the plan, or now when planning fails (cancelled, unreadable).
  const perArticle = joinPerArticle(
    opts.inputs,
    opts.encoding === undefined ? undefined : parseEncodingLabel(opts.encoding),
  )
  try {
    return planJoined(opts, perArticle)
  } catch (e) {
    perArticle.cleanup()
    throw e
  }
}

function planJoined(opts: ImportOptions, perArticle: PerArticleInputs): ImportPlan {
  const dir = resolve(opts.archiveDir)
  const indexPath = opts.indexPath ?? join(dir, INDEX_FILE)
  const progress = opts.onProgress ?? (() => {})
  const batch: PageProblem[] = []
  let before: Catalog
  let catalogSha: string | undefined
  if (!existsSync(join(dir, CATALOG_FILE)) && isEmptyOrMissing(dir)) {
    before = emptyCatalog(opts.title ?? 'Archive')
    batch.push(problem('info', 'new-archive', `${dir} has no archive yet: a new one is created`))
  } else {
    before = sortCatalog(readCatalog(dir))
    catalogSha = sha256File(join(dir, CATALOG_FILE))
  }
  let pending: Journal | undefined
  try {
    pending = readJournal(dir, indexPath)
  } catch (e) {
    if (!(e instanceof JournalError)) throw e
    batch.push(problem('error', 'journal', e.message))
  }
  if (pending) {
    batch.push(
      problem(
        'info',
        'interrupted',
        `an interrupted ${pending.op} (${pending.txn}) is finished or undone before this import`,
      ),
    )
  }

  progress({ phase: 'scan', done: 0, total: opts.inputs.length })
  batch.push(...perArticle.problems)
  const expanded = expandInputs(perArticle.inputs)
  for (const f of expanded.files) {
    const joined = perArticle.pages.get(f.path)
    if (joined) f.display = joinedDisplay(joined)
  }
  for (const m of expanded.missing)
    batch.push(problem('error', 'not-found', `${m}: no such file or folder`))
  for (const s of expanded.skipped)
    batch.push(problem('info', 'skipped', `${s}: skipped (not a .txt page file)`))

  // Metadata files: a manifest per folder, a sidecar per page file.
  const manifests = new Map<string, LoadedManifest>()
  for (const folder of expanded.folders) {
    const file = join(folder, MANIFEST_FILE)
    if (entryKind(file) === 'missing') continue
    try {
      manifests.set(folder, loadManifest(file))
    } catch (e) {
      if (!(e instanceof MetadataFileError)) throw e
      batch.push(problem('error', 'manifest', e.message))
    }
  }
  const inputs = expanded.files
  const known = new Set(inputs.map((f) => f.path))
  for (const [folder, m] of manifests) {
    // Files given one by one bring only themselves; a folder given brings all its manifest lists.
    if (!expanded.walked.has(folder)) continue
    for (const path of m.files.keys()) {
      if (known.has(path)) continue
      // A manifest is data: what it lists must be a regular file in its own folder, as the
      // folder scan would have found it (a link there is refused, not followed).
      const kind = entryKind(path)
      if (kind === 'file' && realpathInside(folder, path)) {
        inputs.push({ path, display: path, follow: false })
        known.add(path)
      } else
        batch.push(
          problem(
            'error',
            'manifest',
            kind === 'missing'
              ? `${m.file}: lists ${path}, which does not exist`
              : `${m.file}: lists ${path}, which is ${kind === 'symlink' ? 'a symbolic link (links are never followed in an import folder)' : kind === 'folder' ? 'a folder' : 'not a regular file'}; refused`,
          ),
        )
    }
  }
  if (inputs.length === 0 && expanded.missing.length === 0 && !perArticle.problems.length)
    batch.push(problem('error', 'nothing', 'no page files (.txt) to import'))

  const manifestPapers: CatalogPaper[] = []
  for (const m of manifests.values())
    for (const p of m.papers)
      if (!manifestPapers.some((q) => q.slug === p.slug)) manifestPapers.push(p)
  // Known papers count as declared ones: a paper the batch uses is added to the catalog.
  for (const p of opts.knownPapers ?? [])
    if (
      !before.papers.some((q) => q.slug === p.slug) &&
      !manifestPapers.some((q) => q.slug === p.slug)
    )
      manifestPapers.push(p)
  const papersForGuessing = [...before.papers, ...manifestPapers]

  let declared: EncodingLabel | undefined
  if (opts.encoding !== undefined) {
    declared = parseEncodingLabel(opts.encoding)
    if (!declared)
      batch.push(
        problem('error', 'option', `unknown --encoding "${opts.encoding}"; use ${ENCODING_HELP}`),
      )
  }

  // The archive's index: extended by the commit, and the source of existing pages' fingerprints.
  progress({ phase: 'index-base', done: 0, total: 1 })
  const base = loadBaseIndex(dir, before, indexPath, (f) =>
    progress({ phase: 'index-base', done: f, total: 1 }),
  )
  // Existing pages' content fingerprints: from fingerprints.json, computed where it lacks one.
  const fingerprints = archiveFingerprints(dir, before).entries
  const existingBytes = new Map<string, string>()
  for (const i of before.issues)
    for (const p of i.pages) existingBytes.set(p.sha256, `page ${p.number} of ${i.id}`)

  // Read every file once.
  const inspected: {
    insp: Inspected
    manifest?: FileMeta
    sidecar?: FileMeta
    defaults?: FileMeta
    override?: FileMeta
  }[] = []
  inputs.forEach((input, k) => {
    if (opts.shouldCancel?.()) throw new ImportCancelled()
    progress({ phase: 'validate', done: k, total: inputs.length, file: input.display })
    const m = manifests.get(dirname(input.path))
    const fromManifest = m?.files.get(input.path) ?? perArticle.manifest.get(input.path)
    let sidecar: FileMeta | undefined
    const sidecarProblems: PageProblem[] = []
    try {
      sidecar = loadSidecar(input.path)?.meta
    } catch (e) {
      if (!(e instanceof MetadataFileError)) throw e
      sidecarProblems.push(problem('error', 'sidecar', e.message))
    }
    const enc = declared ?? fromManifest?.encoding ?? sidecar?.encoding ?? m?.defaults.encoding
    const insp = inspectFile(input, enc, papersForGuessing, opts.allowPrivateUse === true)
    insp.report.problems.unshift(...sidecarProblems)
    const entry: (typeof inspected)[number] = { insp }
    if (fromManifest) entry.manifest = fromManifest
    if (sidecar) entry.sidecar = sidecar
    if (m) entry.defaults = m.defaults
    const joined = perArticle.pages.get(input.path)
    // Its articles are the files it was joined from, not what the segmenter would make of it.
    if (joined) insp.report.articles = joined.articles.length
    // A joined page is named by its display (its article files), also in the app's form.
    const mine =
      opts.fileOverrides?.get(input.path) ??
      (joined ? opts.fileOverrides?.get(input.display) : undefined)
    const given = perArticle.overrides.get(input.path)
    const override = given ? { ...given, ...mine } : mine
    if (override) entry.override = override
    inspected.push(entry)
  })
  progress({ phase: 'validate', done: inputs.length, total: inputs.length })

  // Who is what: paper, date, page, issue.
  const resolved: Resolved[] = inspected.map((e) =>
    resolveMetadata(
      e.insp,
      opts,
      { manifest: e.manifest, sidecar: e.sidecar, defaults: e.defaults, override: e.override },
      {
        papers: before.papers,
        manifestPapers,
        issues: before.issues,
      },
    ),
  )
  const today = opts.today ?? new Date().toISOString().slice(0, 10)
  for (const r of resolved) checkDates(r, today)
  const issues = groupIntoIssues(resolved, before, opts, batch)
  // A page file name the archive already has, not in the catalog and not a leftover the
  // interrupted transaction's recovery will delete: someone put it there; do not overwrite it.
  for (const r of resolved) {
    const source = r.insp.report.source
    if (
      source &&
      entryKind(join(dir, source)) !== 'missing' &&
      !pending?.create.some((r) => r.name === source)
    )
      r.insp.report.problems.push(
        problem(
          'error',
          'file-exists',
          `the archive already has a file ${source} that is not in its catalog; run "verify", then move it away`,
        ),
      )
  }

  findDuplicates(
    resolved,
    existingBytes,
    fingerprints.map((f) => ({ ...f, label: `page ${f.page} of ${f.issue}` })),
    (a, b) => perArticle.sameDay(a.insp.input.path, b.insp.input.path),
  )

  const after = buildCatalog(before, issues, resolved, manifestPapers, perArticle.pages)
  const files = resolved.map((r) => r.insp.report)
  const count = (level: string): number =>
    [
      ...batch,
      ...files.flatMap((f) => f.problems),
      ...issues.flatMap((i) => i.report.problems),
    ].filter((p) => p.level === level).length
  // With the checks above passed, the new catalog is consistent; these would be our own bugs,
  // and after other errors they would only repeat them.
  if (count('error') === 0)
    for (const p of catalogProblems(after)) batch.push(problem('error', 'catalog', p))
  const errors = count('error')
  const report: ImportReport = {
    archive: dir,
    dryRun: false,
    ok: errors === 0,
    needsConfirmation: resolved.some((r) => r.fromText),
    files,
    issues: issues.map((i) => i.report),
    problems: batch,
    summary: {
      files: files.length,
      bytes: files.reduce((s, f) => s + f.bytes, 0),
      issues: issues.length,
      newIssues: issues.filter((i) => i.report.kind === 'new').length,
      pages: files.length,
      errors,
      warnings: count('warning'),
    },
  }
  const pages: PlannedPage[] = []
  for (const g of issues) {
    for (const r of [...g.members].sort((a, b) => (a.page?.value ?? 0) - (b.page?.value ?? 0))) {
      const rep = r.insp.report
      if (!rep.source || !rep.sha256 || !rep.encoding || !r.page) continue
      const sketch = r.insp.sketch
      if (!sketch || !rep.textHash) continue
      pages.push({
        fingerprint: {
          issue: g.report.id,
          page: r.page.value,
          sha256: rep.sha256,
          exact: rep.textHash,
          chars: rep.contentChars ?? 0,
          minhash: sketch,
        },
        from: r.insp.input.path,
        follow: r.insp.input.follow,
        source: rep.source,
        number: r.page.value,
        sha256: rep.sha256,
        encoding: rep.encoding,
        issueId: g.report.id,
      })
    }
  }
  const plan: ImportPlan = {
    report,
    archiveDir: dir,
    indexPath,
    before,
    after,
    pages,
    newIssues: issues.filter((i) => i.report.kind === 'new').map((i) => i.report.id),
    baseIndex: base.index,
    fingerprints,
    cleanup: perArticle.cleanup,
  }
  if (catalogSha) plan.catalogSha = catalogSha
  return plan
}
