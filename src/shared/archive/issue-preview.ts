// What `getIssue` ships: every article's place, headline and links, but not every body in full.
// A page extracted without line breaks can hold a megabyte-long article, and a file that is not
// one page can hold a hundred thousand; sending all of it at once makes a response of tens of
// megabytes that the reader must parse before it shows anything. So a body is cut after
// ARTICLE_PREVIEW_CHARS, bodies stop once an issue has shipped ISSUE_TEXT_BUDGET characters,
// and such an article says so (`textLength`); `getArticle` gives it whole.
import type { Article, IssueView } from '../types'

export const ARTICLE_PREVIEW_CHARS = 20_000
export const ISSUE_TEXT_BUDGET = 400_000

/** Whether `article` carries only the start of its text. */
export function isPreview(article: Pick<Article, 'text' | 'textLength'>): boolean {
  return article.textLength !== undefined && article.textLength > article.text.length
}

/** `view` with long bodies cut (a new object; `view` is not changed). */
export function issuePreview(view: IssueView): IssueView {
  let budget = ISSUE_TEXT_BUDGET
  const cut = (a: Article): Article => {
    const keep = Math.max(0, Math.min(a.text.length, ARTICLE_PREVIEW_CHARS, budget))
    budget -= keep
    if (keep === a.text.length) return a
    // Never between the halves of a surrogate pair.
    const end = /[\udc00-\udfff]/.test(a.text[keep] ?? '') ? keep - 1 : keep
    return {
      ...a,
      text: a.text.slice(0, end),
      textLength: a.text.length,
    }
  }
  return { ...view, pages: view.pages.map((p) => ({ ...p, articles: p.articles.map(cut) })) }
}
