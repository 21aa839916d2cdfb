// Accessibility of the finding aids: an axe-core scan (WCAG 2.1 A/AA) of the suggestions list
// open under the search box, the quick-open dialog with results, and the advanced search form,
// in both themes. Serious and critical violations fail (none are known here).
//   npx playwright test --project=web find-a11y
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { AdvancedSearchPage, QuickOpenPage, SuggestionsPage } from './pages/FindPage'

// Types the seeds' words: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function blocking(app: App): Promise<string[]> {
  await app.page.evaluate(() => document.fonts.ready)
  const results = await new AxeBuilder({ page: app.page }).withTags(WCAG).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${v.help}`))
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme })

    test(`axe: suggestions, quick open, advanced search (${colorScheme})`, async ({ app }) => {
      const ui = new AppPage(app)
      await ui.open()
      const sug = new SuggestionsPage(ui.page)
      await ui.searchInput.click()
      await ui.searchInput.pressSequentially('发', { delay: 20 })
      await expect(sug.items.first()).toBeVisible()
      await ui.searchInput.press('ArrowDown')
      expect(await blocking(app), 'suggestions').toEqual([])
      await ui.searchInput.press('Escape')

      const qo = new QuickOpenPage(ui.page)
      await qo.open()
      await qo.input.pressSequentially('江北', { delay: 10 })
      await expect(qo.items.first()).toBeVisible()
      expect(await blocking(app), 'quick open').toEqual([])
      await qo.input.press('Escape')

      const adv = new AdvancedSearchPage(ui.page)
      await adv.open()
      await adv.field('all').fill('低碳')
      expect(await blocking(app), 'advanced search').toEqual([])
    })
  })
}
