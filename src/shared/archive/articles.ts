// Turns a page's text into articles with reflowed text, headlines and continuation markers.
import type { Article, ContinuationKind, ContinuationLink } from '../types'
import { isParagraphPerLine, reflow, splitLines, wrapWidth } from '../text/reflow'
import { givenDrafts } from './given-articles'
import { segmentPage } from './segment'
import type { ArticleDraft } from './segment-work'
import type { SegmentRules } from './segment-rules'
import { correctPage, fixedBody } from './corrections-apply'
import type { EntryOutcome } from './corrections-apply'
import type { CorrectionEntry } from './corrections'

const MARKER =
  /[（(]\s*(下转|转|上接|接|详见|见)\s*(\d{1,3}|[一二三四五六七八九十]{1,2})\s*版\s*[）)]/g
const CN_DIGITS = '一二三四五六七八九'

function pageNumberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  if (s === '十') return 10
  if (s.startsWith('十')) return 10 + CN_DIGITS.indexOf(s[1] as string) + 1
  return CN_DIGITS.indexOf(s[0] as string) + 1 + (s[1] === '十' ? 9 : 0)
}

function kindOf(word: string): ContinuationKind {
  if (word === '上接' || word === '接') return 'continued-from'
  if (word === '详见' || word === '见') return 'see'
  return 'continued-on'
}

export function findMarkers(text: string): Omit<ContinuationLink, 'targetExists'>[] {
  const links: Omit<ContinuationLink, 'targetExists'>[] = []
  for (const m of text.matchAll(MARKER)) {
    links.push({
      kind: kindOf(m[1] as string),
      marker: m[0],
      targetPage: pageNumberOf(m[2] as string),
      range: [m.index, m.index + m[0].length],
    })
  }
  return links
}

/** The headline shown for an article that has none: its first clause, without the lead. */
function derivedHeadline(text: string): string {
  const body = text
    .replace(/^[□■\s]*([\u4e00-\u9fff]{0,6}报讯)?\s*[（(][^）)]{0,40}[）)]\s*/, '')
    .replace(/^[（(]\s*上接\s*\S{1,3}\s*版\s*[）)]\s*/, '')
    // A leading date ("7月12日，") says when, not what.
    .replace(/^\d{1,2}\s*月\s*\d{1,2}\s*日\s*[，,]\s*/, '')
  const sentence = /^[^。！？!?\n]{2,}/.exec(body)?.[0] ?? body
  return sentence.length > 28 ? `${sentence.slice(0, 26)}…` : sentence
}

function bylineOf(draft: ArticleDraft, text: string): string | undefined {
  if (draft.byline) return draft.byline
  const m =
    /^[□■\s]*(?:[\u4e00-\u9fff]{0,6}报讯)?\s*[（(]\s*((?:记者|通讯员)[^）)]{1,40})[）)]/.exec(text)
  return m?.[1]?.trim()
}

/** The label of a block that has no title and no text to make one from. */
const UNTITLED: Record<string, string> = {
  photo: '图片',
  graphic: '图表',
  ad: '广告',
  notice: '公告',
  furniture: '版面信息',
}

/** Articles of one page; continuation targets are resolved later, across the issue. */
export function pageArticles(
  issueId: string,
  page: number,
  pageText: string,
  rules?: SegmentRules,
): Article[] {
  return correctedPageArticles(issueId, page, pageText, rules, []).articles
}

/**
 * Articles of one page with the page's corrections applied (corrections-apply.ts), and what
 * became of each correction.
 */
