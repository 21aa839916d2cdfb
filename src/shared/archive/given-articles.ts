// The articles of a page imported one file per article (node/import/per-article.ts): the
// catalog gives each one's range in the page text, so nothing is segmented and nothing is
// guessed from the layout. A range opens with its heading, read by position:
// - up to three unindented lines before the body — kicker, headline, subheadline, the layout
//   the People's Daily crawlers write (h3, h1, h2 of the web page), where an absent field is an
//   empty line: a range that opens with an empty line has no kicker (its next lines are the
//   headline and the subheadline); one title line is the headline, two are kicker and headline;
// - the heading ends at an empty line, an indented line (a paragraph) or a byline (本报记者,
//   记者, 通讯员, 实习生: the article's byline); two or three title lines that nothing ends are
//   not a heading, and then only the first line is the headline;
// - a range whose first line is indented has no heading (a brief without a title), and a range
//   of one line is all body — unless it opens with the empty kicker line: then it is a heading
//   without a body (a page-wide ad, 广告).
import type { ArticleDraft } from './segment-work'

const BYLINE = /^(本报)?(特约)?(记者|通讯员|实习生)/
const MAX_BYLINE = 40
const MAX_TITLE_LINES = 3

interface Line {
  start: number
  /** End of its text (before the LF). */
  end: number
  text: string
}

function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = []
  let s = start
  while (s <= end) {
    const i = text.indexOf('\n', s)
    const e = i < 0 || i > end ? end : i
    out.push({ start: s, end: e, text: text.slice(s, e) })
    if (e >= end) break
    s = e + 1
  }
  return out
}

const indented = (l: Line): boolean => /^[\s\u3000]/u.test(l.text) && l.text.trim() !== ''
const blank = (l: Line): boolean => l.text.trim() === ''
const isByline = (l: Line): boolean =>
  l.text.trim().length <= MAX_BYLINE && BYLINE.test(l.text.trim())

/** The heading of one range, and where its body starts. */
function heading(text: string, start: number, end: number): ArticleDraft {
  const d: ArticleDraft = { type: 'article', captions: [], start, end, bodyStart: start }
  const lines = linesOf(text, start, end)
  if (lines.length < 2 || indented(lines[0] as Line)) return d
  const noKicker = blank(lines[0] as Line)
  let i = noKicker ? 1 : 0
  const titles: string[] = []
  let ended = false
  let byline: string | undefined
  // In the slot layout (an empty first line) the heading may be all there is (an ad: 广告).
  const last = noKicker ? lines.length : lines.length - 1
  // The slot layout's three slots are its first three lines, whatever follows them.
  const most = noKicker ? MAX_TITLE_LINES - 1 : MAX_TITLE_LINES
  while (i < last && titles.length < most) {
    const l = lines[i] as Line
    if (blank(l) || indented(l)) {
      ended = true
      break
    }
    if (titles.length > 0 && isByline(l)) {
      byline = l.text.trim()
      i++
      ended = true
      break
    }
    titles.push(l.text.trim())
    i++
  }
  if (!ended && (noKicker || i >= lines.length)) ended = true
  else if (!ended) {
    const next = lines[i] as Line
    ended = blank(next) || indented(next) || (titles.length > 0 && isByline(next))
    if (ended && isByline(next) && !blank(next) && !indented(next)) {
      byline = next.text.trim()
      i++
    }
  }
  if (titles.length === 0) return d
  if (!ended) {
    // Nothing marks where a heading of several lines would end: only the first line is one.
    d.headline = titles[0]
    d.bodyStart = (lines[noKicker ? 2 : 1] as Line).start
    return d
  }
  const slots = noKicker ? ['', ...titles] : titles.length === 1 ? ['', ...titles] : titles
  if (slots[0]) d.kicker = slots[0]
  d.headline = slots[1]
  if (slots[2]) d.subheadline = slots[2]
  if (byline) d.byline = byline
  d.bodyStart = i < lines.length ? (lines[i] as Line).start : end
  return d
}

/**
 * Why the ranges do not fit the text (each non-empty, in order, not overlapping, inside it), or
 * undefined when they do: `verify` names it, the reader then segments the page instead.
 */
export function rangesProblem(
  text: string,
  ranges: readonly (readonly [number, number])[],
): string | undefined {
  let last = 0
  for (const [k, [s, e]] of ranges.entries()) {
    const which = `article ${k + 1} of ${ranges.length} ([${s}, ${e}))`
    if (e > text.length)
      return `${which} ends past the page text, which has ${text.length} character(s)`
    if (e <= s) return `${which} is empty`
    if (s < last) return `${which} overlaps the article before it, which ends at ${last}`
    last = e
  }
  return undefined
}

/** The drafts the ranges stand for; undefined when they do not fit the text (rangesProblem). */
export function givenDrafts(
  text: string,
  ranges: readonly (readonly [number, number])[],
): ArticleDraft[] | undefined {
  if (rangesProblem(text, ranges)) return undefined
  return ranges.map(([start, end]) => heading(text, start, end))
}
