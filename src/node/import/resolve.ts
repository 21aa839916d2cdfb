// Which paper, date and page a file is, from the strongest source that says: the command's
// options, the folder's manifest.json, the file's NAME.meta.json, the file name, and last what
// the text itself prints (which the librarian must confirm).
import { PAPER_SLUG_PATTERN } from '../../shared/rules'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { parseFileName } from '../../shared/archive/infer'
import type { MetaField, MetaSource, PageProblem } from '../../shared/archive/import-report'
import type { CatalogIssue, CatalogPaper } from '../../shared/types'
import type { Inspected } from './inspect'
import type { FileMeta } from './manifest'

/** Metadata given as command options; it applies to every file of the batch. */
export interface OptionMeta {
  paper?: string
  paperName?: string
  date?: string
  /** Files without a page number are numbered in order from this one (default 1). */
  firstPage?: number
  encoding?: string
  issueId?: string
}

export interface Resolved {
  insp: Inspected
  paper?: MetaField<string>
  paperName?: MetaField<string>
  date?: MetaField<string>
  page?: MetaField<number>
  issueId?: string
  dateSource: 'printed' | 'inferred'
  dateNote?: string
  note?: string
  /** Some of its metadata was read from the text and needs the librarian's confirmation. */
  fromText: boolean
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
    if (k) paperName = { value: k.name, source: 'archive' }
    else {
      paperName = first<string>(
        [o?.paperName, 'option'],
        [opts.paperName, 'option'],
        [s?.paperName, 'sidecar'],
      )
      if (!paperName && guess && !guess.slug)
        paperName = {
          value: guess.value,
          source: 'text',
          evidence: `${guess.evidence} (line ${guess.line})`,
        }
    }
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

  // --page numbers the files in order from N, over any other page number (options win);
  // otherwise a printed 第N版 counts when nothing else says.
  let page =
    o?.page !== undefined
      ? { value: o.page, source: 'option' as const }
      : opts.firstPage === undefined
        ? first<number>([m?.page, 'manifest'], [s?.page, 'sidecar'], [fromName.page, 'filename'])
        : undefined
  if (!page && opts.firstPage === undefined && insp.pageGuess)
    page = {
      value: insp.pageGuess.value,
      source: 'text',
      evidence: `${insp.pageGuess.evidence} (line ${insp.pageGuess.line})`,
    }

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
    dateSource: m?.dateSource ?? s?.dateSource ?? 'printed',
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
  const note = m?.note ?? s?.note
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
