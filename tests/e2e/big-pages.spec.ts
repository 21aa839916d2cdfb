// Big pages stay usable: a 1 MB article on one line and a 4.5 MB page of 100,000 one-line
// articles (a hostile archive generated here, never imported — `add` refuses such pages) are
// opened, scrolled, searched and stepped through while a PerformanceObserver records the main
// thread's long tasks; none may block it for more than 200 ms.
//   npx playwright test --project=web big-pages
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { LONG_LINE_ISSUE, MANY_LINES_ISSUE, writeBigArchive } from '../support/big-archive'

const dir = mkdtempSync(join(tmpdir(), 'archive-reader-e2e-big-'))
writeBigArchive(dir)
test.use({ archiveDir: dir })
// Opening the archive builds its index (seconds for 5.5 MB of pages) before the first test.
// One at a time: two browsers laying out megabytes at once on a 2-core machine would measure
// each other, not the reader. One retry: a long task can also be the machine's (a GC, another
// process taking both cores), measured at 222–685 ms on a loaded machine where the same build
// measured ≤ 136 ms quiet; a reader that really blocks fails both runs.
test.describe.configure({ timeout: 180_000, mode: 'serial', retries: 1 })

const MAX_TASK_MS = 200

async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] }
    w.longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

/** Long tasks since the last call. */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] }
    return w.longTasks.splice(0)
  })
}

test('a 1 MB single-line article: open, scroll, search and step through hits without a long task', async ({
  app,
}, testInfo) => {
  test.skip(app.kind !== 'web', 'the hostile archive is served by the web project')
  const ui = new AppPage(app)
  await observeLongTasks(ui.page)
  await ui.open('#/library')
  await expect(ui.library.paper('big')).toBeVisible()
  const loadTasks = await takeLongTasks(ui.page)
  const pane = ui.reader.a
  const article = `${LONG_LINE_ISSUE}/p1/a1`
  const steps: Record<string, number> = {}
  const step = async (name: string, action: () => Promise<void>): Promise<void> => {
    await takeLongTasks(ui.page)
    await action()
    // Let rendering in chunks run to its end before reading the record.
    await ui.page.waitForTimeout(1500)
    const tasks = await takeLongTasks(ui.page)
    steps[name] = Math.round(Math.max(0, ...tasks))
  }
  await step('open the article', async () => {
    await ui.open(`#/library?a=${article}`)
    await expect(pane.headline).toHaveText('长文测试')
  })
  // All of it arrives, a block at a time: the last sentence is in the document.
  await expect
    .poll(() => pane.text.evaluate((el) => el.textContent?.length ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(340_000)
  await step('scroll to the end', async () => {
    await pane.text.evaluate((el) => el.lastElementChild?.scrollIntoView())
  })
  await step('search the article', async () => {
    await ui.open(`#/library?a=${article}&aq=${encodeURIComponent('居民生活')}`)
    await expect(pane.hitCounter).toContainText('/')
  })
  await step('next hit', async () => {
    await pane.button('hit-next').click()
  })
  await step('font bigger', async () => {
    await pane.button('font-bigger').click()
  })
  testInfo.annotations.push({
    type: 'long tasks (ms, max per step)',
    description: JSON.stringify({ load: Math.round(Math.max(0, ...loadTasks)), ...steps }),
  })
  console.log(`[big-pages] 1 MB article, longest task per step (ms): ${JSON.stringify(steps)}`)
  for (const [name, ms] of Object.entries(steps)) expect(ms, name).toBeLessThanOrEqual(MAX_TASK_MS)
})

// Not yet met: opening an article far down the 100k-article page did not show within 5 s.
test('a 100,000-line page: its contents and an article without a long task', async ({
  app,
}, testInfo) => {
  test.skip(app.kind !== 'web', 'the hostile archive is served by the web project')
  const ui = new AppPage(app)
  await observeLongTasks(ui.page)
  await ui.open('#/library')
  await expect(ui.library.paper('big')).toBeVisible()
  const pane = ui.reader.a
  const steps: Record<string, number> = {}
  const step = async (name: string, action: () => Promise<void>): Promise<void> => {
    await takeLongTasks(ui.page)
    await action()
    await ui.page.waitForTimeout(1500)
    steps[name] = Math.round(Math.max(0, ...(await takeLongTasks(ui.page))))
  }
  await step('open the page', async () => {
    await ui.open(`#/library?a=${MANY_LINES_ISSUE}/p1/a1`)
    await expect(pane.tocItem(`${MANY_LINES_ISSUE}/p1/a1`)).toBeVisible({ timeout: 60_000 })
  })
  await step('more contents', async () => {
    await pane.button('toc-more').click()
    await expect(pane.tocItem(`${MANY_LINES_ISSUE}/p1/a400`)).toBeVisible()
  })
  await step('open an article from the contents', async () => {
    await pane.tocItem(`${MANY_LINES_ISSUE}/p1/a300`).click()
    await expect(pane.root).toHaveAttribute('data-article-id', `${MANY_LINES_ISSUE}/p1/a300`)
  })
  await step('open an article far down', async () => {
    await ui.open(`#/library?a=${MANY_LINES_ISSUE}/p1/a99999`)
    await expect(pane.root).toHaveAttribute('data-article-id', `${MANY_LINES_ISSUE}/p1/a99999`, {
      timeout: 60_000,
    })
    await expect(pane.tocItem(`${MANY_LINES_ISSUE}/p1/a99999`)).toBeVisible()
  })
  await step('next article', async () => {
    await ui.page.keyboard.press('j')
    await expect(pane.root).toHaveAttribute('data-article-id', `${MANY_LINES_ISSUE}/p1/a100000`)
  })
  testInfo.annotations.push({
    type: 'long tasks (ms, max per step)',
    description: JSON.stringify(steps),
  })
  console.log(`[big-pages] 100k-line page, longest task per step (ms): ${JSON.stringify(steps)}`)
  for (const [name, ms] of Object.entries(steps)) expect(ms, name).toBeLessThanOrEqual(MAX_TASK_MS)
})
