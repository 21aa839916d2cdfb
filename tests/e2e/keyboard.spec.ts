// A keyboard-only run: search, open a hit, step through matches and pages, split, help overlay.
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('keyboard only: / search ↓ Enter n ] s x ? Esc', async ({ app }) => {
  const ui = new AppPage(app)
  const kb = ui.page.keyboard
  await ui.open()
  await expect(ui.library.root).toBeVisible()
  await kb.press('/')
  await expect(ui.searchInput).toBeFocused()
  await kb.type('低碳')
  await expect(ui.search.hits.first()).toBeVisible()
  // The suggestions under the box take ↓ while they are shown; Escape closes them (and keeps
  // focus in the box), then ↓ from the search box goes to the first result.
  await expect(ui.page.getByTestId('suggestions')).toBeVisible()
  await kb.press('Escape')
  await expect(ui.searchInput).toBeFocused()
  await kb.press('ArrowDown')
  await expect(ui.search.hits.first().getByTestId('hit-open')).toBeFocused()
  await kb.press('Enter')
  const pane = ui.reader.a
  await expect(pane.hitCounter).toHaveText(/^1 \/ \d+$/)
  await kb.press('n')
  await expect(pane.hitCounter).toHaveText(/^2 \/ \d+$/)

  // Tab reaches the article's tools in order, and a focused control shows a focus ring.
  await pane.button('hit-next').focus()
  await kb.press('Enter')
  await expect(pane.hitCounter).toHaveText(/^3 \/ \d+$/)
  const outline = await pane.button('hit-next').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')

  // ] next page, [ previous page (whichever way this issue has a page to go to).
  const page = Number(await pane.pageNumber())
  const [there, back] = page === 1 ? [']', '['] : ['[', ']']
  await kb.press(there)
  await expect(pane.root).not.toHaveAttribute('data-page', String(page))
  await kb.press(back)
  await expect(pane.root).toHaveAttribute('data-page', String(page))

  await kb.press('s')
  await expect(ui.reader.b.root).toBeVisible()
  await kb.press('1')
  await kb.press('x')
  await expect(ui.reader.b.root).toBeVisible()

  await kb.press('?')
  await expect(ui.page.getByTestId('shortcuts-overlay')).toBeVisible()
  await expect(ui.page.getByTestId('shortcuts-close')).toBeFocused()
  // A modal dialog (ui/Dialog): Tab stays inside, the shortcuts do not act behind it.
  await kb.press('Tab')
  await expect(ui.page.getByTestId('shortcuts-close')).toBeFocused()
  await kb.press('Shift+Tab')
  await expect(ui.page.getByTestId('shortcuts-close')).toBeFocused()
  await kb.press('b')
  await expect(ui.tab('bookmarks')).toHaveAttribute('aria-selected', 'false')
  await kb.press('Escape')
  await expect(ui.page.getByTestId('shortcuts-overlay')).toHaveCount(0)

  await kb.press('b')
  await expect(ui.tab('bookmarks')).toHaveAttribute('aria-selected', 'true')
  await kb.press('l')
  await expect(ui.tab('library')).toHaveAttribute('aria-selected', 'true')
  // Tabs of the sidebar move with the arrow keys.
  await ui.tab('library').focus()
  await kb.press('ArrowRight')
  await expect(ui.tab('search')).toBeFocused()
  await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true')
})

test('every control has an accessible name', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open('#/search?q=低碳&a=jiangbei-2023-07-13/p1/a1&aq=低碳&b=jiangbei-2023-07-13/p2/a5')
  await expect(ui.reader.b.headline).toBeVisible()
  const unnamed = await ui.page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, [role="tab"]')]
      .filter((el) => {
        const e = el as HTMLElement
        if (e.closest('[aria-hidden="true"]') || e.offsetParent === null) return false
        const label =
          e.getAttribute('aria-label') ||
          e.getAttribute('aria-labelledby') ||
          e.textContent?.trim() ||
          (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent) ||
          e.closest('label')?.textContent?.trim() ||
          e.getAttribute('title')
        return !label
      })
      .map((e) => e.outerHTML.slice(0, 120)),
  )
  expect(unnamed).toEqual([])
  // The result count is announced.
  await expect(ui.search.count).toHaveAttribute('aria-live', 'polite')
})
