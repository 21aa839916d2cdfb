// Turns a page's text into articles with reflowed text, headlines and continuation markers.
import type { Article, ContinuationKind, ContinuationLink } from '../types'
import { reflow, splitLines, wrapWidth } from '../text/reflow'
import { segmentPage } from './segment'
import type { ArticleDraft } from './segment'

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
  const clause = /^[^，。！？；,;\n]{2,}/.exec(body)?.[0] ?? body
  return clause.length > 28 ? `${clause.slice(0, 26)}…` : clause
}

function headlineParts(draft: ArticleDraft): Pick<Article, 'headline' | 'kicker' | 'subheadline'> {
  const lines = draft.headlines
  if (lines.length === 0) return { headline: '' }
  let main = 0
  lines.forEach((l, i) => {
    if (l.level < (lines[main] as { level: number }).level) main = i
  })
  const join = (xs: typeof lines): string | undefined =>
    xs.length ? xs.map((l) => l.text).join(' ') : undefined
  return {
    headline: (lines[main] as { text: string }).text,
    kicker: join(lines.slice(0, main)),
    subheadline: join(lines.slice(main + 1)),
  }
}

function bylineOf(draft: ArticleDraft, text: string): string | undefined {
  if (draft.byline) return draft.byline
  const m =
    /^[□■\s]*(?:[\u4e00-\u9fff]{0,6}报讯)?\s*[（(]\s*((?:记者|通讯员)[^）)]{1,40})[）)]/.exec(text)
  return m?.[1]?.trim()
}

/** Articles of one page; continuation targets are resolved later, across the issue. */
export function pageArticles(issueId: string, page: number, pageText: string): Article[] {
  const width = wrapWidth(splitLines(pageText))
  return segmentPage(pageText).map((draft, i) => {
    const body = pageText.slice(draft.bodyStart, draft.end)
    const { text } = reflow(body, width)
    const parts = headlineParts(draft)
    const article: Article = {
      id: `${issueId}/p${page}/a${i + 1}`,
      issueId,
      page,
      index: i + 1,
      ...parts,
      headline: parts.headline || derivedHeadline(text),
      text,
      captions: draft.captions,
      continuations: findMarkers(text).map((l) => ({ ...l, targetExists: false })),
      sourceRange: [draft.start, draft.end],
    }
    const byline = bylineOf(draft, text)
    if (byline) article.byline = byline
    for (const key of ['kicker', 'subheadline'] as const)
      if (article[key] === undefined) delete article[key]
    return article
  })
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

const RECIPROCAL: Record<ContinuationKind, ContinuationKind | undefined> = {
  'continued-on': 'continued-from',
  'continued-from': 'continued-on',
  see: undefined,
}

/**
 * Resolves each marker's target page and, where it can be told, the article it leads to: the
 * article on the target page with the reciprocal marker pointing back (上接1版 for 下转2版); when
 * several qualify, the one whose text shares most with the source article.
 */
export function linkContinuations(articles: Article[]): void {
  const pages = new Set(articles.map((a) => a.page))
  const grams = new Map<string, Set<string>>()
  const gramsOf = (a: Article): Set<string> => {
    let g = grams.get(a.id)
    if (!g) grams.set(a.id, (g = bigrams(a.headline + a.text)))
    return g
  }
  for (const source of articles) {
    for (const link of source.continuations) {
      link.targetExists = pages.has(link.targetPage)
      if (!link.targetExists) continue
      const reciprocal = RECIPROCAL[link.kind]
      const candidates = articles.filter(
        (a) =>
          a.page === link.targetPage &&
          a.id !== source.id &&
          (reciprocal === undefined ||
            a.continuations.some((l) => l.kind === reciprocal && l.targetPage === source.page)),
      )
      let best: Article | undefined
      let bestScore = -1
      for (const c of candidates) {
        const score = similarity(gramsOf(source), gramsOf(c))
        if (score > bestScore) {
          best = c
          bestScore = score
        }
      }
      if (best && (reciprocal !== undefined || bestScore > 0.2)) link.targetArticleId = best.id
    }
  }
}
