// Finding one's way in an archive the spec does not know (any ARCHIVE_READER_E2E_ARCHIVE or
// reading room): through the UI, as a reader would, so it works in both projects.
import { expect } from '@playwright/test'
import type { AppPage } from '../pages/AppPage'

export interface Found {
  paper: string
  issueId: string
  articleId: string
  /** A word from the article's text: 2–6 letters or CJK characters, to search for. */
  term: string
}

/** Opens the library, the first paper and its newest year's first issue in pane A. */
export async function openFirstIssue(ui: AppPage): Promise<Found> {
  await ui.open('#/library')
  const paper = ui.library.root.getByTestId('paper').first()
  await expect(paper).toBeVisible()
  const slug = (await paper.getAttribute('data-paper')) ?? ''
  await ui.library.openPaper(slug)
  const row = ui.library.root.getByTestId('issue-row').first()
  await expect(row).toBeVisible()
  const issueId = (await row.getAttribute('data-issue-id')) ?? ''
  await row.getByTestId('open-issue').click()
  const pane = ui.reader.a
  await expect(pane.root).toHaveAttribute('data-article-id', new RegExp(`^${issueId}/`))
  await expect(pane.text).toBeVisible()
  const articleId = (await pane.articleId()) ?? ''
  const text = (await pane.text.textContent()) ?? ''
  const term = /[\p{L}\p{N}]{2,6}/u.exec(text.replace(/\s+/g, ''))?.[0]
  if (!term) throw new Error(`no word to search for in ${articleId}`)
  return { paper: slug, issueId, articleId, term }
}
