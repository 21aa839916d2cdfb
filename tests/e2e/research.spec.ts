// The research reader (issue 15): results in the main area with a timeline that filters, stepping
// from result to result inside the reader and back, one Copy link, a collapsible sidebar that
// stays collapsed, a one-row header at 1024 px, and plural forms in English.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test.use({ content: 'seeds' })

const Q = '记者'

test('results fill the main area; a hit is read, stepped from and left for the results', async ({
  app,
}) => {
  const ui = new AppPage(app)
  await ui.open(`#/search?q=${encodeURIComponent(Q)}`)
  await expect(ui.search.resultsPage).toBeVisible()
  await expect(ui.search.resultsPage.getByTestId('search-hit')).toHaveCount(20)
  // The sidebar keeps the status and the filters, not a second list.
  await expect(ui.search.root.getByTestId('search-hit')).toHaveCount(0)
  const ids = await ui.search.hitIds()

  await ui.search.resultsPage.getByTestId('hit-open').first().click()
  const pane = ui.reader.a
  await expect(pane.root).toHaveAttribute('data-article-id', ids[0] as string)
  await expect(pane.button('result-position')).toHaveText(/^第 1 \/ \d+ 条结果$/)
  // The headline and the match counter are in view after the jump to the first match.
  await expect(pane.headline).toBeInViewport()
  await expect(pane.hitCounter).toBeInViewport()

  await pane.button('result-next').click()
  await expect(pane.root).toHaveAttribute('data-article-id', ids[1] as string)
  await ui.page.keyboard.press('.')
  await expect(pane.root).toHaveAttribute('data-article-id', ids[2] as string)
  await ui.page.keyboard.press(',')
  await expect(pane.root).toHaveAttribute('data-article-id', ids[1] as string)
  await expect(pane.hitCounter).toContainText('/')

  // Back to the results (r), and r again returns to the article.
  await ui.page.keyboard.press('r')
  await expect(ui.search.resultsPage).toBeVisible()
  await expect(ui.page.getByTestId('back-to-reader')).toBeVisible()
  await ui.page.keyboard.press('r')
  await expect(pane.root).toHaveAttribute('data-article-id', ids[1] as string)
  await pane.button('results-back').click()
  await expect(ui.search.resultsPage).toBeVisible()
})

test('stepping past the 20th result loads the next page of results', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(`#/search?q=${encodeURIComponent(Q)}`)
  await ui.search.settled(Q)
  await expect(ui.search.hits).toHaveCount(20)
  const first = await ui.search.hitIds()
  await ui.search
    .hit(first[19] as string)
    .getByTestId('hit-open')
    .click()
  const pane = ui.reader.a
  await expect(pane.button('result-position')).toContainText('第 20 /')
  await pane.button('result-next').click()
  await expect(pane.button('result-position')).toContainText('第 21 /')
  expect(await ui.hash()).toContain('offset=20')
})

test('the timeline filters by year, drills into months, and is a table for screen readers', async ({
  app,
}) => {
  const ui = new AppPage(app)
  await ui.open(`#/search?q=${encodeURIComponent(Q)}`)
  const timeline = ui.page.getByTestId('hit-timeline')
  await expect(timeline).toHaveAttribute('data-level', 'year')
  await expect(ui.search.timelineBar('2023')).toBeVisible()
  await expect(ui.page.getByTestId('timeline-table').locator('tbody tr')).toHaveCount(3)
  await ui.search.timelineBar('2023').click()
  await ui.search.settled(Q)
  expect(await ui.hash()).toContain('from=2023-01-01')
  const hits = ui.search.resultsPage.locator('.hit-meta')
  for (const meta of await hits.allTextContents()) expect(meta).toContain('2023')

  // The year's twelve months, from the engine's month facet; the table follows.
  await expect(timeline).toHaveAttribute('data-level', 'month')
  await expect(ui.page.getByTestId('timeline-table').locator('tbody tr')).toHaveCount(12)
  await expect(ui.page.getByTestId('timeline-table')).toContainText('7月')
  await expect(ui.search.timelineBar('2023-01')).toBeDisabled()
  const june = Number(await ui.search.timelineBar('2023-06').getAttribute('data-count'))
  const july = Number(await ui.search.timelineBar('2023-07').getAttribute('data-count'))
  expect(june).toBeGreaterThan(0)
  expect(july).toBeGreaterThan(0)
  await ui.search.timelineBar('2023-07').click()
  await ui.search.settled(Q)
  expect(await ui.hash()).toContain('from=2023-07-01')
  expect(await ui.hash()).toContain('to=2023-07-31')
  await expect(ui.search.timelineBar('2023-07')).toHaveAttribute('aria-pressed', 'true')
  await expect(ui.search.count).toContainText(String(july))
  for (const meta of await hits.allTextContents()) expect(meta).toContain('2023年7月')

  // Back up: the month again gives the year, "all years" the years.
  await ui.search.timelineBar('2023-07').click()
  await expect(ui.search.timelineBar('2023-07')).toHaveAttribute('aria-pressed', 'false')
  expect(await ui.hash()).toContain('to=2023-12-31')
  await ui.page.getByTestId('timeline-up').click()
  await expect(timeline).toHaveAttribute('data-level', 'year')
  expect(await ui.hash()).not.toContain('from=')
})

