// Launches the built Electron app for the `electron` e2e project, one fresh profile per test.
// Where Electron's binary is missing (as in CI containers without network) or the app is not
// built, it returns the reason instead, for the spec to skip with.
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { builtAppProblem, electronExecutable } from './electron-binary'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface LaunchOptions {
  userDataDir: string
  /** Extra command-line arguments, e.g. an archive-reader:// deep link. */
  args?: string[]
}

export type LaunchedApp = { page: Page; app: ElectronApplication; close: () => Promise<void> }

export async function launchElectronApp(
  opts: LaunchOptions,
): Promise<LaunchedApp | { skipped: string }> {
  const exe = electronExecutable(ROOT)
  if ('skipped' in exe) return { skipped: `Electron e2e skipped: ${exe.skipped}` }
  const problem = builtAppProblem(ROOT)
  if (problem) return { skipped: `Electron e2e skipped: ${problem}` }
  const app = await _electron.launch({
    executablePath: exe.executablePath,
    // The repo folder is the app: package.json's "main" is out/main/index.js.
    args: [ROOT, `--user-data-dir=${opts.userDataDir}`, ...(opts.args ?? [])],
    cwd: ROOT,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { page, app, close: () => app.close() }
}
