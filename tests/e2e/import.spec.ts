// The in-app import's UI (File → Import issues…), in the browser against a stand-in for main's
// import (tests/e2e/support/fake-import-bridge.ts): the report with errors blocks, metadata read
// from the text is marked and must be confirmed, edits are checked again, progress shows and a
// cancel leaves the library unchanged, the new issue gets the "my library" badge and can be
// removed. Main's real side is tested in tests/main/import-ipc.test.ts; Electron's preload
// by the electron project, where Electron is installed.
import { expect, test } from './support/fixtures'
import { shoot } from './support/shoot'
import type { App } from './support/fixtures'
import { fakeState, installFakeImport } from './support/fake-import-bridge'
import { AppPage } from './pages/AppPage'
import { ImportPage } from './pages/ImportPage'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

/** The library, in the browser, with the stand-in import bridge installed. */
async function openLibraryWithFakeImport(app: App): Promise<{ ui: AppPage; imp: ImportPage }> {
  await installFakeImport(app.page)
  const ui = new AppPage(app)
  const imp = new ImportPage(app.page)
  await ui.open('#/library')
  await expect(ui.library.root).toBeVisible()
  return { ui, imp }
}

test('report, correction, confirmation, progress, cancel, import and remove', async ({
  app,
}, testInfo) => {
  test.skip(app.kind !== 'web', 'the stand-in bridge is for the browser; Electron has the real one')
  const { ui, imp } = await openLibraryWithFakeImport(app)

  await imp.openButton.click()
  await expect(imp.dialog).toBeVisible()
  await expect(imp.dialog).toHaveAttribute('data-step', 'pick')
  await expect(imp.dialog.getByRole('heading', { name: '导入报刊到我的文库' })).toBeFocused()

  // A folder with a broken file and a file without a date: errors block the import.
  await imp.pickFolder()
  await expect(imp.dialog).toHaveAttribute('data-step', 'review')
  await expect(imp.verdict).toHaveAttribute('data-ok', 'false')
  await expect(imp.verdict).toContainText('5 个文件')
  await expect(imp.verdict).toContainText('2 个错误')
  await expect(imp.start).toBeDisabled()
  await expect(imp.file('batch/broken.txt')).toHaveAttribute('data-status', 'error')
  await expect(imp.problems('batch/broken.txt').first()).toHaveAttribute('data-code', 'decode')
  await expect(imp.problems('batch/broken.txt').first()).toContainText('无法识别编码')
  await expect(imp.file('batch/yuzhong-p4.txt')).toHaveAttribute('data-status', 'error')
  // Warnings do not block; they are said with their level in words.
  const p2 = imp.file('batch/jiangbei-2024-05-06-p2.txt')
  await expect(p2).toHaveAttribute('data-status', 'warning')
  await expect(p2.getByTestId('import-encoding')).toHaveText('GB18030 (自动识别)')
  await expect(p2.getByTestId('import-continuations')).toContainText('（下转4版） → 4')
  // Text from the report is text, never markup.
  await expect(imp.problems('batch/jiangbei-2024-05-06-p2.txt').first()).toContainText(
    '<b>not bold</b>',
  )
  await expect(p2.locator('b')).toHaveCount(0)
  // Metadata read from the text is marked, with what it was read from.
  const scan = imp.file('batch/scan-0003.txt')
  await expect(scan.locator('.import-field.from-text')).toHaveCount(3)
  await expect(scan.getByTestId('import-source').nth(2)).toContainText('从正文读取')
  await expect(scan.getByTestId('import-source').nth(2)).toContainText('2024年5月8日 星期三')
  await expect(imp.field('batch/scan-0003.txt', 'paperName')).toHaveAttribute('readonly', '')
  await shoot(app, testInfo, 'import-report-error')
  await scan.scrollIntoViewIfNeeded()
  await shoot(app, testInfo, 'import-read-from-text')
  await app.page.emulateMedia({ colorScheme: 'dark' })
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await shoot(app, testInfo, 'import-report-dark')
  await app.page.emulateMedia({ colorScheme: 'light' })

  // Other files: without the broken one. The missing date is entered in the form.
  await imp.dialog.getByTestId('import-pick-other').click()
  await imp.pickFiles()
  await expect(imp.dialog).toHaveAttribute('data-step', 'review')
  await expect(imp.verdict).toHaveAttribute('data-ok', 'false')
  await expect(imp.file('batch/broken.txt')).toHaveCount(0)
  await imp.field('batch/yuzhong-p4.txt', 'date').fill('2024-05-08')
  await expect(imp.dialog.getByTestId('import-edited')).toBeVisible()
  await expect(imp.start).toBeDisabled()
  // An invalid slug is caught before it is sent.
  await imp.field('batch/yuzhong-p4.txt', 'paper').fill('Yu Zhong')
  await expect(imp.check).toBeDisabled()
  await expect(imp.file('batch/yuzhong-p4.txt').getByRole('alert')).toContainText('无效')
  await imp.field('batch/yuzhong-p4.txt', 'paper').fill('yuzhong')
  await imp.check.click()
  await expect(imp.verdict).toHaveAttribute('data-ok', 'true')
  await expect(imp.file('batch/yuzhong-p4.txt')).toHaveAttribute('data-status', 'ok')
  await expect(imp.file('batch/yuzhong-p4.txt').getByTestId('import-source').nth(2)).toHaveText(
    '手动填写',
  )
  const planCalls = (await fakeState(app.page)).calls.filter((c) => c.method === 'plan')
  expect(planCalls.at(-1)?.args).toEqual([
    'sel-files',
    [{ file: 'batch/yuzhong-p4.txt', date: '2024-05-08' }],
  ])
  // Metadata read from the text must be confirmed.
  await expect(imp.start).toBeDisabled()
  await imp.confirm.check()
  await expect(imp.start).toBeEnabled()
  await expect(imp.start).toHaveText('导入 4 个版面')

  // Import, then cancel while pages are copied: nothing changes.
  await imp.start.click()
  await expect(imp.progress).toBeVisible()
  await expect(imp.dialog.getByTestId('import-progress-text')).toContainText('复制版面')
  await expect(imp.dialog.getByTestId('import-progress-file')).toContainText('batch/')
  await expect(imp.close).toBeDisabled()
  await shoot(app, testInfo, 'import-progress')
  await imp.cancel.click()
  await expect(imp.notice).toHaveText('已取消。您的文库没有改动。')
  await expect(imp.dialog).toHaveAttribute('data-step', 'pick')
  expect((await fakeState(app.page)).imported).toBe(false)

  // Check again (the date entered is kept), confirm, import.
  await imp.check.click()
  await expect(imp.verdict).toHaveAttribute('data-ok', 'true')
  await imp.confirm.check()
  await imp.start.click()
  await expect(imp.dialog).toHaveAttribute('data-step', 'done')
  await expect(imp.dialog.getByTestId('import-done')).toContainText('已将 4 个版面导入 2 期报纸')
  await expect(imp.dialog.getByTestId('import-done-issue')).toHaveCount(2)
  await shoot(app, testInfo, 'import-done')
  await imp.close.click()
  await expect(imp.dialog).toHaveCount(0)

  // The library shows the new issue as the librarian's own.
  await ui.library.openPaper('jiangbei')
  await ui.page.getByTestId('year-chip').filter({ hasText: '2024' }).click()
  const row = ui.library.issueRow('jiangbei-2024-05-06')
  await expect(row).toHaveAttribute('data-library', 'user')
  await expect(row.getByTestId('my-library-badge')).toHaveText('我的文库')
  await expect(ui.library.issueRow('jiangbei-2023-07-13')).toBeHidden()
  await ui.page.getByTestId('year-chip').filter({ hasText: '2023' }).click()
  await expect(ui.library.issueRow('jiangbei-2023-07-13').getByTestId('remove-issue')).toHaveCount(
    0,
  )
  await ui.page.getByTestId('year-chip').filter({ hasText: '2024' }).click()

  // Removed again, after a confirmation that offers keeping it first.
  await row.getByRole('button', { name: '从我的文库删除 江北报 2024年5月6日' }).click()
  await expect(row.getByTestId('remove-no')).toBeFocused()
  await row.getByTestId('remove-no').click()
  await expect(row.getByTestId('remove-confirm')).toHaveCount(0)
  await row.getByTestId('remove-issue').click()
  await row.getByTestId('remove-yes').click()
  await expect(ui.toast).toContainText('已从您的文库删除 江北报 2024年5月6日')
  await expect(ui.library.issueRow('jiangbei-2024-05-06')).toHaveCount(0)
  expect((await fakeState(app.page)).calls.map((c) => c.method)).toContain('removeIssue')
})

