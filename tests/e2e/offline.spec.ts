// Offline means offline: walking through every view, no request leaves the machine — not even
// for fonts. (The fixture checks this after every test; this spec makes it the point.)
import { expect, test } from './support/fixtures'
import { isLocalRequest } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test('no request leaves the machine', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.library.openPaper('jiangbei')
  await ui.library.openIssue('jiangbei-2023-07-13')
  await ui.reader.a.continuationBeside(2).click()
  await expect(ui.reader.b.text).toBeVisible()
  await ui.search.type('經濟發展')
  await expect(ui.search.hits.first()).toBeVisible()
  await ui.search.hits.first().getByTestId('hit-open').click()
  await ui.reader.a.button('toggle-original').click()
  await expect(ui.reader.a.root.getByTestId('original-layout')).toBeVisible()
  await ui.tab('bookmarks').click()
  await ui.page.evaluate(() => document.fonts.ready)

  const requests = app.requests
  expect(requests.length).toBeGreaterThan(5)
  // The bundled fonts were fetched, and from the app itself.
  expect(requests.some((u) => /noto-serif-sc.*\.woff2/.test(u))).toBe(true)
  const external = requests.filter((u) => !isLocalRequest(u))
  expect(external).toEqual([])
})
