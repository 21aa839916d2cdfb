// Quick open: from a paper's name or slug, a date in any usual form (quick-date.ts) and part of a
// headline or byline, the places the reader can jump to — papers, a paper's year, issues,
// articles — and, last, the search for what was typed. Names match exactly, as a prefix or one
// character off; headlines and bylines by fielded search (`headline:"…"`, verified, so exact),
// and, when that finds little, through archive terms one character away (field-index.ts).
import { normalize } from '../../text/normalize'
import type { QuickOpenItem, QuickOpenMatch, QuickOpenResponse, SearchHit } from '../../types'
import type { SearchRequest, SearchResponse } from '../../types'
import type { PaperName } from '../query-scope'
import { nearbyTerms } from './field-index'
import type { FieldIndex } from './field-index'
import { chineseDate, dateMatches, typedDate } from './quick-date'
import { editDistance } from './term-code'

export interface QuickOpenSource {
  papers: readonly PaperName[]
  /** The archive's issues. */
  issues: readonly { id: string; paper: string; date: string }[]
  fields: FieldIndex
  search(request: SearchRequest): SearchResponse
  /** The byline as printed of an article among the hits `search` gave, if it has one. */
  bylineOf?(articleId: string): string | undefined
}

export const DEFAULT_QUICK_OPEN = 10

const MATCH_SCORE: Record<QuickOpenMatch, number> = { exact: 30, prefix: 20, fuzzy: 10 }

interface PaperHit {
  paper: PaperName
  match: QuickOpenMatch
}

/** Papers a word names, and what of the word is left (江北报低碳 → 江北报 + 低碳). */
function papersOf(word: string, papers: readonly PaperName[]): { hits: PaperHit[]; left: string } {
  const w = normalize(word)
  if (!w) return { hits: [], left: '' }
  const hits: PaperHit[] = []
  let left = ''
  for (const p of papers) {
    const name = normalize(p.name)
    const slug = normalize(p.slug)
    if (w === name || w === slug) hits.push({ paper: p, match: 'exact' })
    else if (name.startsWith(w) || slug.startsWith(w)) hits.push({ paper: p, match: 'prefix' })
    else if (w.startsWith(name)) {
      hits.push({ paper: p, match: 'exact' })
      left = w.slice(name.length)
    } else if (w.length >= 3 && editDistance(w, name, 1) <= 1)
      hits.push({ paper: p, match: 'fuzzy' })
  }
  // A word that names a paper exactly names only it.
  const exact = hits.filter((h) => h.match === 'exact')
  return { hits: exact.length ? exact : hits, left: exact.length ? left : '' }
}

function articleItem(
  hit: SearchHit,
  match: QuickOpenMatch,
  names: Map<string, string>,
  score: number,
  byline: string | undefined,
): QuickOpenItem {
  const [, page, article] = /\/p(\d+)\/a(\d+)$/.exec(hit.articleId) ?? []
  return {
    ...(byline ? { byline } : {}),
    kind: 'article',
    articleId: hit.articleId,
    issueId: hit.issueId,
    page: Number(page ?? hit.page),
    article: Number(article ?? 1),
    paper: hit.paper,
    date: hit.date,
    headline: hit.headline,
    label: hit.headline,
    detail: `${names.get(hit.paper) ?? hit.paper} ${chineseDate(hit.date)} 第${hit.page}版`,
    match,
    score,
  }
}

const quote = (s: string): string => `"${s.replace(/["“”＂]/g, ' ')}"`

