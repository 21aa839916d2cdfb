// An article as the reader takes it away: what its citation needs (paper, date and whether the
// date was printed or inferred) and the plain-text file the export button saves.
import type { Article, IssueView } from '../../shared/types'
import { cite } from './citation'
import type { CitationSource } from './citation'

/** `link`: what opens the article where the reader runs; `today`: the access date. */
export function citationSource(
  issue: IssueView,
  article: Article,
  link?: string,
  today?: string,
): CitationSource {
  return {
    article,
    paperName: issue.paperName,
    date: issue.date,
    dateSource: issue.dateSource,
    ...(link ? { url: link } : {}),
    ...(today ? { accessed: today } : {}),
  }
}

/** The article as a plain-text file: heading, where it is from, text, citation. */
export function articleAsText(issue: IssueView, article: Article): string {
  const page = issue.pages.find((p) => p.number === article.page)
  return [
    article.kicker,
    article.headline,
    article.subheadline,
    article.byline,
    '',
    `${issue.paperName} ${issue.date} (${issue.dateSource}) · p. ${article.page} · ${article.id}`,
    page ? `Source: ${page.source} (${page.encoding})` : undefined,
    '',
    article.text,
    ...(article.captions.length ? ['', ...article.captions] : []),
    '',
    cite('gbt7714', citationSource(issue, article)),
    '',
  ]
    .filter((l) => l !== undefined)
    .join('\n')
}
