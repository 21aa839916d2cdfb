// What must hold on any archive (ARCHIVE_READER_E2E_ARCHIVE, ARCHIVE_READER_E2E_URL, a library's
// own build): it knows nothing of the seeds and finds its way through the UI
// (support/discover.ts). The seeds' own specs are marked `test.use({ content: 'seeds' })`.
//   ARCHIVE_READER_E2E_ARCHIVE=/path/to/archive npx playwright test --project=web any-archive
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { openFirstIssue } from './support/discover'

test('library → first issue → article → search finds it again', async ({ app }) => {
  const ui = new AppPage(app)
  const found = await openFirstIssue(ui)
  await expect(ui.reader.a.headline).toBeVisible()
  // Reload restores the view (every view is a hash route).
  await ui.reload()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', found.articleId)

  await ui.page.keyboard.press('/')
  await expect(ui.searchInput).toBeFocused()
  await ui.search.type(found.term)
  await expect(ui.search.hits.first()).toBeVisible()
  await expect(ui.search.count).toHaveAttribute('aria-live', 'polite')
  // Narrowed to that issue the article is among the first hits.
  await ui.open(`#/search?q=${encodeURIComponent(found.term)}&issue=${found.issueId}`)
  await expect(ui.search.hits.first()).toBeVisible()
  await ui.search.hits.first().getByTestId('hit-open').click()
  await expect(ui.reader.a.hitCounter).toHaveText(/^\d+ \/ \d+$/)
})

test('shortcuts overlay, theme and language on any archive', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await expect(ui.library.root).toBeVisible()
  await ui.page.keyboard.press('?')
  await expect(ui.page.getByTestId('shortcuts-overlay')).toBeVisible()
  await ui.page.keyboard.press('Escape')
  await expect(ui.page.getByTestId('shortcuts-overlay')).toHaveCount(0)
  const before = await ui.theme()
  await ui.page.getByTestId('theme-toggle').click()
  expect(await ui.theme()).not.toBe(before)
  await ui.page.getByTestId('language-select').selectOption('en')
  await expect(ui.tab('library')).toHaveText('Library')
  await ui.page.getByTestId('language-select').selectOption('zh-CN')
  await expect(ui.tab('library')).toHaveText('馆藏')
})
