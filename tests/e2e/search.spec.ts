// Search: as-you-type, snippets with highlights, every match highlighted in the article,
// next/previous match, traditional-character queries.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('a phrase broken by a line wrap is found and highlighted', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.search.type('发展和改革委员会')
  await expect(ui.search.count).toContainText('1')
  const hit = ui.search.hit('jiangbei-2023-07-13/p1/a1')
  await expect(hit.locator('mark')).toHaveText('发展和改革委员会')
  expect(await ui.hash()).toContain('q=发展和改革委员会')

  await hit.getByTestId('hit-open').click()
  const pane = ui.reader.a
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p1/a1')
  await expect(pane.matches).toHaveCount(1)
  await expect(pane.matches.first()).toHaveText('发展和改革委员会')
  await expect(pane.hitCounter).toHaveText('1 / 1')
})

test('next / previous match in the article, by button and by key', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.search.type('低碳')
  await ui.search.hit('jiangbei-2023-07-13/p1/a1').getByTestId('hit-open').click()
  const pane = ui.reader.a
  await expect(pane.hitCounter).toHaveText(/^1 \/ (\d+)$/)
  const total = Number((await pane.hitCounter.textContent())?.split('/')[1])
  expect(total).toBeGreaterThan(2)
  expect(await pane.matches.count()).toBeGreaterThanOrEqual(total)
  await pane.button('hit-next').click()
  await expect(pane.hitCounter).toHaveText(`2 / ${total}`)
  await expect(pane.root.locator('mark.current')).toBeInViewport()
  await ui.page.locator('body').press('n')
  await expect(pane.hitCounter).toHaveText(`3 / ${total}`)
  await ui.page.locator('body').press('Shift+N')
  await expect(pane.hitCounter).toHaveText(`2 / ${total}`)
  await pane.button('hit-prev').click()
  await pane.button('hit-prev').click()
  // Wraps around from the first to the last.
  await expect(pane.hitCounter).toHaveText(`${total} / ${total}`)
  await ui.reload()
  await expect(pane.hitCounter).toHaveText(`${total} / ${total}`)
})

test('traditional queries find simplified text: 中環万象城, 經濟發展', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.search.type('中環万象城')
  await expect(ui.search.hits).toHaveCount(1)
  await expect(ui.search.hit('jiangbei-2023-07-13/p1/a7').locator('mark')).toHaveText('中環万象城')

  await ui.search.type('經濟發展')
  await expect(ui.search.hits).toHaveCount(2)
  await expect(ui.search.count).toContainText('2')
  const first = ui.search.hits.first()
  await expect(first.locator('mark').first()).toHaveText('经济发展')
  await first.getByTestId('hit-open').click()
  await expect(ui.reader.a.matches.first()).toHaveText('经济发展')
})

test('query syntax: OR, -exclusion, "phrase", and a syntax error said plainly', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.search.type('北碚 OR 渝中')
  await expect(ui.search.hits.first()).toBeVisible()
  const or = await ui.search.hits.count()
  await ui.search.type('北碚 OR 渝中 -发展')
  await expect(async () => expect(await ui.search.hits.count()).toBeLessThan(or)).toPass()
  await ui.search.type('"', { settle: false })
  await expect(ui.search.count).not.toContainText('…')
  await ui.page.getByTestId('search-help-toggle').click()
  await expect(ui.page.getByTestId('search-help')).toContainText('OR')
})
