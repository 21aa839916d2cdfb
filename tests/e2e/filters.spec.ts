// Filters with facet counts, the scope ladder, sort, and the pager.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('paper and date filters with facet counts', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=发展')
  await expect(ui.search.hits.first()).toBeVisible()
  const all = Number(/\d+/.exec((await ui.search.count.textContent()) ?? '')?.[0])
  expect(all).toBeGreaterThan(10)
  const jiangbei = Number(await ui.search.facetCount('jiangbei').textContent())
  expect(jiangbei).toBeGreaterThan(0)
  expect(jiangbei).toBeLessThan(all)

  await ui.search.paperFacet('jiangbei').check()
  await expect(ui.search.count).toContainText(String(jiangbei))
  for (const id of await ui.search.hitIds()) expect(id).toMatch(/^jiangbei-/)
  // Disjunctive facets: other papers keep their counts, so they can be added.
  await expect(ui.search.facetCount('beibei')).not.toHaveText('0')
  await ui.search.paperFacet('jiangbei').uncheck()

  await ui.page.getByTestId('date-from').fill('2024-01-01')
  await ui.page.getByTestId('date-from').press('Enter')
  await expect(async () => {
    for (const id of await ui.search.hitIds()) expect(id).toMatch(/^beibei-2024/)
  }).toPass()
  expect(await ui.hash()).toContain('from=2024-01-01')
  await ui.page.getByTestId('clear-dates').click()
  await expect(ui.search.count).toContainText(String(all))
})

test('scope ladder: this page → this issue → this paper → everything', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=发展&a=jiangbei-2023-07-13/p2/a1')
  await expect(ui.search.hits.first()).toBeVisible()
  const count = async (): Promise<number> =>
    Number(/\d+/.exec((await ui.search.count.textContent()) ?? '')?.[0])
  const all = await count()

  await ui.search.scope('page').check()
  await expect(ui.search.scope('page')).toBeChecked()
  await expect(async () => {
    for (const id of await ui.search.hitIds()) expect(id).toMatch(/^jiangbei-2023-07-13\/p2\//)
  }).toPass()
  const page = await count()
  expect(await ui.hash()).toContain('issue=jiangbei-2023-07-13&page=2')

  await ui.search.scope('issue').check()
  await expect(async () => expect(await count()).toBeGreaterThan(page)).toPass()
  const issue = await count()
  await ui.search.scope('paper').check()
  await expect(async () => expect(await count()).toBeGreaterThanOrEqual(issue)).toPass()
  await ui.search.scope('all').check()
  await expect(async () => expect(await count()).toBe(all)).toPass()
})

test('sort by date and page through results', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=发展')
  await ui.search.sort.selectOption('date-asc')
  await expect(ui.search.hits.first()).toHaveAttribute('data-article-id', /^xinyu-2022/)
  await ui.search.sort.selectOption('date-desc')
  await expect(ui.search.hits.first()).toHaveAttribute('data-article-id', /^beibei-2024/)
  const pager = ui.page.getByTestId('pager')
  if (await pager.isVisible()) {
    await pager.getByRole('button').last().click()
    await expect(ui.page.getByTestId('pager-range')).toContainText('21')
    expect(await ui.hash()).toContain('offset=20')
  }
})
