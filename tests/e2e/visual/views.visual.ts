// Visual regression: the main views of the seeds at 1440×900 and 1024×700, compared with the
// committed baselines (tests/e2e/visual/baselines/) by Playwright's toHaveScreenshot. Stable by
// construction: the seeds' fixed content, animations off, the caret hidden, fonts loaded and
// every face pinned to the bundled Noto Serif SC (visual/pin-fonts.css), so the system's UI font
// does not decide the pixels. Tolerance (playwright.config.ts, project `visual`): 1% of the pixels
// may differ by more than the per-pixel threshold 0.2 (anti-aliasing). The `visual` project runs in
// every `npm test` (docs/testing.md):
//   npm run test:visual                      compare
//   npm run test:visual -- --update-snapshots   refresh the baselines after a deliberate UI change
import { fileURLToPath } from 'node:url'
import { expect, test } from '../support/fixtures'
import { AppPage } from '../pages/AppPage'

test.use({ content: 'seeds' })

const STYLE = fileURLToPath(new URL('pin-fonts.css', import.meta.url))
const A1 = 'jiangbei-2023-07-13/p1/a1'
const P2A5 = 'jiangbei-2023-07-13/p2/a5'
const Q = '发展和改革委员会'

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const

async function settle(ui: AppPage): Promise<void> {
  await ui.page.evaluate(() => document.fonts.ready)
  // Layout after the last font swapped in, and scrolling done: the reader holds a hit or a
  // remembered line in place for a few frames while the blocks around it are laid out
  // (ui/hold-in-place.ts), so wait until no pane has scrolled for three frames in a row.
  await ui.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const tops = (): string =>
          [...document.querySelectorAll('.pane-body')].map((b) => b.scrollTop).join(',')
        let last = tops()
        let still = 0
        let frames = 120
        const tick = (): void => {
          const now = tops()
          still = now === last ? still + 1 : 0
          last = now
          if (still >= 3 || --frames <= 0) resolve()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
  )
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size })
    const shot = (name: string) => `${name}-${size.width}x${size.height}.png`
    const options = { stylePath: STYLE } as const

    test(`library, reader, split, search (${size.width}×${size.height})`, async ({ app }) => {
      const ui = new AppPage(app)
      await ui.open('#/library?lp=jiangbei&ly=2023')
      await expect(ui.page.getByTestId('calendar')).toBeVisible()
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('library'), options)

      await ui.open(`#/library?lp=jiangbei&ly=2023&a=${A1}`)
      await expect(ui.reader.a.continuationLink(2)).toBeVisible()
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('reader'), options)

      await ui.open(`#/library?lp=jiangbei&ly=2023&a=${A1}&b=${P2A5}`)
      await expect(ui.reader.b.text).toBeVisible()
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('split'), options)

      await ui.open(`#/search?q=${Q}&a=${A1}&aq=${Q}`)
      await expect(ui.reader.a.hitCounter).toHaveText('1 / 1')
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('search'), options)
    })

    test(`dark reader and the shortcuts overlay (${size.width}×${size.height})`, async ({
      app,
    }) => {
      const ui = new AppPage(app)
      await app.page.emulateMedia({ colorScheme: 'dark' })
      await ui.open(`#/library?lp=jiangbei&ly=2023&a=${A1}`)
      await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await expect(ui.reader.a.text).toBeVisible()
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('reader-dark'), options)

      await app.page.emulateMedia({ colorScheme: 'light' })
      await ui.page.keyboard.press('?')
      await expect(ui.page.getByTestId('shortcuts-overlay')).toBeVisible()
      await settle(ui)
      await expect(ui.page).toHaveScreenshot(shot('shortcuts'), options)
    })
  })
}
