// Reading positions: where the reader stopped in an article is remembered (in localStorage,
// validated on read) and restored on returning — by back, by a link, after a reload; a new
// article opens at its top; "continue reading" on the welcome page and the positions in the
// bookmarks panel; a corrupt store is reset with a notice naming it; both languages.
import type { Locator } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

const LONG = 'jiangbei-2023-07-13/p2/a7'
const OTHER = 'jiangbei-2023-07-13/p1/a1'

/** The data-start of the block on the pane's reading line (56 px below its top). */
async function blockOnLine(body: Locator): Promise<string | null> {
  return body.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 60)
    return hit?.closest('p[data-start]')?.getAttribute('data-start') ?? null
  })
}

async function scrollDown(body: Locator, fraction: number): Promise<void> {
  await body.evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight)
  }, fraction)
}

test('the position in an article is restored by back, after a reload and from the list', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1024, height: 700 })
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${LONG}`)
  await expect(ui.reader.a.text).toBeVisible()
  const body = ui.reader.a.button('pane-body')
  await scrollDown(body, 0.6)
  // Written a moment after scrolling stops: the block at the pane's reading line.
  await expect
    .poll(() => app.page.evaluate(() => localStorage.getItem('archive-reader.reading') ?? ''))
    .toContain(LONG)
  await app.page.waitForTimeout(800)
  const block = await app.page.evaluate(() =>
    String(JSON.parse(localStorage.getItem('archive-reader.reading') ?? '{}').positions[0].offset),
  )
  expect(Number(block)).toBeGreaterThan(0)
  expect(await blockOnLine(body)).toBe(block)

  // Another article opens at its top, not where the last one was scrolled to.
  await app.open(`#/library?a=${OTHER}`)
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', OTHER)
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0)

  // Back: the long article, at the same paragraph.
  await app.page.goBack()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', LONG)
  await expect.poll(() => blockOnLine(body)).toBe(block)

  // After a reload too.
  await ui.reload()
  await expect(ui.reader.a.text).toBeVisible()
  await expect.poll(() => blockOnLine(body)).toBe(block)

  // The welcome page offers to continue it, with how far it was read.
  await ui.open('#/library')
  const item = ui.page.getByTestId('continue-reading').getByTestId('reading-position')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('厚植“小巨人”成长沃土')
  await expect(item).toContainText('已读')
  await item.getByTestId('continue-link').click()
  await expect(ui.reader.a.root).toHaveAttribute('data-article-id', LONG)
  await expect.poll(() => blockOnLine(body)).toBe(block)

  // The bookmarks panel lists it; forgetting it opens the article at its top next time.
  await ui.tab('bookmarks').click()
  const listed = ui.page.getByTestId('reading-positions').getByTestId('reading-position')
  await expect(listed).toHaveCount(1)
  await listed.getByTestId('position-forget').click()
  await expect(ui.page.getByTestId('no-positions')).toBeVisible()
  await ui.open('#/library')
  await expect(ui.page.getByTestId('welcome')).toBeVisible()
  await expect(ui.page.getByTestId('continue-reading')).toHaveCount(0)
})

test('a search match wins over the remembered position', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 })
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${LONG}`)
  await expect(ui.reader.a.text).toBeVisible()
  const body = ui.reader.a.button('pane-body')
  await scrollDown(body, 1)
  await expect
    .poll(() => app.page.evaluate(() => localStorage.getItem('archive-reader.reading') ?? ''))
    .toContain(LONG)
  await app.open(`#/library?a=${OTHER}`)
  await app.open(`#/search?q=小巨人&a=${LONG}&aq=小巨人`)
  await expect(ui.reader.a.hitCounter).toContainText('1 /')
  // The match is in the headline: the headline shows, not the remembered paragraph.
  await expect(ui.reader.a.headline.locator('mark').first()).toBeInViewport()
})

test('a corrupt reading-position store is reset with a notice that names it', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library')
  await app.page.evaluate(() =>
    localStorage.setItem(
      'archive-reader.reading',
      '{"version":1,"positions":[{"articleId":"javascript:alert(1)","offset":1}]}',
    ),
  )
  await ui.reload()
  await expect(ui.page.getByTestId('store-notice')).toContainText('阅读位置')
  await expect(ui.page.getByTestId('welcome')).toBeVisible()
  await expect(ui.page.getByTestId('continue-reading')).toHaveCount(0)
  // The app reads on: a position is remembered again.
  await ui.open(`#/library?a=${LONG}`)
  await expect(ui.reader.a.text).toBeVisible()
  await scrollDown(ui.reader.a.button('pane-body'), 0.5)
  await expect
    .poll(() => app.page.evaluate(() => localStorage.getItem('archive-reader.reading') ?? ''))
    .toContain(LONG)
  expect(
    await app.page.evaluate(() => localStorage.getItem('archive-reader.reading.corrupt')),
  ).toContain('javascript')
})

test('English: continue reading and the positions list', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 })
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${LONG}`)
  await ui.page.getByTestId('language-select').selectOption('en')
  await expect(ui.reader.a.text).toBeVisible()
  await scrollDown(ui.reader.a.button('pane-body'), 0.5)
  await expect
    .poll(() => app.page.evaluate(() => localStorage.getItem('archive-reader.reading') ?? ''))
    .toContain(LONG)
  await ui.open('#/library')
  const box = ui.page.getByTestId('continue-reading')
  await expect(box.getByRole('heading')).toHaveText('Continue reading')
  await expect(box.getByTestId('reading-position')).toContainText('% read')
  await expect(box.getByTestId('reading-position')).toContainText('Jiangbei')
})