test('the sidebar folds away and stays folded after a reload', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const toggle = ui.page.getByTestId('sidebar-toggle')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await toggle.click()
  await expect(ui.page.getByTestId('sidebar')).toHaveCount(0)
  await ui.reload()
  await expect(ui.page.getByTestId('sidebar')).toHaveCount(0)
  await expect(ui.reader.a.headline).toBeVisible()
  await ui.page.getByTestId('sidebar-toggle').click()
  await expect(ui.page.getByTestId('sidebar')).toBeVisible()
})

test('at 1024 px the header is one row', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 })
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const header = ui.page.locator('.app-header')
  const box = await header.boundingBox()
  // One row of controls: about one button's height plus padding.
  expect(box?.height ?? 0).toBeLessThan(60)
  const tools = await ui.page.getByTestId('shortcuts-button').boundingBox()
  expect((tools?.x ?? 0) + (tools?.width ?? 0)).toBeLessThanOrEqual(1024)
})

test('English: plural forms for one and many', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library')
  await ui.page.getByTestId('language-select').selectOption('en')
  // Every seed paper has exactly one issue.
  await expect(ui.page.getByText(/^1 issue\b/).first()).toBeVisible()
  await expect(ui.page.getByText(/\b1 issues\b/)).toHaveCount(0)
})

for (const [width, height] of [
  [1440, 900],
  [1024, 700],
] as const) {
  test(`the citation popover stays inside the window at ${width} px`, async ({ app }) => {
    await app.page.setViewportSize({ width, height })
    const ui = new AppPage(app)
    await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1&b=jiangbei-2023-07-13/p2/a5')
    const pane = ui.reader.b
    await pane.root.getByTestId('cite-menu').locator('summary').click()
    const box = await pane.root.getByTestId('cite-popover').boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(width)
    expect(box!.y + box!.height).toBeLessThanOrEqual(height)
    await expect(pane.root.getByTestId('citation-gbt7714')).toContainText('[N/OL]')
    await expect(pane.root.getByTestId('citation-gbt7714')).toContainText('http://127.0.0.1')
  })
}

test('the extracted layout highlights the searched words and leads back', async ({ app }) => {
  const ui = new AppPage(app)
  const q = encodeURIComponent('发展和改革委员会')
  await ui.open(`#/library?a=jiangbei-2023-07-13/p1/a1&aq=${q}`)
  const pane = ui.reader.a
  await pane.button('toggle-original').click()
  await expect(pane.button('original-bar')).toContainText('提取文本原排')
  // Found across the source's line break (发展和改革委员\n会).
  await expect(pane.root.getByTestId('original-match').first()).toBeVisible()
  await expect(pane.root.getByTestId('original-match').first()).toContainText('委员')
  await pane.button('original-back').click()
  await expect(pane.headline).toBeVisible()
  await expect(pane.hitCounter).toContainText('/')
})

test('a lone minus is explained, not just 0 hits', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(`#/search?q=${encodeURIComponent('记者 -')}`)
  await expect(ui.page.getByTestId('no-results-hint')).toContainText('-词')
})