test('the menu command opens the dialog; a cancelled check changes nothing; Escape closes', async ({
  app,
}) => {
  test.skip(app.kind !== 'web', 'the stand-in bridge is for the browser; Electron has the real one')
  const { ui, imp } = await openLibraryWithFakeImport(app)
  await ui.page.evaluate(() =>
    (window as unknown as { __fakeImport: { menu: (c: string) => void } }).__fakeImport.menu(
      'import-issues',
    ),
  )
  await expect(imp.dialog).toBeVisible()
  // Single-key shortcuts do not act behind the dialog.
  await ui.page.keyboard.press('s')
  await expect(ui.reader.b.root).toHaveCount(0)
  await ui.page.evaluate(() => {
    ;(window as unknown as { __fakeImport: { holdPlan: boolean } }).__fakeImport.holdPlan = true
  })
  await imp.pickFolder()
  await imp.cancel.click()
  await expect(imp.notice).toHaveText('已取消。您的文库没有改动。')
  await expect(imp.dialog.getByTestId('import-selection')).toContainText('batch')
  await ui.page.keyboard.press('Escape')
  await expect(imp.dialog).toHaveCount(0)
  expect((await fakeState(app.page)).calls.map((c) => c.method)).not.toContain('commit')
})

test('the reading room (no import bridge) offers no import', async ({ app }) => {
  test.skip(app.kind !== 'web', 'the browser is the reading room')
  const ui = new AppPage(app)
  await ui.open('#/library')
  await expect(ui.library.root).toBeVisible()
  await expect(ui.page.getByTestId('library-import')).toHaveCount(0)
  await expect(ui.page.getByTestId('my-library-badge')).toHaveCount(0)
})
