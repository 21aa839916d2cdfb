// 下转2版: continuation markers are links to the page an article continues on.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('下转2版 jumps to the continuation on page 2, and back', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const pane = ui.reader.a
  const link = pane.continuationLink(2)
  await expect(link).toHaveText('（下转2版）')
  await link.click()
  await expect(pane.root).toHaveAttribute('data-page', '2')
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a5')
  await expect(pane.text).toContainText('上接1版')
  await ui.page.goBack()
  await expect(pane.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p1/a1')
})

test('下转2版 opens page 2 beside page 1', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  await ui.reader.a.continuationBeside(2).click()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p1/a1')
  await expect(ui.reader.b.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p2/a5')
  expect(await ui.hash()).toContain('b=jiangbei-2023-07-13/p2/a5')
})
