// Did you mean: a search with no or very few hits shows the nearby queries the archive offers,
// each with its hit count; one click runs it (keeping the filters), and back returns. They are
// asked of the archive's own verb after the search answered, and only for a search with few
// hits: a search that finds enough asks nothing more (in the web app: no /api/did-you-mean).
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { DidYouMeanPage } from './pages/FindPage'

// Searches the seeds' words: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('a mistyped character: the offered query, its count, one click', async ({ app }) => {
  const ui = new AppPage(app)
  const dym = new DidYouMeanPage(ui.page)
  await ui.open('#/search?q=%E4%BD%8E%E7%82%AD&paper=jiangbei')
  await expect(ui.page.getByTestId('no-results').first()).toBeVisible()
  await expect(dym.root.first()).toBeVisible()
  const offer = dym.offer('低碳').first()
  await expect(offer).toContainText(/\d/)
  await expect(offer.locator('strong')).toHaveText('碳')
  await offer.click()
  await ui.search.settled('低碳')
  await expect(ui.search.hits.first()).toBeVisible()
  const hash = await ui.hash()
  expect(hash).toContain('q=低碳')
  expect(hash).toContain('paper=jiangbei')
  await ui.page.goBack()
  await expect(ui.searchInput).toHaveValue('低炭')
})

test('a query that finds enough offers nothing, and asks nothing', async ({ app }) => {
  const ui = new AppPage(app)
  const dym = new DidYouMeanPage(ui.page)
  const asked: string[] = []
  ui.page.on('request', (r) => {
    if (r.url().includes('/api/did-you-mean')) asked.push(r.url())
  })
  await ui.open('#/search?q=%E5%8F%91%E5%B1%95')
  await ui.search.settled('发展')
  await expect(ui.search.hits.first()).toBeVisible()
  await expect(dym.root).toHaveCount(0)
  expect(asked).toEqual([])
})
