// Both UI languages are complete (issue 15): the views a researcher uses show no text of the
// other language outside the archive's own content — no English sentence in the Chinese UI, no
// Chinese UI text in the English one — and dates are shown and typed in the UI language.
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test.use({ content: 'seeds' })

/**
 * Text nodes of the UI in the wrong language. Not UI text: the archive's own text (marked
 * lang="zh-CN"), ids and file names (code), the catalog's notes (free text, in one language:
 * shown in the English UI, left out of the Chinese one), bibliographic records (citations: the
 * article's own title and paper), the reader's query in quotes, the language picker's names.
 */
async function foreignText(page: Page, lang: 'zh-CN' | 'en'): Promise<string[]> {
  return page.evaluate((lang) => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/“[^”]*”/g, '“”').trim()
      const el = n.parentElement
      if (!text || !el) continue
      if (
        el.closest('code, kbd, noscript, script, style, option, .note, [data-testid^="citation-"]')
      )
        continue
      const hiddenForAll = !el.checkVisibility({ visibilityProperty: true })
      if (hiddenForAll && !el.closest('.visually-hidden')) continue
      if (text === 'Archive Reader' || text === '报刊档案阅读器') continue
      const content =
        el.closest('[lang]')?.getAttribute('lang') === 'zh-CN' &&
        el.closest('[lang]') !== document.documentElement
      const wrong =
        lang === 'zh-CN'
          ? /[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}/.test(text)
          : !content && /\p{Script=Han}/u.test(text)
      if (wrong) {
        const where = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName
        out.push(`${where}: ${text.slice(0, 80)}`)
      }
    }
    return out
  }, lang)
}

async function views(ui: AppPage, lang: 'zh-CN' | 'en'): Promise<string[]> {
  const found: string[] = []
  const look = async (what: string): Promise<void> => {
    for (const f of await foreignText(ui.page, lang)) found.push(`${what} › ${f}`)
  }
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  await ui.page.getByTestId('language-select').selectOption(lang)
  await expect(ui.reader.a.headline).toBeVisible()
  await ui.reader.a.root.getByTestId('provenance').locator('summary').click()
  await look('reader')
  await ui.open('#/library?a=beibei-2024-03-04/p1/a1')
  await expect(ui.reader.a.headline).toBeVisible()
  await ui.reader.a.root.getByTestId('provenance').locator('summary').click()
  await look('reader (inferred date, page note)')
  await ui.open(`#/search?q=${encodeURIComponent('记者')}&from=2023-01-01&to=2023-12-31`)
  await expect(ui.page.getByTestId('hit-timeline')).toBeVisible()
  await look('results, months')
  await ui.open(`#/search?q=${encodeURIComponent('-交通')}`)
  await expect(ui.search.count).toBeVisible()
  await look('query error')
  await ui.open(`#/search?q=${encodeURIComponent('字'.repeat(501))}`)
  await expect(ui.search.count).toBeVisible()
  await look('query too long')
  await ui.open('#/bookmarks')
  await look('bookmarks')
  await ui.page.keyboard.press('?')
  await look('shortcuts')
  return found
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: no message shown in the other language`, async ({ app }) => {
    const found = await views(new AppPage(app), lang)
    expect(found).toEqual([])
  })
}

test('dates are shown and typed in the UI language, read strictly', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(`#/search?q=${encodeURIComponent('发展')}`)
  await expect(ui.search.hits.first()).toBeVisible()
  const from = ui.page.getByTestId('date-from')
  // No browser date picker (mm/dd/yyyy): a text field labelled in Chinese.
  await expect(from).toHaveAttribute('type', 'text')
  await expect(from).toHaveAttribute('placeholder', '年-月-日')
  await from.fill('2024年3月1日')
  await from.press('Enter')
  await expect.poll(() => ui.hash()).toContain('from=2024-03-01')
  await expect(from).toHaveValue('2024年3月1日')
  // Ambiguous or impossible: said so, nothing changes.
  await from.fill('03/01/2024')
  await from.press('Enter')
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(ui.page.getByTestId('date-from-message')).toContainText('不是日期')
  expect(await ui.hash()).toContain('from=2024-03-01')
  // A year alone: its last day as the end.
  const to = ui.page.getByTestId('date-to')
  await to.fill('2024')
  await to.press('Enter')
  await expect.poll(() => ui.hash()).toContain('to=2024-12-31')

  await ui.page.getByTestId('language-select').selectOption('en')
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD')
  await expect(from).toHaveValue('March 1, 2024')
  await from.fill('13 July 2023')
  await from.press('Tab')
  await expect.poll(() => ui.hash()).toContain('from=2023-07-13')
})
