// Which paper, date and page a file is, from the strongest source that says: the command's
// options, the folder's manifest.json, the file's NAME.meta.json, the file name, and last what
// the text itself prints (which the librarian must confirm).
import { PAPER_SLUG_PATTERN } from '../../shared/rules'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { parseFileName } from '../../shared/archive/infer'
import { normalize } from '../../shared/text/normalize'
import type { MetaField, MetaSource, PageProblem } from '../../shared/archive/import-report'
import type { CatalogIssue, CatalogPaper, DateSource } from '../../shared/types'
import type { Inspected } from './inspect'
import type { FileMeta } from './manifest'
import { decidePage } from './pages'
import type { PageClaim } from './pages'

/** Metadata given as command options; it applies to every file of the batch. */
export interface OptionMeta {
  paper?: string
  paperName?: string
  date?: string
  /** Files without a page number are numbered in order from this one (default 1). */
  firstPage?: number
  encoding?: string
  issueId?: string
  /**
   * Allow a new paper slug with the name of a paper the archive has under another slug, and a
   * paper name other than the archive's for its slug (one paper, one slug, unless told).
   */
  allowSameName?: boolean
}

export interface Resolved {
  insp: Inspected
  paper?: MetaField<string>
  paperName?: MetaField<string>
  date?: MetaField<string>
  page?: MetaField<number>
  /** Every source's page number, to check the number the page gets against (pages.ts). */
  pageClaims: PageClaim[]
  issueId?: string
  dateSource: DateSource
  dateNote?: string
  note?: string
  /** Some of its metadata was read from the text and needs the librarian's confirmation. */
  fromText: boolean
}

/** Paper names are the same when they normalize alike (traditional or simplified, spaces, case). */
function sameName(a: string, b: string): boolean {
  return normalize(a).replace(/\s+/g, '') === normalize(b).replace(/\s+/g, '')
}

/** The catalog's dateSource for a date from this source (no date yet: printed, as before). */
function dateSourceOf(date: MetaField<string> | undefined): DateSource {
  switch (date?.source) {
    case 'option':
      return 'given'
    case 'manifest':
      return 'manifest'
    case 'sidecar':
      return 'sidecar'
    case 'filename':
      return 'file-name'
    default:
      return 'printed'
  }
}

function first<T>(...candidates: [T | undefined, MetaSource][]): MetaField<T> | undefined {
  for (const [value, source] of candidates) if (value !== undefined) return { value, source }
  return undefined
}

