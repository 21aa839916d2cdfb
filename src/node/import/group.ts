// Files into issues: pages numbered (explicitly, or in file order), clashes with the batch and
// the archive, continuation targets and page gaps checked per issue; then the new catalog.
import { sortCatalog } from '../../shared/archive/catalog'
import type { IssueReport, MetaField, PageProblem } from '../../shared/archive/import-report'
import { missingPages } from '../../shared/archive/page-check'
import type {
  Catalog,
  CatalogIssue,
  CatalogPage,
  CatalogPaper,
  TextEncodingName,
} from '../../shared/types'
import { problem } from './checks'
import { missingPageProblem, orderConflict } from './pages'
import type { OptionMeta } from './resolve'
import type { Resolved } from './resolve'

export interface IssueGroup {
  report: IssueReport
  members: Resolved[]
  existing?: CatalogIssue
}

export function groupIntoIssues(
  resolved: Resolved[],
  before: Catalog,
  opts: OptionMeta,
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
      const rep = r.insp.report
      if (opts.firstPage === undefined) {
        // No number and no order to number it by: refused (unless its evidence already is).
        if (r.insp.readable && !rep.problems.some((p) => p.code === 'page-evidence'))
          rep.problems.push(missingPageProblem(rep.continuations))
        continue
      }
      while (taken.has(next)) next++
      const conflict = orderConflict(next, r.pageClaims)
      if (conflict) rep.problems.push(conflict)
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
        // A marker pointing at its own page is not a working link (✗), whatever the issue holds.
        c.targetExists = have.has(c.targetPage) && c.targetPage !== number
        if (c.targetPage === number)
          rep.problems.push(
            problem(
              'warning',
              'continuation-self',
              `${c.marker} points to page ${number}, this page itself: is its page number right?`,
            ),
          )
        else if (!c.targetExists)
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

export function buildCatalog(
  before: Catalog,
  groups: IssueGroup[],
  resolved: Resolved[],
  manifestPapers: CatalogPaper[],
  /** Pages joined from per-article files, by the joined file's path: their articles' ranges. */
  joined?: ReadonlyMap<string, { articles: [number, number][] }>,
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
        const page: CatalogPage = {
          number: r.page?.value as number,
          source: rep.source as string,
          sha256: rep.sha256 as string,
          encoding: rep.encoding as TextEncodingName,
        }
        // Only a page that was let through with --allow-private-use has them.
        if (rep.problems.some((p) => p.code === 'private-use')) page.privateUse = true
        if (r.note) page.note = r.note
        const given = joined?.get(r.insp.input.path)
        if (given) page.articles = given.articles
        return page
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