export function correctedPageArticles(
  issueId: string,
  page: number,
  pageText: string,
  rules: SegmentRules | undefined,
  entries: readonly CorrectionEntry[],
  /** The page's articles as imported one file per article (CatalogPage.articles). */
  given?: readonly (readonly [number, number])[],
): { articles: Article[]; outcomes: EntryOutcome[] } {
  const width = wrapWidth(splitLines(pageText))
  // Ranges that do not fit the text (a page file changed by hand) fall back to segmenting it.
  const givenMade = given && givenDrafts(pageText, given)
  const made = givenMade ?? segmentPage(pageText, rules)
  const { drafts, outcomes } = correctPage(pageText, made, entries)
  const articles = drafts.map((draft, i) => {
    const body = pageText.slice(draft.bodyStart, draft.end)
    // A file given per article keeps its lines when it is written one paragraph a line; a
    // segmented page (PDF text) is always reflowed.
    const { text } = reflow(
      draft.fixes.length ? fixedBody(pageText, draft) : body,
      width,
      !!givenMade && isParagraphPerLine(body),
    )
    const titles = draft.titles
    const printed = titles.headline ?? draft.headline
    const derived = derivedHeadline(text) || (UNTITLED[draft.type] ?? '')
    const article: Article = {
      id: `${issueId}/p${page}/a${i + 1}`,
      issueId,
      page,
      index: i + 1,
      type: draft.type,
      headline: printed || derived,
      text,
      captions: draft.captions,
      continuations: findMarkers(text).map((l) => ({ ...l, targetExists: false })),
      sourceRange: [draft.start, draft.end],
    }
    if (!printed) article.headlineDerived = true
    const kicker = titles.kicker ?? draft.kicker
    if (kicker) article.kicker = kicker
    const subheadline = titles.subheadline ?? draft.subheadline
    if (subheadline) article.subheadline = subheadline
    const byline = titles.byline ?? bylineOf(draft, text)
    if (byline) article.byline = byline
    if (draft.marks.length) article.corrections = draft.marks
    return article
  })
  return { articles, outcomes }
}

function bigrams(s: string): Set<string> {
  const set = new Set<string>()
  for (let i = 0; i + 1 < s.length; i++) set.add(s.slice(i, i + 2))
  return set
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / Math.max(1, Math.min(a.size, b.size))
}

/** The paragraph of `text` around `range`: what a 详见N版 marker refers to. */
function paragraphAround(text: string, range: readonly [number, number]): string {
  const start = text.lastIndexOf('\n\n', range[0]) + 1
  const end = text.indexOf('\n\n', range[1])
  return text.slice(start, end < 0 ? text.length : end)
}

/**
 * Resolves each marker's target page and, where it can be told, the article it leads to.
 * 下转N版 and 上接N版 answer each other: every (下转, 上接) pair across the two pages is scored by
 * the text the two articles share, and pairs are matched best first, one to one, so that two
 * 下转2版 on page 1 lead to two different 上接1版 articles on page 2. A 详见N版 leads to the
 * article on page N that shares most with the marker's paragraph, if any clearly does.
 */
export function linkContinuations(articles: Article[]): void {
  const pages = new Set(articles.map((a) => a.page))
  const grams = new Map<string, Set<string>>()
  const gramsOf = (a: Article): Set<string> => {
    let g = grams.get(a.id)
    if (!g) grams.set(a.id, (g = bigrams(a.headline + a.text)))
    return g
  }
  type Marker = { article: Article; link: ContinuationLink }
  const markers: Marker[] = articles.flatMap((article) =>
    article.continuations.map((link) => ({ article, link })),
  )
  for (const { link } of markers) link.targetExists = pages.has(link.targetPage)

  const pairs: { on: Marker; from: Marker; score: number }[] = []
  for (const on of markers) {
    if (on.link.kind !== 'continued-on' || !on.link.targetExists) continue
    for (const from of markers) {
      if (from.link.kind !== 'continued-from' || from.article.page !== on.link.targetPage) continue
      if (from.link.targetPage !== on.article.page || from.article.id === on.article.id) continue
      pairs.push({ on, from, score: similarity(gramsOf(on.article), gramsOf(from.article)) })
    }
  }
  pairs.sort((a, b) => b.score - a.score)
  const done = new Set<ContinuationLink>()
  for (const { on, from } of pairs) {
    if (done.has(on.link) || done.has(from.link)) continue
    on.link.targetArticleId = from.article.id
    from.link.targetArticleId = on.article.id
    done.add(on.link).add(from.link)
  }

  for (const { article, link } of markers) {
    if (link.kind !== 'see' || !link.targetExists) continue
    const context = bigrams(paragraphAround(article.text, link.range))
    let best: Article | undefined
    let bestScore = 0.5
    for (const target of articles) {
      if (target.page !== link.targetPage) continue
      const score = similarity(context, gramsOf(target))
      if (score > bestScore) [best, bestScore] = [target, score]
    }
    if (best) link.targetArticleId = best.id
  }
}
