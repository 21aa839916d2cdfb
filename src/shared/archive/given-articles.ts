// The articles of a page imported one file per article (node/import/per-article.ts): the
// catalog gives each one's range in the page text, so nothing is segmented and nothing is
// guessed from the layout. A range's first line is its headline — unless it is indented, as a
// paragraph is (a brief without a title) — a second line that opens as a byline does (本报记者,
// 记者, 通讯员, 实习生) its byline, and the rest its body; a range of one line is all body.
import type { ArticleDraft } from './segment-work'

const BYLINE = /^(本报)?(特约)?(记者|通讯员|实习生)/
const MAX_BYLINE = 40

/** The drafts the ranges stand for; undefined when they do not fit the text (in order, inside it). */
export function givenDrafts(
  text: string,
  ranges: readonly (readonly [number, number])[],
): ArticleDraft[] | undefined {
  let last = 0
  for (const [s, e] of ranges) {
    if (s < last || e <= s || e > text.length) return undefined
    last = e
  }
  return ranges.map(([start, end]) => {
    const lineEnd = (from: number): number => {
      const i = text.indexOf('\n', from)
      return i < 0 || i > end ? end : i
    }
    const d: ArticleDraft = { type: 'article', captions: [], start, end, bodyStart: start }
    const h = lineEnd(start)
    const first = text.slice(start, h)
    const headline = first.trim()
    if (!headline || h >= end || /^[\s\u3000]/u.test(first)) return d
    d.headline = headline
    d.bodyStart = h + 1
    const b = lineEnd(d.bodyStart)
    const second = text.slice(d.bodyStart, b).trim()
    if (b < end && second.length <= MAX_BYLINE && BYLINE.test(second)) {
      d.byline = second
      d.bodyStart = b + 1
    }
    return d
  })
}
