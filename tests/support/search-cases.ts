// The search requests both backends must answer alike: the project's own search cases (the
// engine, stories, filters and syntax tests' queries) and a large sample drawn from an
// archive's documents (substrings of 1–8 characters combined with AND, "phrases", OR and
// -exclusions, under random paper/date/issue/page/type filters and sorts). Deterministic: one
// seed gives the same requests every run.
import type { OsDocument } from '../../src/node/search-backend/opensearch/mapping'
import { DOC_SEPARATOR } from '../../src/shared/search/ngram'
import { BLOCK_TYPES } from '../../src/shared/types'
import type { SearchRequest, SearchResponse, SortOrder } from '../../src/shared/types'

/** The queries of tests/shared/search/*.test.ts and the README's examples. */
export const PROJECT_CASES: SearchRequest[] = [
  { q: '发展和改革委员会' },
  { q: '中环万象城' },
  { q: '中環万象城' },
  { q: '北京烤鸭' },
  { q: '-低碳' },
  { q: '"unclosed' },
  { q: 'x' },
  { q: '的' },
  { q: '发展' },
  { q: '发展', papers: ['jiangbei'] },
  { q: '发展', dateFrom: '2023-01-01', dateTo: '2023-12-31' },
  { q: '发展', issueId: 'jiangbei-2023-07-13', page: 2 },
  { q: '发展', sort: 'date-desc' },
  { q: '发展', sort: 'date-asc', limit: 3, offset: 3 },
  { q: '雷锋' },
  { q: '本报讯' },
  { q: '我区' },
  { q: '江北' },
  { q: '沙坪坝' },
  { q: '严防溺水' },
  { q: '"记者 刘静" OR 雷锋 -北京', papers: ['jiangbei'], dateFrom: '2023-01-01' },
  { q: '7月 12日' },
  { q: '發展' },
  { q: 'ＡＢＣ' },
  { q: '发展和改革委员会 绿色低碳转型升级' },
  { q: '发展和改革委员会 绿色低碳转型升级', page: 2 },
  { q: '绿色低碳转型升级' },
  { q: '绿色低碳转型升级 -发展和改革委员会' },
  { q: '绿色低碳转型升级 -发展和改革委员会', page: 2 },
  { q: '低碳 OR 环保 -发展和改革委员会' },
  { q: '区 发展' },
  { q: '记者 -' },
  { q: '的 的 的' },
  { q: '发展', types: ['brief'] },
  { q: '发展', types: ['article', 'notice'], papers: ['jiangbei', 'beibei'] },
  { q: 'a'.repeat(501) },
  // Fielded terms (issue 14): the title, the byline, papers by slug or name, block types.
  { q: 'headline:低碳' },
  { q: 'headline:发展 -byline:刘静' },
  { q: 'byline:刘静' },
  { q: 'author:记者 发展', sort: 'date-desc' },
  { q: 'title:"绿色 低碳" OR byline:刘' },
  { q: '发展 paper:江北报' },
  { q: '发展 paper:江北 -type:brief', types: ['article', 'brief'] },
  { q: '发展 -paper:jiangbei', papers: ['jiangbei', 'beibei'] },
  { q: '发展 paper:nosuchpaper' },
  { q: '的 type:photo' },
  { q: '发展 type:nosuchtype' },
  { q: 'paper:jiangbei' },
  { q: 'headline:发展', page: 2 },
]

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Requests drawn from `docs` (their normalized texts and coordinates). */
export function sampledCases(
  docs: readonly OsDocument[],
  count: number,
  seed = 17,
): SearchRequest[] {
  const r = rng(seed)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T
  const papers = [...new Set(docs.map((d) => d.paper))]
  const dates = [...new Set(docs.map((d) => d.date))].sort()
  const withText = docs.filter((d) => d.text.length > 12)
  const word = (): string => {
    const d = pick(withText)
    const len = 1 + Math.floor(r() * 8)
    const at = Math.floor(r() * Math.max(1, d.text.length - len))
    // Whitespace and the separator make no sensible word; quotes and a leading '-' are syntax.
    const raw = d.text
      .slice(at, at + len)
      .split(DOC_SEPARATOR)
      .join('')
    return raw.replace(/[\s"“”＂]/g, '').replace(/^[-－]+/, '') || '的'
  }
  const withHead = docs.filter((d) => d.head.length > 1)
  const withByline = docs.filter((d) => d.byline.length > 1)
  /** A substring of a title or a byline, or (rarely) a word not in it at all. */
  const fielded = (f: 'headline' | 'byline'): string => {
    const pool = f === 'headline' ? withHead : withByline
    if (pool.length === 0 || r() < 0.1) return `${f}:${word()}`
    const text = f === 'headline' ? pick(pool).head : pick(pool).byline
    const len = 1 + Math.floor(r() * 4)
    const at = Math.floor(r() * Math.max(1, text.length - len))
    const w = text
      .slice(at, at + len)
      .split(DOC_SEPARATOR)
      .join('')
      .replace(/[\s"“”＂]/g, '')
      .replace(/^[-－]+/, '')
    return `${f}:${w || '的'}`
  }
  const term = (): string => {
    const x = r()
    if (x < 0.08) return fielded('headline')
    if (x < 0.12) return fielded('byline')
    return x < 0.3 ? `"${word()}"` : word()
  }
  const out: SearchRequest[] = []
  for (let i = 0; i < count; i++) {
    const shape = r()
    let q: string
    if (shape < 0.35) q = term()
    else if (shape < 0.6) q = `${term()} ${term()}`
    else if (shape < 0.75) q = `${term()} OR ${term()}`
    else if (shape < 0.9) q = `${term()} -${word()}`
    else q = `${term()} OR ${term()} ${term()} -${word()}`
    const scoped = r()
    if (scoped < 0.05) q += ` paper:${pick(papers)}`
    else if (scoped < 0.08) q += ` -type:${pick(BLOCK_TYPES)}`
    else if (scoped < 0.1) q += ` type:${pick(BLOCK_TYPES)}`
    const req: SearchRequest = { q, limit: 50 }
    if (r() < 0.2) req.papers = [pick(papers)]
    if (r() < 0.15) req.dateFrom = pick(dates)
    if (r() < 0.15) req.dateTo = pick(dates)
    if (r() < 0.05) req.issueId = pick(docs).issue
    if (r() < 0.1) req.page = 1 + Math.floor(r() * 3)
    if (r() < 0.1) req.types = [pick(BLOCK_TYPES)]
    if (r() < 0.3) req.sort = pick<SortOrder>(['relevance', 'date-desc', 'date-asc'])
    out.push(req)
  }
  return out
}

/** What parity means: the same hits (as a set), total, facets, and each hit's snippet; ranking
 * may differ (each backend scores with its own BM25). */
export function comparable(r: SearchResponse): unknown {
  return {
    total: r.total,
    error: r.error,
    facets: r.facets,
    hits: r.hits
      .map((h) => ({ ...h, score: 0 }))
      .sort((a, b) => a.articleId.localeCompare(b.articleId)),
  }
}
