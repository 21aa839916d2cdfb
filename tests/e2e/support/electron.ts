// Launches the built Electron app for the `electron` e2e project, one fresh profile per test.
// Where Electron's binary is missing (as in CI containers without network), the app is not
// built, or Linux has no display (run under xvfb-run: `npm run test:e2e` does), it returns the
// reason instead, for the spec to skip with. The unpackaged app is driven (the binary in
// node_modules/electron with the repo folder): a packaged release has the inspector fuse off,
// which Playwright's _electron.launch needs.
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { builtAppProblem, displayProblem, electronExecutable } from './electron-binary'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface LaunchOptions {
  userDataDir: string
  /** Extra command-line arguments, e.g. an archive-reader:// deep link. */
  args?: string[]
}

export type LaunchedApp = {
  page: Page
  app: ElectronApplication
  executablePath: string
  close: () => Promise<void>
}

/** The command line of the app (for a second instance, started outside Playwright). */
export function appArgs(userDataDir: string, extra: string[] = []): string[] {
  // The repo folder is the app: package.json's "main" is out/main/index.js.
  return [ROOT, `--user-data-dir=${userDataDir}`, ...extra]
}

export async function launchElectronApp(
  opts: LaunchOptions,
): Promise<LaunchedApp | { skipped: string }> {
  const exe = electronExecutable(ROOT)
  if ('skipped' in exe) return { skipped: `Electron e2e skipped: ${exe.skipped}` }
  const problem = builtAppProblem(ROOT) ?? displayProblem()
  if (problem) return { skipped: `Electron e2e skipped: ${problem}` }
  const app = await _electron.launch({
    executablePath: exe.executablePath,
    args: appArgs(opts.userDataDir, opts.args),
    cwd: ROOT,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { page, app, executablePath: exe.executablePath, close: () => app.close() }
}
