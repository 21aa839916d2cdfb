// What only Electron has, through the real main process and the real preload: the in-app import
// with main's own file dialog stubbed in main (Joplin's setFilePickerResponse pattern: the
// dialog module's showOpenDialog is replaced from app.evaluate), its cancellation, the menu's
// own items, deep links on the command line and from a second instance. Skipped in the web
// project, and — saying why — where Electron's binary or a display is missing.
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ElectronApplication } from '@playwright/test'
import { expect, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { AppPage } from './pages/AppPage'
import { ImportPage } from './pages/ImportPage'
import { QuickOpenPage } from './pages/FindPage'
import { ROOT } from './support/electron'

// Opens the seeds' issues and articles by id: skipped, saying why, on another archive.
test.use({ content: 'seeds' })

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'import', 'mixed')
const CANCELLED = /已取消|Cancelled/

function electronOf(app: App): NonNullable<App['electron']> {
  test.skip(app.kind !== 'electron', 'Electron only: the web project has no main process')
  if (!app.electron) throw new Error('the electron project gave no Electron app')
  return app.electron
}

/** Main's next open dialogs answer with these paths (in main, where the real dialog lives). */
async function setFilePickerResponse(app: ElectronApplication, paths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, filePaths) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as never
  }, paths)
}

/** Clicks an item of the real application menu, found by its command id (src/main/menu.ts). */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  const found = await app.evaluate(({ Menu, BrowserWindow }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId)
    if (!item) return false
    const win = BrowserWindow.getAllWindows()[0]
    item.click(undefined, win, win?.webContents)
    return true
  }, id)
  expect(found, `menu item ${id}`).toBe(true)
}

test('import: main’s file dialog (stubbed in main) → report → import → the issue is in the library', async ({
  app,
}) => {
  const electron = electronOf(app)
  test.slow()
  await setFilePickerResponse(electron.app, [
    join(FIXTURE, 'jiangbei-2024-05-06-p1.txt'),
    join(FIXTURE, 'jiangbei-2024-05-06-p2.txt'),
  ])
  const ui = new AppPage(app)
  const imp = new ImportPage(app.page)
  await ui.open('#/library')
  await imp.openButton.click()
  await imp.pickFiles()
  await expect(imp.verdict).toHaveAttribute('data-ok', 'true', { timeout: 30_000 })
  if (await imp.confirm.isVisible()) await imp.confirm.check()
  await imp.start.click()
  await expect(imp.dialog).toHaveAttribute('data-step', 'done', { timeout: 30_000 })
  await expect(imp.dialog.getByTestId('import-done-issue')).toHaveCount(1)
  await app.page.keyboard.press('Escape')
  await expect(ui.library.issueRow('jiangbei-2024-05-06')).toHaveCount(1)
})

test('import: cancelling a check in progress says "cancelled" (not "failed") and changes nothing', async ({
  app,
}) => {
  const electron = electronOf(app)
  test.slow()
  // Enough pages that the check (in main's import worker) is still running when cancel is
  // pressed: 3000 copies of one page, each under its own name.
  const folder = mkdtempSync(join(tmpdir(), 'archive-reader-e2e-many-'))
  try {
    const page = join(FIXTURE, 'jiangbei-2024-05-06-p1.txt')
    mkdirSync(join(folder, 'batch'))
    for (let k = 0; k < 3000; k++)
      copyFileSync(page, join(folder, 'batch', `jiangbei-2024-05-06-p${(k % 900) + 1}-${k}.txt`))
    await setFilePickerResponse(electron.app, [join(folder, 'batch')])
    const ui = new AppPage(app)
    const imp = new ImportPage(app.page)
    await ui.open('#/library')
    const before = await ui.library.root.textContent()
    await imp.openButton.click()
    await imp.pickFolder()
    await expect(imp.progress).toBeVisible()
    await imp.cancel.click()
    // The error's name crossed contextBridge (as data): the dialog knows it was a cancel.
    await expect(imp.notice).toHaveText(CANCELLED)
    await expect(imp.notice).toHaveClass(/info/)
    await expect(imp.dialog).toHaveAttribute('data-step', 'pick')
    await app.page.keyboard.press('Escape')
    await expect(ui.library.root).toHaveText(before ?? '')
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

test('menu commands: the application menu’s own items reach the page', async ({ app }) => {
  const electron = electronOf(app)
  const ui = new AppPage(app)
  await ui.open('#/library?a=jiangbei-2023-07-13/p1/a1')
  await expect(ui.reader.a.root).toBeVisible()
  await clickMenu(electron.app, 'toggle-split')
  await expect(ui.reader.b.root).toBeVisible()
  await clickMenu(electron.app, 'open-bookmarks')
  await expect(ui.tab('bookmarks')).toHaveAttribute('aria-selected', 'true')
  // Go → Quick Open… (CmdOrCtrl+K): the dialog; Escape closes it.
  await clickMenu(electron.app, 'quick-open')
  const qo = new QuickOpenPage(app.page)
  await expect(qo.root).toBeVisible()
  await qo.input.press('Escape')
  await expect(qo.root).toHaveCount(0)
  await clickMenu(electron.app, 'focus-search')
  await expect(ui.searchInput).toBeFocused()
  await clickMenu(electron.app, 'import-issues')
  await expect(new ImportPage(app.page).dialog).toBeVisible()
})

test.describe('a deep link on the command line', () => {
  test.use({ electronArgs: ['archive-reader://open#/search?q=低碳&a=xinyu-2022-07-15'] })

  test('opens its view at start-up (argv)', async ({ app }) => {
    electronOf(app)
    const ui = new AppPage(app)
    await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true')
    await expect(ui.searchInput).toHaveValue('低碳')
    await expect(ui.reader.a.root).toHaveAttribute('data-issue-id', 'xinyu-2022-07-15')
  })
})

test('a deep link from a second instance opens in the running window', async ({ app }) => {
  const electron = electronOf(app)
  const ui = new AppPage(app)
  await ui.open('#/library')
  // The OS starts the app again with the link; the single-instance lock hands it to us and the
  // second process quits.
  const second = spawn(
    electron.executablePath,
    electron.args(['archive-reader://open#/search?q=低碳']),
    { cwd: ROOT, stdio: 'ignore' },
  )
  const exited = new Promise<number | null>((resolve) => second.on('exit', resolve))
  await expect(ui.tab('search')).toHaveAttribute('aria-selected', 'true', { timeout: 20_000 })
  await expect(ui.searchInput).toHaveValue('低碳')
  expect(await exited).toBe(0)
  expect(electron.app.windows()).toHaveLength(1)
})

test('a deep link that arrives while the page reloads is not lost', async ({ app }) => {
  const electron = electronOf(app)
  const ui = new AppPage(app)
  await ui.open('#/library')
  // Reload, and deliver a link at once — before the new page has subscribed.
  await Promise.all([
    app.page.reload(),
    electron.app.evaluate(({ app: a }) =>
      a.emit('second-instance', {}, ['archive-reader', 'archive-reader://open#/search?q=发展'], ''),
    ),
  ])
  await expect(ui.searchInput).toHaveValue('发展')
})
