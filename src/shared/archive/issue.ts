// Assembles what the reader shows of one issue from the catalog entry and its decoded pages.
import type { Article, CatalogIssue, CatalogPaper, IssueSummary, IssueView } from '../types'
import type { CorrectionEntry } from './corrections'
import { issueArticles } from './issue-articles'
import { paperRules } from './catalog'
import { storyParts } from './stories'

export function paperName(papers: CatalogPaper[], slug: string): string {
  return papers.find((p) => p.slug === slug)?.name ?? slug
}

/** `{ paperNameEn }` when the catalog gives the paper an English name, else nothing. */
function paperNameEn(papers: CatalogPaper[], slug: string): { paperNameEn?: string } {
  const en = papers.find((p) => p.slug === slug)?.nameEn
  return en ? { paperNameEn: en } : {}
}

/**
 * `pageTexts[i]` is the decoded text of `issue.pages[i]`; `corrections` are the archive's
 * (corrections.json; other issues' entries are ignored).
 */
export function buildIssueView(
  issue: CatalogIssue,
  papers: CatalogPaper[],
  pageTexts: string[],
  corrections: readonly CorrectionEntry[] = [],
): IssueView {
  const rules = paperRules(papers, issue.paper)
  const { perPage } = issueArticles(issue, pageTexts, rules, corrections)
  const all = perPage.flat()
  const stories = storyParts(all)
  for (const a of all) {
    const story = stories.get(a.id)
    if (story) a.story = story
  }
  const view: IssueView = {
    id: issue.id,
    paper: issue.paper,
    paperName: paperName(papers, issue.paper),
    ...paperNameEn(papers, issue.paper),
    date: issue.date,
    dateSource: issue.dateSource,
    pages: issue.pages.map((p, i) => {
      const page = {
        number: p.number,
        source: p.source,
        encoding: p.encoding,
        articles: perPage[i] as Article[],
      }
      return p.note ? { ...page, note: p.note } : page
    }),
  }
  if (issue.dateNote) view.dateNote = issue.dateNote
  return view
}

export function issueSummary(
  issue: CatalogIssue,
  papers: CatalogPaper[],
  articleCount: (page: number) => number,
): IssueSummary {
  return {
    id: issue.id,
    paper: issue.paper,
    paperName: paperName(papers, issue.paper),
    ...paperNameEn(papers, issue.paper),
    date: issue.date,
    dateSource: issue.dateSource,
    pages: issue.pages.map((p) => ({
      number: p.number,
      source: p.source,
      articles: articleCount(p.number),
    })),
  }
}

export function findArticle(view: IssueView, articleId: string): Article | undefined {
  for (const page of view.pages) for (const a of page.articles) if (a.id === articleId) return a
  return undefined
}

/** `issue/p2/a3` → { issueId: 'issue', page: 2 }. */
export function parseArticleId(
  id: string,
): { issueId: string; page: number; index: number } | undefined {
  const m = /^(.+)\/p(\d+)\/a(\d+)$/.exec(id)
  return m ? { issueId: m[1] as string, page: Number(m[2]), index: Number(m[3]) } : undefined
}
