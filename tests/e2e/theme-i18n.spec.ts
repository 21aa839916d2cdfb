// Dark theme following the OS, switching theme and language.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test.describe('with a dark OS theme', () => {
  test.use({ colorScheme: 'dark' })

  test('follows the OS, switches, and remembers the choice', async ({ app }) => {
    const ui = new AppPage(app)
    await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
    expect(await ui.theme()).toBe('dark')
    const bg = await ui.page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(bg).toBe('rgb(20, 21, 24)')
    await ui.page.getByTestId('theme-toggle').click()
    expect(await ui.theme()).toBe('light')
    await ui.reload()
    expect(await ui.theme()).toBe('light')
    await ui.page.getByTestId('theme-system').click()
    expect(await ui.theme()).toBe('dark')
  })
})

test('English and Chinese UI', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open()
  await ui.page.getByTestId('language-select').selectOption('zh-CN')
  await expect(ui.tab('library')).toHaveText('馆藏')
  await ui.page.getByTestId('language-select').selectOption('en')
  await expect(ui.tab('library')).toHaveText('Library')
  expect(await ui.page.locator('html').getAttribute('lang')).toBe('en')
  // Paper names in the UI language: the catalog's English name in English, the printed one in Chinese.
  await expect(ui.library.paper('jiangbei')).toContainText('Jiangbei Daily')
  await ui.page.getByTestId('language-select').selectOption('zh-CN')
  await expect(ui.library.paper('jiangbei')).toContainText('江北报')
  await ui.page.getByTestId('language-select').selectOption('en')
  await ui.reload()
  await expect(ui.tab('library')).toHaveText('Library')
})

test('the reading face is the bundled Noto Serif SC', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  await expect(ui.reader.a.text).toBeVisible()
  const loaded = await ui.page.evaluate(async () => {
    await document.fonts.ready
    return [...document.fonts].some(
      (f) => f.family.includes('Noto Serif SC') && f.status === 'loaded',
    )
  })
  expect(loaded).toBe(true)
})