export function resolveMetadata(
  insp: Inspected,
  opts: OptionMeta,
  meta: {
    manifest?: FileMeta | undefined
    sidecar?: FileMeta | undefined
    defaults?: FileMeta | undefined
    /** Given for this one file (the app's import form): over everything else. */
    override?: FileMeta | undefined
  },
  ctx: { papers: CatalogPaper[]; manifestPapers: CatalogPaper[]; issues: CatalogIssue[] },
): Resolved {
  const rep = insp.report
  const problems: PageProblem[] = []
  const fromName = parseFileName(insp.input.path.split(/[\\/]/).pop() ?? '')
  const { manifest: m, sidecar: s, defaults: d, override: o } = meta
  const guess = insp.paperGuess

  let paper = first<string>(
    [o?.paper, 'option'],
    [opts.paper, 'option'],
    [m?.paper, 'manifest'],
    [s?.paper, 'sidecar'],
    [d?.paper, 'manifest'],
    [fromName.paper, 'filename'],
  )
  if (!paper && guess?.slug)
    paper = {
      value: guess.slug,
      source: 'text',
      evidence: `${guess.evidence} (line ${guess.line})`,
    }
  const known = (slug: string): CatalogPaper | undefined =>
    ctx.papers.find((p) => p.slug === slug) ?? ctx.manifestPapers.find((p) => p.slug === slug)

  let paperName: MetaField<string> | undefined
  if (paper) {
    const k = known(paper.value)
    const givenName = first<string>(
      [o?.paperName, 'option'],
      [opts.paperName, 'option'],
      [s?.paperName, 'sidecar'],
    )
    if (k) {
      paperName = { value: k.name, source: 'archive' }
      if (givenName && !sameName(givenName.value, k.name) && !opts.allowSameName)
        problems.push({
          level: 'error',
          code: 'paper-name-conflict',
          message: `the paper "${paper.value}" is ${k.name} in the archive, but ${givenName.source === 'option' ? '--paper-name' : 'the sidecar'} names it ${givenName.value}: leave the name out, give the other paper its own slug, or rename on purpose with --allow-same-name`,
        })
    } else {
      paperName = givenName
      if (!paperName && guess && !guess.slug)
        paperName = {
          value: guess.value,
          source: 'text',
          evidence: `${guess.evidence} (line ${guess.line})`,
        }
    }
    // One paper, one slug: a new slug must not bring a name the archive knows under another.
    const name = paperName?.value
    const twin =
      name !== undefined && !ctx.papers.some((p) => p.slug === paper?.value)
        ? ctx.papers.find((p) => sameName(p.name, name))
        : undefined
    if (twin && !opts.allowSameName)
      problems.push({
        level: 'error',
        code: 'paper-slug-conflict',
        message: `${name} is already in the archive as the paper "${twin.slug}": use --paper ${twin.slug} (or, for a different paper of the same name, add --allow-same-name)`,
      })
    if (!PAPER_SLUG_PATTERN.test(paper.value)) {
      problems.push({
        level: 'error',
        code: 'bad-paper',
        message: `the paper "${paper.value}" (from the ${paper.source}) is not a slug (lower-case letters, digits and -), e.g. jiangbei`,
      })
    } else if (!paperName) {
      problems.push({
        level: 'error',
        code: 'unknown-paper',
        message: `the paper "${paper.value}" is not in the archive; give its name with --paper-name (e.g. --paper-name 江北报), a sidecar "paperName" or the manifest's "papers"`,
      })
    }
    if (guess?.slug && guess.slug !== paper.value && paper.source !== 'text') {
      problems.push({
        level: 'warning',
        code: 'paper-disagrees',
        message: `the text names ${guess.value} ("${guess.evidence}", line ${guess.line}), but the paper is ${paper.value} (${paper.source === 'option' ? '--paper' : `from the ${paper.source}`})`,
      })
    }
  }

  let date = first<string>(
    [o?.date, 'option'],
    [opts.date, 'option'],
    [m?.date, 'manifest'],
    [s?.date, 'sidecar'],
    [d?.date, 'manifest'],
    [fromName.date, 'filename'],
  )
  const printed = insp.printedDate
  if (!date && printed)
    date = {
      value: printed.value,
      source: 'text',
      evidence: `${printed.evidence} (line ${printed.line})`,
    }

  // The page number's evidence, every source that says one (pages.ts decides from it).
  const pageClaims: PageClaim[] = []
  if (m?.page !== undefined)
    pageClaims.push({ value: m.page, source: 'manifest', label: 'the manifest says' })
  if (s?.page !== undefined)
    pageClaims.push({ value: s.page, source: 'sidecar', label: 'its sidecar says' })
  if (fromName.page !== undefined)
    pageClaims.push({ value: fromName.page, source: 'filename', label: 'the file name says' })
  if (insp.pageGuess)
    pageClaims.push({
      value: insp.pageGuess.value,
      source: 'text',
      label: `the page prints "${insp.pageGuess.evidence}" (line ${insp.pageGuess.line})`,
      evidence: `${insp.pageGuess.evidence} (line ${insp.pageGuess.line})`,
    })
  const page = decidePage(o?.page, opts.firstPage, pageClaims, problems)

  const missing: string[] = []
  if (!paper) {
    missing.push(
      guess
        ? `the paper (the text names ${guess.value}, "${guess.evidence}" on line ${guess.line}, which is not in the archive: give --paper SLUG --paper-name ${guess.value})`
        : 'the paper (give --paper SLUG, a NAME.meta.json sidecar, a manifest.json, or name the file SLUG-YYYY-MM-DD-pN.txt)',
    )
  }
  if (!date)
    missing.push(
      'the date (no date is printed in the page header: give --date YYYY-MM-DD, a sidecar, a manifest, or the file name)',
    )
  if (missing.length && insp.readable)
    problems.push({
      level: 'error',
      code: 'missing-metadata',
      message: `missing ${missing.join('; and ')}`,
    })

  const r: Resolved = {
    insp,
    // A manifest or sidecar may say how the date it gives is known (printed, inferred); otherwise
    // the date's provenance is where it came from.
    dateSource: m?.dateSource ?? s?.dateSource ?? dateSourceOf(date),
    pageClaims,
    fromText: false,
  }
  if (paper) r.paper = paper
  if (paperName) r.paperName = paperName
  if (date) r.date = date
  if (page) r.page = page
  const dateNote =
    m?.dateNote ??
    s?.dateNote ??
    (date?.source === 'text' ? `Printed on the page: ${printed?.evidence}.` : undefined)
  if (dateNote) r.dateNote = dateNote
  const note = o?.note ?? m?.note ?? s?.note
  if (note) r.note = note
  if (paper && date && PAPER_SLUG_PATTERN.test(paper.value) && isValidIsoDate(date.value)) {
    r.issueId =
      opts.issueId ??
      m?.issue ??
      s?.issue ??
      ctx.issues.find((i) => i.paper === paper.value && i.date === date.value)?.id ??
      `${paper.value}-${date.value}`
  }
  r.fromText = [paper, paperName, date, page].some((f) => f?.source === 'text')

  if (paper) rep.paper = paper
  if (paperName) rep.paperName = paperName
  if (date) rep.date = date
  if (page) rep.page = page
  rep.problems.push(...problems)
  return r
}
