// The advanced search form: opened from the search box, each field becomes part of the query
// syntax shown as it is typed, keyboard only, and it opens on the search already on screen.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { AdvancedSearchPage } from './pages/FindPage'

// Searches the seeds' words and checks their hits: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('the form composes the query, shows it, and searches it', async ({ app }) => {
  const ui = new AppPage(app)
  const adv = new AdvancedSearchPage(ui.page)
  await ui.open()
  await adv.open()
  await expect(adv.root).toBeVisible()
  await expect(adv.field('all')).toBeFocused()
  await adv.field('all').fill('低碳')
  await adv.field('any').fill('北碚 江北')
  await adv.field('none').fill('交通')
  await expect(adv.query).toHaveText('低碳 北碚 OR 江北 -交通')
  await adv.field('type').selectOption('article')
  await expect(adv.query).toHaveText('低碳 北碚 OR 江北 type:article -交通')
  await adv.field('type').selectOption('')
  await adv.root.getByTestId('adv-date-from').fill('2023-01-01')
  await adv.root.getByTestId('adv-date-from').press('Tab')
  await expect(adv.root.getByTestId('adv-date-note')).toBeVisible()
  await adv.submit.click()
  await expect(adv.root).toHaveCount(0)
  await expect(ui.searchInput).toHaveValue('低碳 北碚 OR 江北 -交通')
  await ui.search.settled('低碳 北碚 OR 江北 -交通')
  const hash = await ui.hash()
  expect(hash).toContain('q=低碳 北碚 OR 江北 -交通'.replace(/ /g, '+'))
  expect(hash).toContain('from=2023-01-01')
})

test('keyboard only: open, fill, Enter searches; Escape closes and focus returns', async ({
  app,
}) => {
  const ui = new AppPage(app)
  const adv = new AdvancedSearchPage(ui.page)
  const kb = ui.page.keyboard
  await ui.open()
  await ui.page.getByTestId('advanced-search-toggle').focus()
  await kb.press('Enter')
  await expect(adv.field('all')).toBeFocused()
  await kb.press('Escape')
  await expect(adv.root).toHaveCount(0)
  await expect(ui.page.getByTestId('advanced-search-toggle')).toBeFocused()

  await kb.press('Enter')
  await kb.press('Tab')
  await expect(adv.field('phrase')).toBeFocused()
  await kb.type('国际消费中心城市')
  await expect(adv.query).toHaveText('"国际消费中心城市"')
  await kb.press('Enter')
  await ui.search.settled('"国际消费中心城市"')
  await expect(ui.search.hits.first()).toBeVisible()
})

test('the form opens on the query in the box, in English too', async ({ app }) => {
  const ui = new AppPage(app)
  const adv = new AdvancedSearchPage(ui.page)
  await ui.open('#/search?q=%E5%8F%91%E5%B1%95+-%E4%BD%8E%E7%A2%B3')
  await ui.page.getByTestId('language-select').selectOption('en')
  await adv.open()
  await expect(adv.root.getByRole('heading')).toHaveText('Advanced search')
  await expect(adv.field('all')).toHaveValue('发展')
  await expect(adv.field('none')).toHaveValue('低碳')
  await expect(adv.query).toHaveText('发展 -低碳')
  await expect(adv.root.getByTestId('adv-inexact')).toHaveCount(0)
  await adv.root.getByTestId('adv-reset').click()
  await expect(adv.submit).toBeDisabled()
})

test('fielded terms from the form search the headline and the byline', async ({ app }) => {
  const ui = new AppPage(app)
  const adv = new AdvancedSearchPage(ui.page)
  await ui.open()
  await adv.open()
  await adv.field('byline').fill('刘静')
  await adv.field('paper').selectOption('jiangbei')
  await expect(adv.query).toHaveText('byline:刘静 paper:jiangbei')
  await adv.submit.click()
  await ui.search.settled('byline:刘静 paper:jiangbei')
  await expect(ui.search.hits.first()).toBeVisible()
  await expect(ui.search.hits.first()).toHaveAttribute('data-article-id', /^jiangbei-/)
})
