// Accessibility: an axe-core scan (WCAG 2.1 A/AA rules) of every main view — library, reader,
// split, search results with an opened hit, bookmarks, the shortcuts overlay and the import
// dialog — in both languages and both themes. Serious and critical violations fail, except the
// ones listed with a reason in support/a11y-known.ts; every scan's full result is attached to
// the report. Runs on any archive (it finds its way through the UI).
//   npx playwright test --project=web a11y
import AxeBuilder from '@axe-core/playwright'
import type { TestInfo } from '@playwright/test'
import { expect, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { ImportPage } from './pages/ImportPage'
import { openFirstIssue } from './support/discover'
import { installFakeImport } from './support/fake-import-bridge'
import { KNOWN_A11Y_VIOLATIONS } from './support/a11y-known'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])

/** One failing node, as the report shows it. */
interface Found {
  view: string
  rule: string
  impact: string
  target: string
  summary: string
}

function known(f: Found): boolean {
  return KNOWN_A11Y_VIOLATIONS.some(
    (k) =>
      k.rule === f.rule &&
      (!k.views || k.views.includes(f.view)) &&
      (!k.target || f.target.includes(k.target)),
  )
}

/** Failing nodes per impact in this test, all levels (annotated on the test for the report). */
const tally = new Map<string, number>()

async function scan(app: App, view: string, testInfo: TestInfo): Promise<Found[]> {
  await app.page.evaluate(() => document.fonts.ready)
  const results = await new AxeBuilder({ page: app.page }).withTags(WCAG).analyze()
  await testInfo.attach(`axe-${view}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  })
  for (const v of results.violations) {
    const impact = v.impact ?? 'unknown'
    tally.set(impact, (tally.get(impact) ?? 0) + v.nodes.length)
  }
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map((n) => ({
        view,
        rule: v.id,
        impact: v.impact ?? '',
        target: n.target.join(' '),
        summary: (n.failureSummary ?? v.help).split('\n').slice(0, 2).join(' '),
      })),
    )
}

const COMBOS = [
  { locale: 'zh-CN', colorScheme: 'light' },
  { locale: 'zh-CN', colorScheme: 'dark' },
  { locale: 'en', colorScheme: 'light' },
  { locale: 'en', colorScheme: 'dark' },
] as const

for (const { locale, colorScheme } of COMBOS) {
  test.describe(`${locale}, ${colorScheme}`, () => {
    test.use({ locale, colorScheme })

    test(`axe: every main view (${locale}, ${colorScheme})`, async ({ app }, testInfo) => {
      const ui = new AppPage(app)
      const page = app.page
      // The fake import bridge (the web project's stand-in for main) before the app loads.
      if (app.kind === 'web') await installFakeImport(page)
      const found: Found[] = []
      tally.clear()
      const at = await openFirstIssue(ui)
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      expect(await ui.theme()).toBe(colorScheme)

      await ui.open(`#/library?lp=${at.paper}`)
      await expect(page.getByTestId('calendar')).toBeVisible()
      found.push(...(await scan(app, 'library', testInfo)))

      await ui.open(`#/library?lp=${at.paper}&a=${at.articleId}`)
      await expect(ui.reader.a.text).toBeVisible()
      found.push(...(await scan(app, 'reader', testInfo)))

      await ui.open(`#/library?a=${at.articleId}&b=${at.articleId}`)
      await expect(ui.reader.b.text).toBeVisible()
      found.push(...(await scan(app, 'split', testInfo)))

      const q = encodeURIComponent(at.term)
      await ui.open(`#/search?q=${q}&a=${at.articleId}&aq=${q}`)
      await expect(ui.search.hits.first()).toBeVisible()
      await expect(ui.reader.a.hitCounter).toHaveText(/^\d+ \/ \d+$/)
      found.push(...(await scan(app, 'search', testInfo)))

      await ui.tab('bookmarks').click()
      await ui.bookmarks.saveAs('a11y')
      await expect(ui.bookmarks.links.first()).toBeVisible()
      found.push(...(await scan(app, 'bookmarks', testInfo)))

      await page.keyboard.press('?')
      await expect(page.getByTestId('shortcuts-overlay')).toBeVisible()
      found.push(...(await scan(app, 'shortcuts', testInfo)))
      await page.keyboard.press('Escape')

      // The import dialog: only where the app can import (Electron, or the web stand-in).
      const imp = new ImportPage(page)
      await ui.open('#/library')
      if (await imp.openButton.isVisible()) {
        await imp.openButton.click()
        await expect(imp.dialog).toHaveAttribute('data-step', 'pick')
        found.push(...(await scan(app, 'import-pick', testInfo)))
        if (app.kind === 'web') {
          await imp.pickFolder()
          await expect(imp.dialog).toHaveAttribute('data-step', 'review')
          found.push(...(await scan(app, 'import-review', testInfo)))
        }
      }

      testInfo.annotations.push({
        type: 'axe',
        description:
          [...tally].map(([impact, n]) => `${n} ${impact}`).join(', ') || 'no violations',
      })
      const blocking = found.filter((f) => !known(f))
      expect(blocking, 'serious/critical axe violations (see the axe-*.json attachments)').toEqual(
        [],
      )
    })
  })
}
