// Offline means offline: a whole session — library, reader, original layout, split view, search
// with filters, citations, bookmarks saved, exported and imported, an article exported, theme,
// language, shortcuts — and every request it makes stays with the app: in the web project the
// reading-room server's own origin (not merely "some loopback address"), in Electron the app's
// files. No websocket, no service worker. (The fixture also checks every other test for
// requests off the machine.) The recording cannot pass vacuously: the session's API calls,
// scripts, styles and fonts must all have been seen.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

/** Requests the app makes without a server: its own data and blob URLs, DevTools. */
const SELF_CONTAINED = ['data:', 'blob:', 'about:']

test('a whole session makes no request beyond the app itself', async ({ app }, testInfo) => {
  const sockets: string[] = []
  app.page.on('websocket', (ws) => sockets.push(ws.url()))
  const ui = new AppPage(app)
  await ui.open()
  const appUrl = new URL(ui.page.url())

  // Library → an issue → its second page → the article continued there, opened beside.
  await ui.library.openPaper('jiangbei')
  await ui.library.openIssue('jiangbei-2023-07-13')
  await ui.reader.a.continuationBeside(2).click()
  await expect(ui.reader.b.text).toBeVisible()
  await ui.reader.swap.click()
  await ui.reader.a.button('toggle-original').click()
  await expect(ui.reader.a.root.getByTestId('original-layout')).toBeVisible()
  await ui.reader.splitToggle.click()

  // Search, with a filter and another sort; open a hit beside.
  await ui.search.type('經濟發展')
  await expect(ui.search.hits.first()).toBeVisible()
  await ui.search.paperFacet('jiangbei').click()
  await ui.search.sort.selectOption('date-desc')
  await ui.search.hits.first().getByTestId('hit-open').click()
  await expect(ui.reader.a.matches.first()).toBeVisible()

  // Citation copied, article exported.
  await ui.reader.a.root.getByTestId('cite-menu').locator('summary').click()
  await ui.reader.a.root.getByTestId('copy-citation-gbt7714').click()
  await expect(ui.toast).toBeVisible()
  const articleDownload = ui.page.waitForEvent('download')
  await ui.reader.a.button('export-article').click()
  expect((await articleDownload).suggestedFilename()).toMatch(/\.txt$/)

  // Bookmarks: save the view, export them, import them back.
  await ui.tab('bookmarks').click()
  await ui.bookmarks.saveAs('经济发展')
  await expect(ui.bookmarks.links).toHaveCount(1)
  const bookmarksDownload = ui.page.waitForEvent('download')
  await ui.bookmarks.exportButton.click()
  const exported = testInfo.outputPath('bookmarks.json')
  await (await bookmarksDownload).saveAs(exported)
  await ui.bookmarks.importInput.setInputFiles(exported)
  await expect(ui.bookmarks.message).toBeVisible()
  await ui.bookmarks.links.first().click()

  // Theme, language, shortcuts: nothing there may fetch either.
  await ui.page.getByTestId('theme-toggle').click()
  await ui.page.getByTestId('language-select').selectOption('en')
  await ui.page.getByTestId('shortcuts-button').click()
  await expect(ui.page.getByTestId('shortcuts-overlay')).toBeVisible()
  await ui.page.getByTestId('shortcuts-close').click()
  await ui.reload()
  await ui.page.evaluate(() => document.fonts.ready)

  const requests = app.requests
  const off = requests.filter((u) => {
    if (SELF_CONTAINED.some((p) => u.startsWith(p))) return false
    const url = new URL(u)
    if (app.kind === 'web') return url.origin !== appUrl.origin
    // Electron: the app's own files (the security policy cancels anything else; this would
    // show a request that got as far as being made).
    return url.protocol !== 'file:' && url.protocol !== 'devtools:'
  })
  expect(off, `requests that left ${app.kind === 'web' ? appUrl.origin : 'the app'}`).toEqual([])
  expect(sockets, 'websockets').toEqual([])
  if (app.context) expect(app.context.serviceWorkers(), 'service workers').toEqual([])

  // Not vacuous: the session was recorded, and it is this session.
  const paths = requests.map((u) => (u.startsWith('http') ? new URL(u).pathname : u))
  expect(requests.length).toBeGreaterThan(20)
  expect(paths.some((p) => /\.js$/.test(p))).toBe(true)
  expect(paths.some((p) => /\.css$/.test(p))).toBe(true)
  expect(
    paths.some((p) => /noto-serif-sc.*\.woff2$/.test(p)),
    'the bundled font',
  ).toBe(true)
  if (app.kind === 'web') {
    for (const api of [
      /^\/api\/issues$/,
      /^\/api\/issues\/jiangbei-2023-07-13$/,
      /^\/api\/search$/,
      /^\/api\/articles\/.+\/matches$/,
    ])
      expect(
        paths.some((p) => api.test(p)),
        `a request to ${api}`,
      ).toBe(true)
  }
})
