// Renders resources/icon.svg to the PNG icons electron-builder packages: resources/icon.png
// (1024×1024; electron-builder derives the Windows .ico, the macOS .icns and the Linux icon set
// from it) and resources/icon-512.png. Uses the installed Chromium through playwright-core and
// the bundled Noto Serif SC font, so it needs no network:
//
//   npx tsx scripts/render-icon.ts [--chromium /usr/bin/chromium]
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './chromium'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({
  options: { chromium: { type: 'string', default: SYSTEM_CHROMIUM } },
})

const font = readFileSync(
  join(
    ROOT,
    'node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-900-normal.woff2',
  ),
).toString('base64')
const svg = readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8')
const html = `<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: 'Noto Serif SC'; font-weight: 900; src: url(data:font/woff2;base64,${font}) format('woff2'); }
html, body { margin: 0; background: transparent; }
svg { display: block; width: 512px; height: 512px; }
</style>${svg}`

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: CHROMIUM_ARGS,
})
try {
  for (const [file, scale] of [
    ['icon.png', 2],
    ['icon-512.png', 1],
  ] as const) {
    const page = await browser.newPage({
      viewport: { width: 512, height: 512 },
      deviceScaleFactor: scale,
    })
    await page.setContent(html)
    await page.evaluate(() => document.fonts.ready)
    const png = await page.locator('svg').screenshot({ omitBackground: true })
    writeFileSync(join(ROOT, 'resources', file), png)
    console.log(`resources/${file}: ${512 * scale}×${512 * scale}, ${png.length} bytes`)
    await page.close()
  }
} finally {
  await browser.close()
}
