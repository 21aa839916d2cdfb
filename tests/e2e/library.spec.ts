// Library navigation: paper → year calendar → issue → page → article, with provenance.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('library → issue → page → article', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await expect(ui.library.paper('jiangbei')).toBeVisible()
  await ui.library.openPaper('jiangbei')
  // The calendar shows the year's one issue as a link; every other day is a gap.
  await expect(ui.page.getByTestId('calendar-summary')).toContainText('1')
  await ui.library.calendarDay('2023-07-13').click()
  const pane = ui.reader.a
  await expect(pane.title).toContainText('江北报')
  await expect(pane.pageTab(1)).toHaveAttribute('aria-current', 'page')
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p1/a1')

  // Page 2 as a tab, then an article from its table of contents.
  await pane.pageTab(2).click()
  await expect(pane.pageTab(2)).toHaveAttribute('aria-current', 'page')
  await pane.tocItem('jiangbei-2023-07-13/p2/a3').click()
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a3')
  await expect(pane.headline).not.toBeEmpty()
  await expect(pane.text).toContainText('融媒体')

  // Previous page, provenance of the page shown.
  await pane.button('prev-page').click()
  await expect(pane.root).toHaveAttribute('data-page', '1')
  await pane.root.getByTestId('provenance').locator('summary').click()
  await expect(pane.root.getByTestId('provenance-source')).toHaveText('000_fc561b8f310ec55b.txt')
  await expect(pane.root.getByTestId('provenance-date')).toContainText('2023年7月13日')
  // The catalog's notes are English: the Chinese UI leaves them out (the English one shows them).
  await expect(pane.root.getByTestId('provenance-date-note')).toHaveCount(0)

  // Back returns to the article on page 2.
  await ui.page.goBack()
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a3')
})

test('an issue whose only page is page 2 opens on that page', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.library.openPaper('yuzhong')
  await ui.library.openIssue('yuzhong-2023-06-09')
  await expect(ui.reader.a.root).toHaveAttribute('data-page', '2')
  await expect(ui.reader.a.button('prev-issue')).toHaveAttribute('aria-disabled', 'true')
})

test('original layout shows the page text with the article marked', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const pane = ui.reader.a
  await pane.button('toggle-original').click()
  const original = pane.root.getByTestId('original-layout')
  await expect(original).toBeVisible()
  // The source keeps its hard line breaks: 发展和改革委员 ⏎ 会.
  await expect(pane.root.getByTestId('source-range')).toContainText('区发展和改革委员\n会获悉')
  expect(await ui.hash()).toContain('ao=1')
})
