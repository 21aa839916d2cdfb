// One page file, read once: its bytes are hashed, decoded, checked and segmented, and what the
// text says about the issue is noted. Only this summary is kept; the text is dropped, so a batch
// of thousands of files needs memory for one page at a time.
import { readFileSync, statSync } from 'node:fs'
import { pageArticles } from '../../shared/archive/articles'
import {
  findPrintedDates,
  inferIssueDate,
  inferPageNumber,
  inferPaper,
} from '../../shared/archive/infer'
import type { Evidence, PaperGuess, PrintedDate } from '../../shared/archive/infer'
import type { FileReport } from '../../shared/archive/import-report'
import { pageSizeProblems, suspiciousText } from '../../shared/archive/page-check'
import { decodeText, DecodeError, MAX_SOURCE_BYTES } from '../../shared/text/decode'
import type { EncodingLabel } from '../../shared/text/decode'
import type { CatalogPaper } from '../../shared/types'
import { sha256 } from '../archive-dir'
import { fingerprintText } from '../fingerprints'
import { assertRegularOrMissing, readRegularFile, UnsafePathError } from '../safe-path'
import type { InputFile } from './inputs'

export interface Inspected {
  input: InputFile
  report: FileReport
  /** Decoded, not empty: the page can be imported as far as its content goes. */
  readable: boolean
  /** The issue's date as printed in the page header, if it is. */
  printedDate?: PrintedDate
  /** The latest full date printed anywhere on the page. */
  latestDate?: PrintedDate
  paperGuess?: PaperGuess
  pageGuess?: Evidence<number>
  /** MinHash sketch of the page's content text (report.textHash is its exact hash). */
  sketch?: Uint32Array
}

export function inspectFile(
  input: InputFile,
  declared: EncodingLabel | undefined,
  papers: readonly CatalogPaper[],
  allowPrivateUse = false,
): Inspected {
  const report: FileReport = {
    file: input.display,
    bytes: 0,
    encoding: null,
    bom: false,
    lineEndings: null,
    articles: 0,
    continuations: [],
    problems: [],
  }
  const result: Inspected = { input, report, readable: false }
  const error = (code: string, message: string): Inspected => {
    report.problems.push({ level: 'error', code, message })
    return result
  }
  let bytes: Buffer
  try {
    if (!input.follow) assertRegularOrMissing(input.path)
    const st = statSync(input.path)
    if (!st.isFile()) return error('not-a-file', 'not a regular file')
    report.bytes = st.size
    // Refuse a huge file before reading it into memory.
    if (st.size > MAX_SOURCE_BYTES)
      return error(
        'too-large',
        `the file is ${(st.size / 1024 / 1024).toFixed(1)} MB; a page's text is at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB — split it into one file per page`,
      )
    bytes = input.follow ? readFileSync(input.path) : readRegularFile(input.path)
  } catch (e) {
    if (e instanceof UnsafePathError) return error('not-a-file', e.reason)
    return error(
      'unreadable',
      `cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    )
  }
  report.sha256 = sha256(bytes)
  let text: string
  try {
    const d = decodeText(bytes, declared, { allowPrivateUse })
    text = d.text
    report.encoding = d.encoding
    report.encodingSource = declared ? 'declared' : 'detected'
    if (declared && declared !== d.encoding) report.declaredAs = declared
    report.bom = d.hadBom
    report.lineEndings = d.lineEndings
  } catch (e) {
    if (e instanceof DecodeError) return error('decode', e.message)
    throw e
  }
  if (report.bom) {
    report.problems.push({
      level: 'info',
      code: 'bom',
      message: 'starts with a UTF-8 byte-order mark (kept; it is not part of the text)',
    })
  }
  if (report.lineEndings === 'mixed') {
    report.problems.push({
      level: 'warning',
      code: 'mixed-line-endings',
      message:
        'mixes CRLF, LF and/or CR line endings: was it pasted together from several sources?',
    })
  }
  if (text.trim().length === 0) return error('empty', 'the page has no text (only white space)')
  report.problems.push(...suspiciousText(text))
  const articles = pageArticles('import', 1, text)
  report.articles = articles.length
  report.problems.push(...pageSizeProblems(text, articles.length))
  if (articles.length === 0) {
    report.problems.push({
      level: 'warning',
      code: 'no-articles',
      message: 'no article was found on the page; it will be shown but nothing on it is searchable',
    })
  }
  for (const a of articles)
    for (const c of a.continuations)
      report.continuations.push({ marker: c.marker, targetPage: c.targetPage, targetExists: false })
  // The content fingerprint: of the text itself, not of how it was segmented into articles.
  const fp = fingerprintText(text)
  report.textHash = fp.exact
  report.contentChars = fp.chars
  result.sketch = fp.minhash
  const dates = findPrintedDates(text)
  for (const d of dates)
    if (!result.latestDate || d.value > result.latestDate.value) result.latestDate = d
  const printed = inferIssueDate(text)
  if (printed) result.printedDate = printed
  const paper = inferPaper(text, papers)
  if (paper) result.paperGuess = paper
  const page = inferPageNumber(text)
  if (page) result.pageGuess = page
  result.readable = !report.problems.some((p) => p.level === 'error')
  return result
}
