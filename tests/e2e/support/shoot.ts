// One screenshot step for the specs that keep screenshots: taken after the fonts are ready, kept
// as a test artifact (attached to the HTML report), and with ARCHIVE_READER_SCREENSHOTS=1 in the
// browser also written to docs/screenshots/ for the README:
//   ARCHIVE_READER_SCREENSHOTS=1 npx playwright test --project=web screenshots
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TestInfo } from '@playwright/test'
import type { App } from './fixtures'
import { PROJECT_ROOT } from './build-renderer'

const DOCS = join(PROJECT_ROOT, 'docs', 'screenshots')

export async function shoot(app: App, testInfo: TestInfo, name: string): Promise<void> {
  await app.page.evaluate(() => document.fonts.ready)
  const path = testInfo.outputPath(`${name}.png`)
  await app.page.screenshot({ path })
  await testInfo.attach(name, { path, contentType: 'image/png' })
  if (process.env.ARCHIVE_READER_SCREENSHOTS === '1' && app.kind === 'web') {
    mkdirSync(DOCS, { recursive: true })
    await app.page.screenshot({ path: join(DOCS, `${name}.png`) })
  }
}
