// What a per-article import must reproduce, read from the source files on their own terms and not
// through the importer: the layout the People's Daily crawlers write (one file per article,
// YYYYMMDD-PP-NN.txt; line 1 the kicker, line 2 the headline, line 3 the subheadline — each
// empty when the web page has none —, then one paragraph a line, indented with ideographic
// spaces, CRLF or LF). Used by the committed test on a synthetic day
// (tests/node/import-per-article-layout.test.ts) and by the bench on real days
// (`npm run bench:import -- --people-daily`), so both hold the import to the same standard.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../src/shared/types'

export const ARTICLE_NAME = /^(\d{8})-(\d{2})-(\d{2})\.txt$/

export interface SourceArticle {
  file: string
  page: number
  n: number
  kicker: string
  headline: string
  subheadline: string
  /** The body's paragraphs, whitespace at their ends trimmed. */
  paragraphs: string[]
  /** The file's whole text, line ends made LF, blank lines at its two ends dropped. */
  text: string
}

// Spaces of every kind the crawled text has: ASCII, no-break, ideographic.
const trim = (s: string): string => s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, '')
const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/gu, '')

export function readSourceArticle(path: string): SourceArticle {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const m = ARTICLE_NAME.exec(name)
  if (!m) throw new Error(`${path}: not named YYYYMMDD-PP-NN.txt`)
  const raw = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/g, '\n')
  const lines = raw.split('\n')
  return {
    file: name,
    page: Number(m[2]),
    n: Number(m[3]),
    kicker: trim(lines[0] ?? ''),
    headline: trim(lines[1] ?? ''),
    subheadline: trim(lines[2] ?? ''),
    paragraphs: lines.slice(3).map(trim).filter(Boolean),
    text: raw.replace(/^(\s*\n)+/u, '').replace(/\s+$/u, ''),
  }
}

/** A day's source articles in reading order (page, then place on the page). */
export function readSourceDay(dir: string): SourceArticle[] {
  return readdirSync(dir)
    .filter((n) => ARTICLE_NAME.test(n))
    .sort()
    .map((n) => readSourceArticle(join(dir, n)))
}

export interface Mismatch {
  file: string
  what: 'boundary' | 'heading' | 'body' | 'missing' | 'extra'
  want: string
  got: string
}

export interface DayCheck {
  pages: number
  articles: number
  /** Articles whose boundaries, heading and body all match. */
  exact: number
  boundaries: number
  headings: number
  bodies: number
  mismatches: Mismatch[]
}

/** Nothing counted yet: a day's check starts here, and so does a batch's total. */
export function emptyDayCheck(): DayCheck {
  return { pages: 0, articles: 0, exact: 0, boundaries: 0, headings: 0, bodies: 0, mismatches: [] }
}

/**
 * Compares an imported issue with its source files: every page has its files' articles in their
 * order; each article's range in the stored page is the file's text (boundaries); its kicker,
 * headline and subheadline are the file's three title lines (headings: a byline read from a
 * title line counts as that line); its body has the file's paragraphs, each with the same
 * characters (the reader drops the spaces between two CJK characters, so whitespace is not
 * compared inside a paragraph).
 */
export function compareDay(
  sources: readonly SourceArticle[],
  pages: ReadonlyMap<number, { text: string; articles: readonly Article[] }>,
): DayCheck {
  const r = emptyDayCheck()
  const byPage = new Map<number, SourceArticle[]>()
  for (const s of sources) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s])
  r.pages = byPage.size
  for (const [page, want] of byPage) {
    const got = pages.get(page)
    const articles = got?.articles ?? []
    want.forEach((s, i) => {
      r.articles++
      const a = articles[i]
      if (!got || !a) {
        r.mismatches.push({ file: s.file, what: 'missing', want: s.headline, got: '' })
        return
      }
      let ok = true
      const slice = got.text.slice(a.sourceRange[0], a.sourceRange[1]).replace(/^\n+/u, '')
      if (slice === s.text) r.boundaries++
      else {
        ok = false
        r.mismatches.push({ file: s.file, what: 'boundary', want: s.text, got: slice })
      }
      const wantHead = [s.kicker, s.headline, s.subheadline].join(' | ')
      const headline = a.headlineDerived ? '' : a.headline
      const sub = a.subheadline ?? (a.byline && a.byline === s.subheadline ? a.byline : '')
      const gotHead = [a.kicker ?? '', headline, sub].join(' | ')
      if (gotHead === wantHead) r.headings++
      else {
        ok = false
        r.mismatches.push({ file: s.file, what: 'heading', want: wantHead, got: gotHead })
      }
      const paras = a.text.split('\n\n').map(squash).filter(Boolean)
      const wantParas = s.paragraphs.map(squash)
      if (paras.join('\n') === wantParas.join('\n')) r.bodies++
      else {
        ok = false
        const k = paras.findIndex((p, j) => p !== wantParas[j])
        const at = k < 0 ? paras.length : k
        r.mismatches.push({
          file: s.file,
          what: 'body',
          want: `paragraph ${at + 1} of ${wantParas.length}: ${wantParas[at] ?? '(none)'}`,
          got: `paragraph ${at + 1} of ${paras.length}: ${paras[at] ?? '(none)'}`,
        })
      }
      if (ok) r.exact++
    })
    for (const a of articles.slice(want.length))
      r.mismatches.push({ file: `page ${page}`, what: 'extra', want: '', got: a.headline })
  }
  for (const [page, got] of pages)
    if (!byPage.has(page))
      for (const a of got.articles)
        r.mismatches.push({ file: `page ${page}`, what: 'extra', want: '', got: a.headline })
  return r
}