/** Where `text` can take the reader, best first, at most `limit` items. */
export function quickOpen(
  src: QuickOpenSource,
  text: string,
  limit = DEFAULT_QUICK_OPEN,
): QuickOpenResponse {
  const names = new Map(src.papers.map((p) => [p.slug, p.name]))
  const items: QuickOpenItem[] = []
  const date = typedDate(text)
  const words = (date ? date.rest : text).split(/\s+/).filter(Boolean)
  let chosen: PaperHit[] = []
  const restWords: string[] = []
  for (const w of words) {
    const { hits, left } = chosen.length ? { hits: [], left: '' } : papersOf(w, src.papers)
    if (hits.length) {
      chosen = hits
      if (left) restWords.push(left)
    } else restWords.push(w)
  }
  const slugs = new Set(chosen.map((h) => h.paper.slug))
  const inPapers = (paper: string): boolean => slugs.size === 0 || slugs.has(paper)
  const rest = restWords.join(' ')

  if (date) {
    const issues = src.issues
      .filter((i) => inPapers(i.paper) && dateMatches(i.date, date.value))
      .sort((a, b) => b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper))
    const day = date.value.length === 10 || date.value.startsWith('--')
    if (!day) {
      const perPaper = new Map<string, number>()
      for (const i of issues) perPaper.set(i.paper, (perPaper.get(i.paper) ?? 0) + 1)
      for (const [paper, n] of perPaper)
        items.push({
          kind: 'year',
          paper,
          year: date.value.slice(0, 4),
          ...(date.value.length === 7 ? { month: date.value } : {}),
          issues: n,
          label: `${names.get(paper) ?? paper} ${chineseDate(date.value)}`,
          detail: `${n}期`,
          match: 'exact',
          score: 90 + n / 1000,
        })
    }
    issues.forEach((i, k) =>
      items.push({
        kind: 'issue',
        issueId: i.id,
        paper: i.paper,
        date: i.date,
        label: `${names.get(i.paper) ?? i.paper} ${chineseDate(i.date)}`,
        detail: i.id,
        match: 'exact',
        score: (day ? 95 : 80) - k / 1000,
      }),
    )
  } else if (chosen.length && !rest) {
    for (const h of chosen) {
      const issues = src.issues.filter((i) => i.paper === h.paper.slug)
      items.push({
        kind: 'paper',
        paper: h.paper.slug,
        issues: issues.length,
        label: h.paper.name,
        detail: `${h.paper.slug} · ${issues.length}期`,
        match: h.match,
        score: 70 + MATCH_SCORE[h.match],
      })
      const latest = issues.reduce<(typeof issues)[number] | undefined>(
        (a, b) => (!a || b.date > a.date ? b : a),
        undefined,
      )
      if (latest)
        items.push({
          kind: 'issue',
          issueId: latest.id,
          paper: latest.paper,
          date: latest.date,
          label: `${h.paper.name} ${chineseDate(latest.date)}`,
          detail: latest.id,
          match: h.match,
          score: 60 + MATCH_SCORE[h.match],
        })
    }
  }

  if (normalize(rest)) articleItems(src, rest, date?.value, slugs, names, limit, items)

  const sorted = items.sort((a, b) => b.score - a.score).slice(0, Math.max(1, limit - 1))
  const q = text.trim()
  if (q && sorted.length < limit) {
    const total = safeTotal(src, q)
    if (total > 0)
      sorted.push({
        kind: 'search',
        q,
        total,
        label: q,
        detail: `${total}`,
        match: 'exact',
        score: 0,
      })
  }
  return { text, ...(date ? { date: date.value } : {}), items: sorted }
}

function safeTotal(src: QuickOpenSource, q: string): number {
  const r = src.search({ q, limit: 1 })
  return r.error ? 0 : r.total
}

/** Articles whose title or byline has `rest` (exactly, else one character off). */
function articleItems(
  src: QuickOpenSource,
  rest: string,
  date: string | undefined,
  slugs: Set<string>,
  names: Map<string, string>,
  limit: number,
  items: QuickOpenItem[],
): void {
  const filters: Partial<SearchRequest> = {}
  if (slugs.size) filters.papers = [...slugs]
  if (date && !date.startsWith('--')) {
    filters.dateFrom = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date
    filters.dateTo = date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date
  }
  const seen = new Set(items.flatMap((i) => (i.kind === 'article' ? [i.articleId] : [])))
  const add = (field: 'headline' | 'byline', term: string, match: QuickOpenMatch): number => {
    const r = src.search({ ...filters, q: `${field}:${quote(term)}`, limit })
    if (r.error) return 0
    r.hits.forEach((hit, k) => {
      if (seen.has(hit.articleId) || (date?.startsWith('--') && !dateMatches(hit.date, date)))
        return
      seen.add(hit.articleId)
      const exact = field === 'headline' && normalize(hit.headline) === normalize(term)
      const how = match === 'fuzzy' ? 'fuzzy' : exact ? 'exact' : 'prefix'
      const byline = src.bylineOf?.(hit.articleId)
      items.push(articleItem(hit, how, names, 40 + MATCH_SCORE[how] - k / 100, byline))
    })
    return r.total
  }
  const found = add('headline', rest, 'exact') + add('byline', rest, 'exact')
  if (found >= limit) return
  for (const near of nearbyTerms(src.fields, normalize(rest).replace(/\s+/g, '')).slice(0, 3))
    add(near.kind === 'byline' ? 'byline' : 'headline', near.text, 'fuzzy')
}
