// The edit mode (issue 13), through the reading-room build where editing is enabled for a
// writable library (a scratch copy of the seeds served with `editable`): every kind the reader
// offers — fix text with its diff preview, title fields, type, split here, merge with next —
// then "corrected" with the history, the text as printed on request, undo, and search finding
// the corrected words; and a continued story unlinked and linked again. In the electron project
// (the desktop app's IPC wiring: src/main/corrections-ipc.ts, src/preload/corrections-bridge.ts)
// the same flows edit the bundled archive's overlay in the test's fresh profile; where the
// Electron binary is missing that project skips, saying why (support/fixtures.ts).
import { expect, test } from './support/fixtures'
import { AppPage } from './pages/AppPage'

test.use({ content: 'seeds', editable: true })

const A4 = 'xinyu-2022-07-15/p1/a4'

test('edit mode: fix text, titles, type, split, merge, history and undo', async ({
  app,
}, testInfo) => {
  const ui = new AppPage(app)
  const page = app.page
  await ui.open(`#/library?a=${A4}`)
  const pane = ui.reader.a
  await expect(pane.headline).toHaveText('大王共才 智利未来')
  await pane.button('suggest-correction').click()
  const panel = pane.root.getByTestId('edit-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByTestId('edit-target')).toHaveAttribute(
    'data-target',
    app.kind === 'web' ? 'library' : 'overlay',
  )

  // Fix text: the preview is a diff; nothing is saved before "save".
  await panel.getByTestId('edit-kind-fix-text').check()
  await panel.getByTestId('edit-fix-find').fill('天皮夹牙许远')
  await panel.getByTestId('edit-fix-replace').fill('英才评选活动')
  await panel.getByTestId('edit-note').fill('garbled in the PDF')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-diff-old')).toHaveText(/^天皮夹牙\s*许远$/)
  await expect(panel.getByTestId('edit-diff-new')).toHaveText('英才评选活动')
  await page.screenshot({ path: testInfo.outputPath('edit-fix-preview.png') })
  await expect(pane.text).not.toContainText('英才评选活动')
  await panel.getByTestId('edit-apply').click()
  await expect(pane.text).toContainText('一次英才评选活动。')

  // Title fields.
  await panel.getByTestId('edit-kind-retitle').check()
  await panel.getByTestId('edit-title-headline').fill('大足英才 智创未来')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-titles')).toContainText('大足英才 智创未来')
  await panel.getByTestId('edit-apply').click()
  await expect(pane.headline).toHaveText('大足英才 智创未来')

  // "Corrected", with the history and the text as printed.
  const notice = pane.root.getByTestId('extraction-notice')
  await notice.getByTestId('article-corrected').locator('summary').click()
  const history = notice.getByTestId('edit-history-entry')
  await expect(history).toHaveCount(2)
  await expect(history.first()).toContainText(/天皮夹牙\s*许远 → 英才评选活动/)
  await expect(history.first()).toContainText('garbled in the PDF')
  await page.screenshot({ path: testInfo.outputPath('edit-history.png'), fullPage: false })

  // Undo the retitle from the edit mode's history.
  await panel
    .locator('[data-testid="edit-history-entry"][data-kind="retitle"]')
    .getByTestId('edit-undo')
    .click()
  await expect(pane.headline).toHaveText('大王共才 智利未来')

  // Search finds the corrected words.
  await ui.open('#/search?q=英才评选活动')
  await expect(page.locator(`[data-testid="search-hit"][data-article-id="${A4}"]`)).toBeVisible()

  // Type.
  await ui.open('#/library?a=xinyu-2022-07-15/p1/a3')
  await pane.button('edit-article').click()
  await panel.getByTestId('edit-kind-retype').check()
  await panel.getByTestId('edit-type').selectOption('notice')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-type')).toBeVisible()
  await panel.getByTestId('edit-apply').click()
  await expect(pane.root.getByTestId('block-type')).toBeVisible()

  // Split here: the page gets one more block, which starts with the words given.
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a6')
  // The page's tab counts its blocks (a graphic like this one is not a contents entry).
  const tab = pane.pageTab(1)
  await expect(tab).toContainText('·')
  const blocks = async (): Promise<number> => Number(/·\s*(\d+)/.exec(await tab.innerText())?.[1])
  const before = await blocks()
  await pane.button('edit-article').click()
  await panel.getByTestId('edit-kind-split').check()
  await panel.getByTestId('edit-split-before').fill('解决企业资金需求问题')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-articles')).toContainText('解决企业资金需求问题')
  await page.screenshot({ path: testInfo.outputPath('edit-split-preview.png') })
  await panel.getByTestId('edit-apply').click()
  await expect.poll(blocks).toBe(before + 1)
  await expect(pane.text).not.toContainText('解决企业资金需求问题')

  // Merge with next: back to as many as before.
  await panel.getByTestId('edit-kind-merge').check()
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-articles')).not.toContainText('解决企业资金需求问题')
  await panel.getByTestId('edit-apply').click()
  await expect.poll(blocks).toBe(before)
  await expect(pane.text).toContainText('解决企业资金需求问题')
})

test('an edit that would not apply says why and saves nothing', async ({ app }) => {
  const ui = new AppPage(app)
  await ui.open(`#/library?a=${A4}`)
  const pane = ui.reader.a
  await pane.button('edit-article').click()
  const panel = pane.root.getByTestId('edit-panel')
  await panel.getByTestId('edit-fix-find').fill('没有这几个字')
  await panel.getByTestId('edit-fix-replace').fill('x')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-error')).toContainText('没有这几个字')
  await expect(panel.getByTestId('edit-apply')).toHaveCount(0)
})

test('edit mode: unlink a continued story, then link its parts again', async ({
  app,
}, testInfo) => {
  const ui = new AppPage(app)
  const page = app.page
  const J1 = 'jiangbei-2023-07-13'
  await ui.open(`#/library?a=${J1}/p1/a1`)
  const pane = ui.reader.a
  const parts = pane.root.getByTestId('story-parts').getByTestId('story-part')
  await expect(parts).toHaveCount(2)
  await pane.button('edit-article').click()
  const panel = pane.root.getByTestId('edit-panel')

  // Unlink: the preview says the article then stands alone; saved, the story's parts are gone.
  await panel.getByTestId('edit-kind-unlink').check()
  await panel.getByTestId('edit-unlink-page').selectOption('2')
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-continuations')).toContainText(/stands alone|不再/)
  await panel.getByTestId('edit-apply').click()
  await expect(pane.root.getByTestId('story-parts')).toHaveCount(0)

  // Link: choose the part on page 2; the preview names the page, and the story is back.
  await panel.getByTestId('edit-kind-link').check()
  await panel.getByTestId('edit-link-target').selectOption(`${J1}/p2/a5`)
  await panel.getByTestId('edit-preview-button').click()
  await expect(panel.getByTestId('edit-preview-continuations')).toContainText(/2/)
  await page.screenshot({ path: testInfo.outputPath('edit-link-preview.png') })
  await panel.getByTestId('edit-apply').click()
  await expect(parts).toHaveCount(2)
  const history = panel.getByTestId('edit-history-entry')
  await expect(history).toHaveCount(2)
  await expect(panel.locator('[data-testid="edit-history-entry"][data-kind="link"]')).toHaveCount(1)
})
