// Checks on one decoded page that go beyond what decoding refuses: text that decodes but is
// suspicious (stray control characters, unmappable glyphs, mojibake below the refusal threshold,
// 锟斤拷), form feeds that hint at several pages in one file. (A page's content fingerprint, by
// which a copy is recognized, is in ../text/fingerprint.ts.)

export type ProblemLevel = 'error' | 'warning' | 'info'

export interface PageProblem {
  level: ProblemLevel
  code: string
  message: string
}

function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

function countAndFirst(text: string, re: RegExp): { count: number; first: number } {
  let count = 0
  let first = -1
  for (const m of text.matchAll(re)) {
    if (first < 0) first = m.index
    count++
  }
  return { count, first }
}

/** Suspicious text in a decoded page (text with LF line endings). */
export function suspiciousText(text: string): PageProblem[] {
  const problems: PageProblem[] = []
  // 锟斤拷 is U+FFFD written out as GBK and read back: the text went through a broken conversion.
  const kun = countAndFirst(text, /锟斤拷|烫烫烫|屯屯屯/g)
  if (kun.count) {
    problems.push({
      level: 'error',
      code: 'mojibake',
      message: `${kun.count}× "${text.slice(kun.first, kun.first + 3)}" (replacement characters or uninitialized memory passed through GBK), first on line ${lineOf(text, kun.first)}: export the page again from the original`,
    })
  }
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const controls = countAndFirst(text, /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g)
  if (controls.count) {
    problems.push({
      level: 'warning',
      code: 'control-characters',
      message: `${controls.count} control character(s) (U+${text
        .charCodeAt(controls.first)
        .toString(16)
        .toUpperCase()
        .padStart(
          4,
          '0',
        )} first, on line ${lineOf(text, controls.first)}); they are kept but shown as nothing`,
    })
  }
  const pua = countAndFirst(text, /[\ue000-\uf8ff]/g)
  if (pua.count) {
    problems.push({
      level: 'warning',
      code: 'private-use',
      message: `${pua.count} private-use character(s), first on line ${lineOf(text, pua.first)}: glyphs the source encoding could not map (rare characters?); they cannot be searched`,
    })
  }
  const latin = countAndFirst(text, /[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0192]/g)
  if (latin.count >= 2) {
    problems.push({
      level: 'warning',
      code: 'mojibake',
      message: `${latin.count} sequence(s) like "${text.slice(latin.first, latin.first + 4)}" (UTF-8 read as Latin-1?), first on line ${lineOf(text, latin.first)}`,
    })
  }
  const ff = text.indexOf('\f')
  if (ff >= 0) {
    problems.push({
      level: 'warning',
      code: 'form-feed',
      message: `a form feed (page break) on line ${lineOf(text, ff)}: is this several pages in one file? Give one file per page`,
    })
  }
  return problems
}

/** Page numbers missing from 1..max of `numbers`, for "page gaps". */
export function missingPages(numbers: Iterable<number>): number[] {
  const have = new Set(numbers)
  const max = Math.max(0, ...have)
  const missing: number[] = []
  for (let n = 1; n < max; n++) if (!have.has(n)) missing.push(n)
  return missing
}

/**
 * Limits that keep a page readable and the archive responsive: a page is shown and indexed
 * whole, so a line of a megabyte or a page of a hundred thousand lines (a file that is not one
 * page, or text extracted without line breaks) would freeze the reader. Warnings above the size
 * of any real newspaper page; errors where the reader would suffer.
 */
export const PAGE_LIMITS = {
  lineWarnChars: 5_000,
  lineMaxChars: 20_000,
  linesWarn: 3_000,
  linesMax: 20_000,
  articlesWarn: 300,
  articlesMax: 2_000,
} as const

/** Problems of a page's size: its longest line, its number of lines and of articles. */
export function pageSizeProblems(text: string, articleCount: number): PageProblem[] {
  const problems: PageProblem[] = []
  let lines = 0
  let longest = 0
  let longestLine = 0
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    lines++
    if (end - start > longest) {
      longest = end - start
      longestLine = lines
    }
    start = end + 1
  }
  if (text.endsWith('\n')) lines--
  const L = PAGE_LIMITS
  if (longest > L.lineWarnChars) {
    const error = longest > L.lineMaxChars
    problems.push({
      level: error ? 'error' : 'warning',
      code: 'long-line',
      message: `line ${longestLine} is ${longest} characters long${error ? ` (at most ${L.lineMaxChars})` : ''}: was the text extracted without line breaks? Export it again with its line breaks${error ? '' : ' (it is imported, but reads slowly)'}`,
    })
  }
  if (lines > L.linesWarn) {
    const error = lines > L.linesMax
    problems.push({
      level: error ? 'error' : 'warning',
      code: 'too-many-lines',
      message: `the page has ${lines} lines${error ? ` (at most ${L.linesMax})` : ''}: is this several pages in one file? Give one file per page`,
    })
  }
  if (articleCount > L.articlesWarn) {
    const error = articleCount > L.articlesMax
    problems.push({
      level: error ? 'error' : 'warning',
      code: 'too-many-articles',
      message: `${articleCount} articles were found on the page${error ? ` (at most ${L.articlesMax})` : ''}: is this several pages in one file, or a list rather than a page? Give one file per page`,
    })
  }
  return problems
}
