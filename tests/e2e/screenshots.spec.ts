// Screenshots of the main views, kept as test artifacts. With ARCHIVE_READER_SCREENSHOTS=1 they
// are also written to docs/screenshots/ (for the README):
//   ARCHIVE_READER_SCREENSHOTS=1 npx playwright test --project=web screenshots
import { expect, test } from './support/fixtures'
import { shoot } from './support/shoot'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('screenshots of library, reader, split view and search', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  await ui.open('#/library?lp=jiangbei&ly=2023')
  await expect(ui.page.getByTestId('calendar')).toBeVisible()
  await shoot(app, testInfo, 'library')

  await ui.open('#/library?lp=jiangbei&ly=2023&a=jiangbei-2023-07-13/p1/a1')
  await expect(ui.reader.a.continuationLink(2)).toBeVisible()
  await shoot(app, testInfo, 'reader')

  await ui.open(
    '#/library?lp=jiangbei&ly=2023&a=jiangbei-2023-07-13/p1/a1&b=jiangbei-2023-07-13/p2/a5',
  )
  await expect(ui.reader.b.text).toBeVisible()
  await shoot(app, testInfo, 'split')

  await ui.open('#/search?q=发展和改革委员会&a=jiangbei-2023-07-13/p1/a1&aq=发展和改革委员会')
  await expect(ui.reader.a.hitCounter).toHaveText('1 / 1')
  await shoot(app, testInfo, 'search')

  await ui.open('#/search?q=經濟發展&a=beibei-2024-03-04/p1/a5&aq=經濟發展')
  await expect(ui.reader.a.matches.first()).toBeVisible()
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await shoot(app, testInfo, 'dark')
})

test('screenshots of each seed page’s table of contents', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  const pages = [
    ['jiangbei', '2023', 'jiangbei-2023-07-13/p1/a1'],
    ['jiangbei', '2023', 'jiangbei-2023-07-13/p2/a1'],
    ['beibei', '2024', 'beibei-2024-03-04/p1/a1'],
    ['yuzhong', '2023', 'yuzhong-2023-06-09/p2/a2'],
    ['xinyu', '2022', 'xinyu-2022-07-15/p1/a1'],
  ] as const
  for (const [paper, year, id] of pages) {
    await ui.open(`#/library?lp=${paper}&ly=${year}&a=${id}`)
    await expect(ui.reader.a.root).toHaveAttribute('data-article-id', id)
    await expect(app.page.getByTestId('toc').first()).toBeVisible()
    const [issue, page] = id.split('/')
    await shoot(app, testInfo, `toc-${issue}-${page}`)
  }
})

test('screenshots of the research views at 1440×900 and 1024×700', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await app.page.setViewportSize({ width, height })
    const at = width === 1440 ? '' : `-${width}`
    await ui.open('#/search?q=记者')
    await expect(ui.search.resultsPage.getByTestId('search-hit').first()).toBeVisible()
    await shoot(app, testInfo, `results${at}`)

    await ui.search.resultsPage.getByTestId('hit-open').nth(1).click()
    await expect(ui.reader.a.button('result-stepper')).toBeVisible()
    await shoot(app, testInfo, `result-open${at}`)

    await ui.reader.a.button('toggle-original').click()
    await expect(ui.reader.a.button('original-bar')).toBeVisible()
    await shoot(app, testInfo, `original${at}`)

    await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
    await ui.reader.a.root.getByTestId('cite-menu').locator('summary').click()
    await expect(ui.reader.a.button('cite-popover')).toBeVisible()
    await shoot(app, testInfo, `citation${at}`)

    if (width === 1024) {
      await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1&b=jiangbei-2023-07-13/p2/a5')
      await expect(ui.reader.b.text).toBeVisible()
      await shoot(app, testInfo, 'split-1024')
    }
  }
})
