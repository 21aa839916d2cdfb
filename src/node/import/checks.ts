// Checks of a batch beyond one file's content: its dates, and duplicates of pages already in
// the archive or elsewhere in the batch.
import {
  EARLIEST_ISSUE_DATE,
  isValidIsoDate,
  LATEST_ISSUE_DATE,
} from '../../shared/archive/catalog'
import { weekdayOf } from '../../shared/archive/infer'
import type { MetaField, PageProblem } from '../../shared/archive/import-report'
import {
  MIN_FINGERPRINT_CHARS,
  NEAR_DUPLICATE_ERROR,
  NEAR_DUPLICATE_WARNING,
  SketchIndex,
} from '../../shared/text/fingerprint'
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

/** A page already in the archive, by its content fingerprint (../fingerprints.ts). */
export interface KnownPage {
  label: string
  exact: string
  chars: number
  minhash: Uint32Array
}

/**
 * Duplicates, by content and not by segmentation: the same bytes, the same content text
 * (normalized, whitespace removed: another encoding, line width or stray spaces), or nearly the
 * same (MinHash similarity ≥ NEAR_DUPLICATE_ERROR refused, ≥ NEAR_DUPLICATE_WARNING warned) as
 * a page already in the archive or another file of the batch. Pages shorter than
 * MIN_FINGERPRINT_CHARS (ads, blanks with a masthead) repeat legitimately: they are exempt, and
 * listed as such. `siblings` says of two pages of the batch that they are distinct pages of one
 * issue by their source's own account (pages joined from one day's per-article files): the web
 * edition of a daily gives a document printed over pages 13 to 15 as the same article on each,
 * so their sameness is the paper's and is only warned of.
 */
export function findDuplicates(
  resolved: Resolved[],
  existingBytes: Map<string, string>,
  existing: readonly KnownPage[],
  siblings: (a: Resolved, b: Resolved) => boolean = () => false,
): void {
  const exact = new Map<string, string>()
  const near = new SketchIndex<string>()
  for (const e of existing) {
    if (e.chars < MIN_FINGERPRINT_CHARS) continue
    if (!exact.has(e.exact)) exact.set(e.exact, e.label)
    near.add(e.minhash, e.label)
  }
  const batchBytes = new Map<string, Resolved>()
  const batchText = new Map<string, Resolved>()
  const batchNear = new SketchIndex<Resolved>()
  for (const r of resolved) {
    const rep = r.insp.report
    if (!rep.sha256 || !r.insp.readable || !rep.textHash || !r.insp.sketch) continue
    const chars = rep.contentChars ?? 0
    if (chars < MIN_FINGERPRINT_CHARS) {
      // Said only of a page that can otherwise be imported: no noise beside its errors.
      if (!rep.problems.some((p) => p.level === 'error'))
        rep.problems.push(
          problem(
            'info',
            'short-page',
            `only ${chars} character(s) of text (under ${MIN_FINGERPRINT_CHARS}): not checked for duplicates, since ads and blank pages repeat`,
          ),
        )
      continue
    }
    const inBatch = (twin: Resolved, what: string): PageProblem =>
      siblings(twin, r)
        ? problem(
            'warning',
            'same-as-sibling',
            `${what} as ${twin.insp.report.file}, another page of this issue in its source: kept as the files give it (a document printed over several pages?)`,
          )
        : problem('error', 'duplicate', `${what} as ${twin.insp.report.file} in this batch`)
    const same = existingBytes.get(rep.sha256)
    if (same)
      rep.problems.push(
        problem(
          'error',
          'duplicate',
          `the same bytes are already in the archive as ${same}; leave this file out`,
        ),
      )
    const twin = batchBytes.get(rep.sha256)
    if (twin) rep.problems.push(inBatch(twin, 'the same bytes'))
    else batchBytes.set(rep.sha256, r)
    const textTwin = batchText.get(rep.textHash)
    const known = exact.get(rep.textHash)
    if (known && !same)
      rep.problems.push(
        problem(
          'error',
          'duplicate',
          `the same text (after normalization, ignoring line breaks and spaces) is already in the archive as ${known}: the same page in another encoding or layout? Leave this file out`,
        ),
      )
    else if (textTwin && !twin)
      rep.problems.push(
        inBatch(textTwin, 'the same text (after normalization, ignoring line breaks and spaces)'),
      )
    if (!known && !textTwin) {
      const a = near.best(r.insp.sketch, NEAR_DUPLICATE_WARNING)
      // A sibling's likeness is the paper's own (see above): only others count.
      const b = batchNear.best(r.insp.sketch, NEAR_DUPLICATE_WARNING)
      const other = b && !siblings(b.value, r) ? b : undefined
      const hit =
        a && (!other || a.similarity >= other.similarity)
          ? { label: `${a.value} in the archive`, similarity: a.similarity }
          : other && {
              label: `${other.value.insp.report.file} in this batch`,
              similarity: other.similarity,
            }
      if (hit && hit.similarity >= NEAR_DUPLICATE_ERROR)
        rep.problems.push(
          problem(
            'error',
            'near-duplicate',
            `nearly the same text as ${hit.label} (similarity ${hit.similarity.toFixed(2)}, refused from ${NEAR_DUPLICATE_ERROR}): a corrected or re-exported copy? Keep one of them`,
          ),
        )
      else if (hit)
        rep.problems.push(
          problem(
            'warning',
            'near-duplicate',
            `much of the text is the same as ${hit.label} (similarity ${hit.similarity.toFixed(2)}, flagged from ${NEAR_DUPLICATE_WARNING}): check that it is not a copy`,
          ),
        )
    }
    if (!textTwin) batchText.set(rep.textHash, r)
    batchNear.add(r.insp.sketch, r)
  }
}
