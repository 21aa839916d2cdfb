// Article tools: text size, citation formats, plain-text export.
import { readFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

test('text size, citations and export of an article', async ({ app }, testInfo) => {
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  const pane = ui.reader.a
  const size = async (): Promise<number> =>
    pane.text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const before = await size()
  await pane.button('font-bigger').click()
  await expect.poll(size).toBeGreaterThan(before)
  await pane.button('font-smaller').click()
  await expect.poll(size).toBe(before)
  // Chinese body text: justified, generous leading, in the bundled serif.
  const style = await pane.text
    .locator('p')
    .first()
    .evaluate((p) => {
      const s = getComputedStyle(p)
      return {
        align: s.textAlign,
        lh: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
        font: s.fontFamily,
      }
    })
  expect(style.align).toBe('justify')
  expect(style.lh).toBeGreaterThan(1.8)
  expect(style.font).toContain('Noto Serif SC')

  await pane.root.getByTestId('cite-menu').locator('summary').click()
  await expect(pane.root.getByTestId('citation-gbt7714')).toHaveText(
    // Read online: [N/OL], the inferred date in brackets, the access date and the link.
    /^刘静\. .+\[N\/OL\]\. 江北报, \[2023-07-13\]\(1, 2\)\[\d{4}-\d{2}-\d{2}\]\. (http|archive-reader):\/\/.+a=jiangbei-2023-07-13\/p1\/a\d+\.$/,
  )
  await expect(pane.root.getByTestId('citation-bibtex')).toContainText('@article{')
  await expect(pane.root.getByTestId('citation-ris')).toContainText('TY  - NEWS')
  await pane.root.getByTestId('copy-citation-gbt7714').click()
  await expect(ui.toast).toContainText('GB/T 7714')

  const downloadPromise = ui.page.waitForEvent('download')
  await pane.button('export-article').click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toBe('jiangbei-2023-07-13_p1_a1.txt')
  const file = testInfo.outputPath('article.txt')
  await download.saveAs(file)
  const text = readFileSync(file, 'utf8')
  expect(text).toContain('发展和改革委员会')
  expect(text).toContain('000_fc561b8f310ec55b.txt')
})
