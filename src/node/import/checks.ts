// Checks of a batch beyond one file's content: its dates, and duplicates of pages already in
// the archive or elsewhere in the batch.
import {
  EARLIEST_ISSUE_DATE,
  isValidIsoDate,
  LATEST_ISSUE_DATE,
} from '../../shared/archive/catalog'
import { weekdayOf } from '../../shared/archive/infer'
import type { MetaField, PageProblem } from '../../shared/archive/import-report'
import type { Resolved } from './resolve'

export function problem(level: PageProblem['level'], code: string, message: string): PageProblem {
  return { level, code, message }
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

export function checkDates(r: Resolved, today: string): void {
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
  // The catalog's date rule (shared/archive/catalog.ts issueDateProblem), plus today.
  if (date.value > today || date.value > LATEST_ISSUE_DATE)
    rep.problems.push(
      problem('error', 'future-date', `the date ${date.value}${where} is in the future`),
    )
  if (date.value < EARLIEST_ISSUE_DATE)
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

/**
 * Duplicates: the same bytes, or the same text after normalization, as a page already in the
 * archive or another file of the batch.
 */
export function findDuplicates(
  resolved: Resolved[],
  existingBytes: Map<string, string>,
  fingerprints: Map<string, { issueId: string; page: number }>,
): void {
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
}
