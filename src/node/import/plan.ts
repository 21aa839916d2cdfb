// Pass 1 of a batch import: read every file once, work out which issue and page each one is,
// check the batch against itself and the archive, and write the validation report. Nothing in
// the archive is touched; `commitImport` (pass 2) does that only for a plan without errors.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import {
  catalogProblems,
  emptyCatalog,
  isValidIsoDate,
  sortCatalog,
  CATALOG_FILE,
} from '../../shared/archive/catalog'
import { weekdayOf } from '../../shared/archive/infer'
import type {
  ImportProgress,
  ImportReport,
  IssueReport,
  MetaField,
  PageProblem,
} from '../../shared/archive/import-report'
import { missingPages } from '../../shared/archive/page-check'
import { parseEncodingName } from '../../shared/text/decode'
import type { SearchIndex } from '../../shared/search/search-index'
import type { Catalog, CatalogIssue, CatalogPaper, TextEncodingName } from '../../shared/types'
import { readCatalog } from '../archive-dir'
import { INDEX_FILE } from '../archive-service'
import { readJournal, sha256File } from '../txn'
import { loadBaseIndex, pageFingerprints } from './base-index'
import { expandInputs } from './inputs'
import { inspectFile } from './inspect'
import type { Inspected } from './inspect'
import { loadManifest, loadSidecar, MANIFEST_FILE, MetadataFileError } from './manifest'
import type { FileMeta, LoadedManifest } from './manifest'
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
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled'
  constructor() {
    super('the import was cancelled; the archive is unchanged')
  }
}

export interface PlannedPage {
  from: string
  source: string
  number: number
  sha256: string
  encoding: TextEncodingName
  issueId: string
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
}

const EARLIEST = '1815-01-01'

function problem(level: PageProblem['level'], code: string, message: string): PageProblem {
  return { level, code, message }
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).filter((n) => !n.startsWith('.')).length === 0
}

