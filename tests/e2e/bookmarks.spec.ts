// Bookmarks: save a named view, find it after a reload, export it, import it back; a corrupt
// store is reported and reset instead of breaking the app.
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { BookmarksPage } from './pages/BookmarksPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('save, reload, export and import a bookmark', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=低碳&a=jiangbei-2023-07-13/p1/a1&aq=低碳')
  await expect(ui.reader.a.hitCounter).toContainText('/')
  await ui.tab('bookmarks').click()
  await ui.bookmarks.saveAs('低碳 — 江北报头版')
  await expect(ui.bookmarks.message).toContainText('低碳 — 江北报头版')
  await expect(ui.bookmarks.links).toHaveCount(1)

  await ui.reload()
  await expect(ui.bookmarks.links).toHaveText(['低碳 — 江北报头版'])

  // Export to a file.
  const downloadPromise = ui.page.waitForEvent('download')
  await ui.bookmarks.exportButton.click()
  const download = await downloadPromise
  const file = testInfo.outputPath('bookmarks.json')
  await download.saveAs(file)
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  expect(exported.format).toBe('archive-reader/bookmarks')
  expect(exported.bookmarks[0].name).toBe('低碳 — 江北报头版')

  // Delete, then import the file back.
  await ui.page.getByTestId('bookmark-delete').click()
  await expect(ui.bookmarks.links).toHaveCount(0)
  await ui.bookmarks.importInput.setInputFiles(file)
  await expect(ui.bookmarks.message).toContainText('1')
  await expect(ui.bookmarks.links).toHaveText(['低碳 — 江北报头版'])

  // The bookmark opens the saved view.
  await ui.open('#/library')
  await ui.tab('bookmarks').click()
  await ui.bookmarks.links.first().click()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', 'jiangbei-2023-07-13/p1/a1')
  await expect(ui.page.getByTestId('search-input')).toHaveValue('低碳')

  // A file that is not ours is refused with a reason.
  const bad = testInfo.outputPath('bad.json')
  writeFileSync(bad, JSON.stringify({ format: 'something-else', bookmarks: [] }))
  await ui.tab('bookmarks').click()
  await ui.bookmarks.importInput.setInputFiles(bad)
  await expect(ui.bookmarks.message).toContainText('format')
})

test('after a reload the suggested name is paper, date and headline, not ids', async ({ app }) => {
  const ui = new AppPage(app)
  // A fresh load straight onto the bookmarks tab: nothing is cached when the panel first renders.
  await ui.open('#/bookmarks?a=jiangbei-2023-07-13/p2/a6')
  await ui.reload()
  await expect(ui.bookmarks.name).toHaveAttribute(
    'placeholder',
    '江北报 2023年7月13日 第2版 · 鹞子丘输变电工程进入调试阶段',
  )
  await ui.bookmarks.save.click()
  await expect(ui.bookmarks.links).toHaveText([
    '江北报 2023年7月13日 第2版 · 鹞子丘输变电工程进入调试阶段',
  ])
})

test('a corrupt bookmark store is reset with a visible message', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/bookmarks')
  await ui.page.evaluate(() =>
    localStorage.setItem('archive-reader.bookmarks', '{"version":1,"bookmarks":[{"id":1}]'),
  )
  await ui.reload()
  await expect(ui.page.getByTestId('store-notice')).toBeVisible()
  await expect(ui.bookmarks.root).toBeVisible()
  await expect(ui.page.getByTestId('no-bookmarks')).toBeVisible()
  // The unreadable text is kept aside, not lost.
  expect(
    await ui.page.evaluate(() => localStorage.getItem('archive-reader.bookmarks.corrupt')),
  ).toContain('"bookmarks"')
})

test('recent searches are listed and reopen the search', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.search.type('低碳')
  await ui.page.getByTestId('search-input').press('Enter')
  await ui.tab('bookmarks').click()
  await expect(ui.page.getByTestId('recent-search')).toHaveText(['低碳'])
  await ui.page.getByTestId('recent-search').click()
  await expect(ui.search.hits.first()).toBeVisible()
})

test('two tabs of the reading room: a bookmark saved in each survives both', async ({ app }) => {
  test.skip(app.kind !== 'web', 'two windows of one origin: the reading room in a browser')
  const ui = new AppPage(app)
  await ui.open('#/bookmarks?a=jiangbei-2023-07-13/p1/a1')
  await ui.bookmarks.saveAs('第一个标签页')
  await expect(ui.bookmarks.links).toHaveText(['第一个标签页'])

  // A second tab, opened while the first one is still open, saves its own bookmark…
  const other = await app.page.context().newPage()
  await other.goto(app.page.url().replace(/#.*$/, '#/bookmarks?a=jiangbei-2023-07-13/p2/a6'))
  const second = new BookmarksPage(other)
  await expect(second.links).toHaveText(['第一个标签页'])
  await second.saveAs('第二个标签页')
  await expect(second.links).toHaveCount(2)

  // …the first tab sees it, and its next bookmark keeps it.
  await expect(ui.bookmarks.links).toHaveCount(2)
  await ui.bookmarks.saveAs('又一个')
  await other.close()
  await ui.reload()
  await expect(ui.bookmarks.links).toHaveCount(3)
  await expect(ui.bookmarks.root).toContainText('第二个标签页')
})
