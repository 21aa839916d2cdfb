// Screenshots of the finding aids (advanced search, suggestions, quick open, did you mean) at
// 1440×900 and 1024×700, kept as test artifacts; with ARCHIVE_READER_SCREENSHOTS=1 also written
// to docs/screenshots/:
//   ARCHIVE_READER_SCREENSHOTS=1 npx playwright test --project=web find-screenshots
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TestInfo } from '@playwright/test'
import { expect, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { AdvancedSearchPage, QuickOpenPage, SuggestionsPage } from './pages/FindPage'
import { PROJECT_ROOT } from './support/build-renderer'

test.use({ content: 'seeds' })

const DOCS = join(PROJECT_ROOT, 'docs', 'screenshots')
const SIZES = [
  [1440, 900],
  [1024, 700],
] as const

async function shoot(app: App, testInfo: TestInfo, name: string): Promise<void> {
  await app.page.evaluate(() => document.fonts.ready)
  const path = testInfo.outputPath(`${name}.png`)
  await app.page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  if (process.env.ARCHIVE_READER_SCREENSHOTS === '1' && app.kind === 'web') {
    mkdirSync(DOCS, { recursive: true })
    await app.page.screenshot({ path: join(DOCS, `${name}.png`) })
  }
}

const suffix = (width: number): string => (width === 1440 ? '' : `-${width}`)

test('screenshots of the advanced search form', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  const adv = new AdvancedSearchPage(ui.page)
  for (const [width, height] of SIZES) {
    await app.page.setViewportSize({ width, height })
    await ui.open('#/search?q=%E4%BD%8E%E7%A2%B3&from=2023-01-01')
    await adv.open()
    await adv.field('any').fill('北碚 江北')
    await adv.field('byline').fill('刘静')
    await adv.field('type').selectOption('article')
    await expect(adv.query).toContainText('byline:刘静')
    await shoot(app, testInfo, `advanced-search${suffix(width)}`)
    await ui.page.keyboard.press('Escape')
    await expect(adv.root).toHaveCount(0)
  }
})

test('screenshots of the suggestions under the search box', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  const sug = new SuggestionsPage(ui.page)
  for (const [width, height] of SIZES) {
    await app.page.setViewportSize({ width, height })
    await ui.open('#/library?lp=jiangbei&ly=2023&a=jiangbei-2023-07-13/p1/a1')
    await ui.searchInput.click()
    await ui.searchInput.pressSequentially('发', { delay: 20 })
    await expect(sug.items.first()).toBeVisible()
    await ui.searchInput.press('ArrowDown')
    await ui.searchInput.press('ArrowDown')
    await shoot(app, testInfo, `suggestions${suffix(width)}`)
  }
})

test('screenshots of quick open', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  const qo = new QuickOpenPage(ui.page)
  for (const [width, height] of SIZES) {
    await app.page.setViewportSize({ width, height })
    await ui.open('#/library?lp=jiangbei&ly=2023&a=jiangbei-2023-07-13/p1/a1')
    await qo.open()
    await qo.input.pressSequentially('江北', { delay: 10 })
    await expect(qo.item('search')).toBeVisible()
    await shoot(app, testInfo, `quick-open${suffix(width)}`)
    await qo.input.fill('7月13日')
    await expect(qo.root.getByTestId('quick-open-date')).toBeVisible()
    await shoot(app, testInfo, `quick-open-date${suffix(width)}`)
    await qo.input.press('Escape')
  }
})

test('screenshots of did you mean', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  for (const [width, height] of SIZES) {
    await app.page.setViewportSize({ width, height })
    await ui.open('#/search?q=%E4%BD%8E%E7%82%AD')
    await expect(ui.page.getByTestId('did-you-mean').first()).toBeVisible()
    await shoot(app, testInfo, `did-you-mean${suffix(width)}`)
  }
})