export function planImport(opts: ImportOptions): ImportPlan {
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
  const pending = readJournal(dir)
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
  const expanded = expandInputs(opts.inputs)
  for (const m of expanded.missing)
    batch.push(problem('error', 'not-found', `${m}: no such file or folder`))
  for (const s of expanded.skipped)
    batch.push(problem('info', 'skipped', `${s}: skipped (not a .txt page file)`))

  // Metadata files: a manifest per folder, a sidecar per page file.
  const manifests = new Map<string, LoadedManifest>()
  for (const folder of expanded.folders) {
    const file = join(folder, MANIFEST_FILE)
    if (!existsSync(file)) continue
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
      if (existsSync(path)) {
        inputs.push({ path, display: path })
        known.add(path)
      } else
        batch.push(problem('error', 'manifest', `${m.file}: lists ${path}, which does not exist`))
    }
  }
  if (inputs.length === 0 && expanded.missing.length === 0)
    batch.push(problem('error', 'nothing', 'no page files (.txt) to import'))

  const manifestPapers: CatalogPaper[] = []
  for (const m of manifests.values())
    for (const p of m.papers)
      if (!manifestPapers.some((q) => q.slug === p.slug)) manifestPapers.push(p)
  const papersForGuessing = [...before.papers, ...manifestPapers]

  let declared: TextEncodingName | undefined
  if (opts.encoding !== undefined) {
    declared = parseEncodingName(opts.encoding)
    if (!declared)
      batch.push(
        problem(
          'error',
          'option',
          `unknown --encoding "${opts.encoding}"; use utf-8, gb18030 or big5`,
        ),
      )
  }

  // The archive's index: extended by the commit, and the source of existing pages' fingerprints.
  progress({ phase: 'index-base', done: 0, total: 1 })
  const base = loadBaseIndex(dir, before, indexPath, (f) =>
    progress({ phase: 'index-base', done: f, total: 1 }),
  )
  const fingerprints = pageFingerprints(base.index)
  const existingBytes = new Map<string, string>()
  for (const i of before.issues)
    for (const p of i.pages) existingBytes.set(p.sha256, `page ${p.number} of ${i.id}`)

  // Read every file once.
  const inspected: {
    insp: Inspected
    manifest?: FileMeta
    sidecar?: FileMeta
    defaults?: FileMeta
  }[] = []
  inputs.forEach((input, k) => {
    if (opts.shouldCancel?.()) throw new ImportCancelled()
    progress({ phase: 'validate', done: k, total: inputs.length, file: input.display })
    const m = manifests.get(dirname(input.path))
    const fromManifest = m?.files.get(input.path)
    let sidecar: FileMeta | undefined
    const sidecarProblems: PageProblem[] = []
    try {
      sidecar = loadSidecar(input.path)?.meta
    } catch (e) {
      if (!(e instanceof MetadataFileError)) throw e
      sidecarProblems.push(problem('error', 'sidecar', e.message))
    }
    const enc = declared ?? fromManifest?.encoding ?? sidecar?.encoding ?? m?.defaults.encoding
    const insp = inspectFile(input, enc, papersForGuessing)
    insp.report.problems.unshift(...sidecarProblems)
    const entry: (typeof inspected)[number] = { insp }
    if (fromManifest) entry.manifest = fromManifest
    if (sidecar) entry.sidecar = sidecar
    if (m) entry.defaults = m.defaults
    inspected.push(entry)
  })
  progress({ phase: 'validate', done: inputs.length, total: inputs.length })

  // Who is what: paper, date, page, issue.
  const resolved: Resolved[] = inspected.map((e) =>
    resolveMetadata(
      e.insp,
      opts,
      { manifest: e.manifest, sidecar: e.sidecar, defaults: e.defaults },
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
    if (source && existsSync(join(dir, source)) && !pending?.create.includes(source))
      r.insp.report.problems.push(
        problem(
          'error',
          'file-exists',
          `the archive already has a file ${source} that is not in its catalog; run "verify", then move it away`,
        ),
      )
  }

  // Duplicates: the same bytes, or the same text after normalization.
  const batchBytes = new Map<string, string>()
  const batchText = new Map<string, string>()
  for (const r of resolved) {
    const rep = r.insp.report
    if (!rep.sha256) continue
    const same = existingBytes.get(rep.sha256)
    if (same)
      rep.problems.push(
        problem('error', 'duplicate', `the same bytes are already in the archive as ${same}`),
      )
    const twin = batchBytes.get(rep.sha256)
    if (twin)
      rep.problems.push(problem('error', 'duplicate', `the same bytes as ${twin} in this batch`))
    else batchBytes.set(rep.sha256, rep.file)
    if (!rep.textHash || !r.insp.readable || rep.articles === 0) continue
    const fp = fingerprints.get(rep.textHash)
    if (fp && !same)
      rep.problems.push(
        problem(
          'error',
          'duplicate',
          `the same text (after normalization) is already in the archive as page ${fp.page} of ${fp.issueId}: the same page in another encoding or layout?`,
        ),
      )
    const textTwin = batchText.get(rep.textHash)
    if (textTwin && !twin)
      rep.problems.push(
        problem(
          'error',
          'duplicate',
          `the same text (after normalization) as ${textTwin} in this batch`,
        ),
      )
    else if (!textTwin) batchText.set(rep.textHash, rep.file)
  }

  const after = buildCatalog(before, issues, resolved, manifestPapers)
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
      pages.push({
        from: r.insp.input.path,
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
  }
  if (catalogSha) plan.catalogSha = catalogSha
  return plan
}

/** " (--date)", " (from the file name)", " (read from the text: 2023年6月9日, line 5)". */
export function sourceLabel(field: MetaField<unknown>, option: string): string {
  switch (field.source) {
    case 'option':
      return ` (${option})`
    case 'text':
      return ` (read from the text: ${field.evidence})`
    case 'filename':
      return ' (from the file name)'
    default:
      return ` (from the ${field.source})`
  }
}

function checkDates(r: Resolved, today: string): void {
  const rep = r.insp.report
  const date = r.date
  if (!date) return
  const where = sourceLabel(date, '--date')
  if (!isValidIsoDate(date.value)) {
    rep.problems.push(
      problem('error', 'bad-date', `the date ${date.value}${where} is not a real date`),
    )
    return
  }
  if (date.value > today)
    rep.problems.push(
      problem('error', 'future-date', `the date ${date.value}${where} is in the future`),
    )
  if (date.value < EARLIEST)
    rep.problems.push(
      problem(
        'error',
        'early-date',
        `the date ${date.value}${where} predates any Chinese-language newspaper`,
      ),
    )
  const printed = r.insp.printedDate
  if (printed?.weekday !== undefined && printed.weekdayMatches === false) {
    const names = '日一二三四五六'
    rep.problems.push(
      problem(
        'warning',
        'weekday',
        `the page prints "${printed.evidence}" (line ${printed.line}), but ${printed.value} was a 星期${names[weekdayOf(printed.value)]}`,
      ),
    )
  }
  if (printed && date.source !== 'text' && printed.value !== date.value) {
    rep.problems.push(
      problem(
        'warning',
        'date-disagrees',
        `the page prints "${printed.evidence}" (line ${printed.line}), but the issue date is ${date.value}${where}`,
      ),
    )
  }
  const latest = r.insp.latestDate
  if (latest && latest.value > date.value) {
    rep.problems.push(
      problem(
        'warning',
        'later-date',
        `the text mentions "${latest.evidence}" (line ${latest.line}), after the issue date ${date.value}: is the date right?`,
      ),
    )
  }
}

interface IssueGroup {
  report: IssueReport
  members: Resolved[]
  existing?: CatalogIssue
}

function groupIntoIssues(
  resolved: Resolved[],
  before: Catalog,
  opts: ImportOptions,
  batch: PageProblem[],
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>()
  for (const r of resolved) {
    if (!r.paper || !r.date || !r.issueId) continue
    let g = groups.get(r.issueId)
    if (!g) {
      const existing = before.issues.find((i) => i.id === r.issueId)
      g = {
        report: {
          id: r.issueId,
          paper: r.paper.value,
          paperName: r.paperName?.value ?? r.paper.value,
          date: r.date.value,
          dateSource: existing?.dateSource ?? r.dateSource,
          kind: existing ? 'extends' : 'new',
          pages: [],
          newPages: [],
          problems: [],
        },
        members: [],
      }
      if (existing) g.existing = existing
      groups.set(r.issueId, g)
      if (existing && (existing.paper !== r.paper.value || existing.date !== r.date.value))
        g.report.problems.push(
          problem(
            'error',
            'issue-id',
            `issue id ${r.issueId} is already used by ${existing.paper} of ${existing.date}`,
          ),
        )
    }
    if (g.report.paper !== r.paper.value || g.report.date !== r.date.value) {
      r.insp.report.problems.push(
        problem(
          'error',
          'issue-id',
          `issue id ${r.issueId} would hold ${g.report.paper} of ${g.report.date} and ${r.paper.value} of ${r.date.value}`,
        ),
      )
      continue
    }
    g.members.push(r)
  }
  if (opts.issueId && groups.size > 1)
    batch.push(
      problem(
        'error',
        'option',
        `--issue ${opts.issueId} names one issue, but the batch holds ${groups.size}`,
      ),
    )

  for (const g of groups.values()) {
    const existingPages = new Set(g.existing?.pages.map((p) => p.number) ?? [])
    const taken = new Map<number, Resolved>()
    // Explicit page numbers first, then the others in file order, from --page (default 1).
    const explicit = g.members.filter((r) => r.page)
    const ordered = g.members.filter((r) => !r.page)
    for (const r of explicit) place(r, r.page as MetaField<number>)
    let next = opts.firstPage ?? 1
    for (const r of ordered) {
      while (taken.has(next)) next++
      place(r, { value: next, source: 'order' })
      next++
    }
    function place(r: Resolved, page: MetaField<number>): void {
      r.page = page
      const rep = r.insp.report
      rep.page = page
      const other = taken.get(page.value)
      if (other) {
        rep.problems.push(
          problem(
            'error',
            'page-conflict',
            `page ${page.value} of ${g.report.id} is also ${other.insp.report.file}`,
          ),
        )
        return
      }
      if (existingPages.has(page.value)) {
        rep.problems.push(
          problem(
            'error',
            'duplicate-page',
            `${g.report.id} already has a page ${page.value}; number the new pages with --page, a sidecar, the manifest or the file name`,
          ),
        )
        return
      }
      taken.set(page.value, r)
    }
    const all = [...existingPages, ...taken.keys()].sort((a, b) => a - b)
    g.report.pages = all
    const have = new Set(all)
    for (const [number, r] of [...taken].sort((a, b) => a[0] - b[0])) {
      const rep = r.insp.report
      rep.issueId = g.report.id
      rep.source = `${g.report.id}-p${number}.txt`
      g.report.newPages.push({ number, file: rep.file })
      for (const c of rep.continuations) {
        c.targetExists = have.has(c.targetPage)
        if (!c.targetExists)
          rep.problems.push(
            problem(
              'warning',
              'continuation',
              `${c.marker} points to page ${c.targetPage}, which is not in ${g.report.id}`,
            ),
          )
      }
    }
    const gaps = missingPages(all)
    if (gaps.length)
      g.report.problems.push(
        problem(
          'warning',
          'page-gap',
          `page${gaps.length > 1 ? 's' : ''} ${gaps.join(', ')} missing (the issue will have ${all.join(', ')})`,
        ),
      )
  }
  return [...groups.values()].sort((a, b) => a.report.id.localeCompare(b.report.id))
}

function buildCatalog(
  before: Catalog,
  groups: IssueGroup[],
  resolved: Resolved[],
  manifestPapers: CatalogPaper[],
): Catalog {
  const papers = [...before.papers]
  for (const r of resolved) {
    if (!r.paper || papers.some((p) => p.slug === r.paper?.value)) continue
    const declared = manifestPapers.find((p) => p.slug === r.paper?.value)
    if (declared) papers.push(declared)
    else if (r.paperName) papers.push({ slug: r.paper.value, name: r.paperName.value })
  }
  const issues = before.issues.filter((i) => !groups.some((g) => g.existing?.id === i.id))
  for (const g of groups) {
    const fresh = g.members
      .filter(
        (r) => r.insp.report.source && r.insp.report.encoding && r.insp.report.sha256 && r.page,
      )
      .map((r) => {
        const rep = r.insp.report
        const page = {
          number: r.page?.value as number,
          source: rep.source as string,
          sha256: rep.sha256 as string,
          encoding: rep.encoding as TextEncodingName,
        }
        return r.note ? { ...page, note: r.note } : page
      })
    if (g.existing) issues.push({ ...g.existing, pages: [...g.existing.pages, ...fresh] })
    else if (fresh.length) {
      const first = g.members[0] as Resolved
      const issue: CatalogIssue = {
        id: g.report.id,
        paper: g.report.paper,
        date: g.report.date,
        dateSource: g.report.dateSource,
        pages: fresh,
      }
      const note = g.members.find((m) => m.dateNote)?.dateNote ?? first.dateNote
      if (note) issue.dateNote = note
      issues.push(issue)
    }
  }
  return sortCatalog({
    ...before,
    papers: papers.sort((a, b) => a.slug.localeCompare(b.slug)),
    issues,
  })
}
