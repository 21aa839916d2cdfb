// Deep links: a hash route opens exactly its view; "Copy link" gives the archive-reader:// form
// of the current view; back/forward walk through views.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

const ROUTE =
  '#/search?q=低碳&paper=jiangbei&a=jiangbei-2023-07-13/p1/a1&aq=低碳&ah=2&b=jiangbei-2023-07-13/p2/a5&active=b'

test('a deep link restores search, filters and both panes', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(ROUTE)
  await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true')
  await expect(ui.page.getByTestId('search-input')).toHaveValue('低碳')
  await expect(ui.search.paperFacet('jiangbei')).toBeChecked()
  await expect(ui.reader.a.hitCounter).toHaveText(/^3 \/ \d+$/)
  await expect(ui.reader.b.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a5')
  await expect(ui.reader.b.root).toHaveClass(/active/)
})

test('copy link gives what opens this view where the reader runs', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p2/a5')
  const link = await ui.copyLink()
  // The reading room's own http address in a browser; the archive-reader:// link in the app.
  if (app.kind === 'web') expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/library\?/)
  else expect(link.startsWith('archive-reader://open#/library?')).toBe(true)
  expect(decodeURIComponent(link)).toContain('a=jiangbei-2023-07-13/p2/a5')
  // The link's route opens the same view.
  await ui.open(link.slice(link.indexOf('#')))
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a5')
})

test('back and forward walk through views', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library')
  await ui.library.openPaper('xinyu')
  await ui.library.openIssue('xinyu-2022-07-15')
  await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'xinyu-2022-07-15')
  await ui.reader.a.tocItem('xinyu-2022-07-15/p1/a2').click()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'xinyu-2022-07-15/p1/a2')
  await ui.page.goBack()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'xinyu-2022-07-15/p1/a1')
  await ui.page.goForward()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'xinyu-2022-07-15/p1/a2')
})

test('a malformed link degrades to what can be understood', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=低碳&from=not-a-date&page=x&a=NOT_AN_ID&b=no-such-issue')
  await expect(ui.search.hits.first()).toBeVisible()
  await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'no-such-issue')
  await expect(ui.reader.a.root.getByTestId('load-error')).toBeVisible()
})
