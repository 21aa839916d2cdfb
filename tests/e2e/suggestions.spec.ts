// Suggestions as you type: an ARIA combobox under the search box — the list appears for the
// word being typed, with each term's kind and hit count, is announced, is chosen with the arrows
// and Enter or a click, closes with Escape, and never shows an answer to an older prefix.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { SuggestionsPage } from './pages/FindPage'

// Completes the seeds' vocabulary: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('the arrows choose a suggestion, Enter searches it', async ({ app }) => {
  const ui = new AppPage(app)
  const sug = new SuggestionsPage(ui.page)
  await ui.open()
  await ui.searchInput.click()
  await ui.searchInput.pressSequentially('发', { delay: 20 })
  await expect(sug.list).toBeVisible()
  await expect(ui.searchInput).toHaveAttribute('aria-expanded', 'true')
  await expect(sug.item('发展')).toContainText('20')
  await expect(sug.item('发展')).toHaveAttribute('data-kind', /^(phrase|headline)$/)
  await expect(sug.status).toContainText(String(await sug.items.count()))
  // Nothing is active until ↓: Enter would search what is typed.
  await expect(ui.searchInput).not.toHaveAttribute('aria-activedescendant')
  await ui.searchInput.press('ArrowDown')
  const first = sug.items.first()
  await expect(first).toHaveAttribute('aria-selected', 'true')
  const id = await first.getAttribute('id')
  await expect(ui.searchInput).toHaveAttribute('aria-activedescendant', id ?? '')
  const query = (await first.getAttribute('data-query')) ?? ''
  await ui.searchInput.press('Enter')
  await expect(sug.list).toHaveCount(0)
  await expect(ui.searchInput).toHaveValue(`${query} `)
  await expect(ui.searchInput).toBeFocused()
  await ui.search.settled(query)
})

test('a field prefix is completed in its field; a click chooses', async ({ app }) => {
  const ui = new AppPage(app)
  const sug = new SuggestionsPage(ui.page)
  await ui.open()
  await ui.searchInput.click()
  await ui.searchInput.pressSequentially('byline:刘', { delay: 20 })
  await expect(sug.item('byline:刘静')).toBeVisible()
  await expect(sug.item('byline:刘静')).toHaveAttribute('data-kind', 'byline')
  await sug.item('byline:刘静').click()
  await expect(ui.searchInput).toHaveValue('byline:刘静 ')
  await ui.search.settled('byline:刘静')
  await expect(ui.search.hits.first()).toBeVisible()
})

test('Escape closes the list and keeps the text; the next Escape leaves the box', async ({
  app,
}) => {
  const ui = new AppPage(app)
  const sug = new SuggestionsPage(ui.page)
  await ui.open()
  await ui.searchInput.click()
  await ui.searchInput.pressSequentially('低', { delay: 20 })
  await expect(sug.list).toBeVisible()
  await ui.searchInput.press('Escape')
  await expect(sug.list).toHaveCount(0)
  await expect(ui.searchInput).toHaveValue('低')
  await expect(ui.searchInput).toBeFocused()
  await expect(ui.searchInput).toHaveAttribute('aria-expanded', 'false')
  // Alt+↓ shows them again.
  await ui.searchInput.press('Alt+ArrowDown')
  await expect(sug.list).toBeVisible()
  await ui.searchInput.press('Escape')
  await ui.searchInput.press('Escape')
  await expect(ui.searchInput).not.toBeFocused()
})

test('an answer to an older prefix is never shown', async ({ app }) => {
  const ui = new AppPage(app)
  const sug = new SuggestionsPage(ui.page)
  // The answer for 发 is held back until after the one for 发展 has arrived.
  let release: () => void = () => {}
  const held = new Promise<void>((r) => (release = r))
  await ui.page.route('**/api/suggest?*', async (route) => {
    const q = new URL(route.request().url()).searchParams.get('q')
    if (q === '发') {
      await held
      await route.fulfill({
        json: {
          prefix: '发',
          suggestions: [{ text: '旧', kind: 'phrase', count: 1, query: '旧' }],
        },
      })
      return
    }
    await route.continue()
    release()
  })
  await ui.open()
  await ui.searchInput.click()
  await ui.searchInput.pressSequentially('发', { delay: 20 })
  // Past the debounce: the question for 发 is on its way.
  await ui.page.waitForRequest('**/api/suggest?*')
  await ui.searchInput.pressSequentially('展', { delay: 20 })
  await expect(sug.items.first()).toBeVisible()
  await ui.page.waitForTimeout(300)
  await expect(sug.item('旧')).toHaveCount(0)
  for (const q of await sug.items.evaluateAll((els) => els.map((e) => e.dataset.query ?? '')))
    expect(q.startsWith('发展')).toBe(true)
})
