// Side by side: two independent panes whose whole state is in the URL.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('a split view survives reload, and swaps', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.library.openPaper('jiangbei')
  await ui.library.openIssue('jiangbei-2023-07-13')
  await ui.library.openPaper('beibei')
  await ui.library.openIssueBeside('beibei-2024-03-04')
  await expect(ui.reader.a.title).toContainText('江北报')
  await expect(ui.reader.b.title).toContainText('北碚报')

  // Move pane B independently: its third article.
  await ui.reader.b.tocItem('beibei-2024-03-04/p1/a3').click()
  await expect(ui.reader.b.root).toHaveAttribute('data-article-id', 'beibei-2024-03-04/p1/a3')
  await ui.reader.a.pageTab(2).click()
  await expect(ui.reader.a.root).toHaveAttribute('data-page', '2')

  await ui.reload()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a1')
  await expect(ui.reader.b.root).toHaveAttribute('data-article-id', 'beibei-2024-03-04/p1/a3')

  await ui.reader.swap.click()
  await expect(ui.reader.a.title).toContainText('北碚报')
  await expect(ui.reader.b.title).toContainText('江北报')

  // Synchronised scrolling moves the other pane, and is part of the view too.
  await ui.page.getByTestId('sync-scroll').check()
  expect(await ui.hash()).toContain('sync=1')
  await ui.reload()
  await expect(ui.page.getByTestId('sync-scroll')).toBeChecked()
  const bodyA = ui.reader.a.root.getByTestId('pane-body')
  const bodyB = ui.reader.b.root.getByTestId('pane-body')
  await bodyA.evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2 }))
  await expect.poll(() => bodyB.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)

  await ui.reader.splitToggle.click()
  await expect(ui.reader.b.root).toHaveCount(0)
})

test('presets open the nearest issue of another paper beside', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const presets = ui.reader.a.root.getByTestId('presets')
  await presets.locator('summary').click()
  await expect(presets.getByTestId('preset-prev-issue')).toBeDisabled()
  // No other paper printed on 2023-07-13: the nearest issue (渝中报 2023-06-09) comes first.
  await presets.getByTestId('preset-same-date').first().click()
  await expect(ui.reader.b.root).toHaveAttribute('data-issue-id', 'yuzhong-2023-06-09')
  await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'jiangbei-2023-07-13')
})
