// Launches the built Electron app for the `electron` e2e project, one fresh profile per test.
// Where Electron's binary is missing (as in CI containers without network), the app is not
// built, or Linux has no display (run under xvfb-run: `npm run test:e2e` does), it returns the
// reason instead, for the spec to skip with. By default the unpackaged app is driven (the binary
// in node_modules/electron with the repo folder); ARCHIVE_READER_APP names another app folder or
// a packaged executable — a release package has the inspector fuse off, which Playwright's
// _electron.launch needs, so that is said when the launch fails.
import { _electron } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { builtAppProblem, displayProblem, electronExecutable } from './electron-binary'
import { appTarget, targets } from './targets'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export interface LaunchOptions {
  userDataDir: string
  /** Extra command-line arguments, e.g. an archive-reader:// deep link. */
  args?: string[]
  /** Another archive folder than the app's own (passed as --archive=DIR). */
  archiveDir?: string
}

export type LaunchedApp = {
  page: Page
  app: ElectronApplication
  executablePath: string
  close: () => Promise<void>
}

/** What runs: ARCHIVE_READER_APP (an executable, or an app folder for the Electron binary). */
function launchTarget(): { executablePath: string; appFolder?: string } | { skipped: string } {
  const app = targets().app
  const chosen = app ? appTarget(app) : { kind: 'folder' as const, path: ROOT }
  // A tester who names an app that is not there is told so by a failure, not a skip.
  if ('problem' in chosen) throw new Error(chosen.problem)
  if (chosen.kind === 'executable') return { executablePath: chosen.path }
  const exe = electronExecutable(ROOT)
  if ('skipped' in exe) return exe
  const problem = builtAppProblem(chosen.path)
  return problem
    ? { skipped: problem }
    : { executablePath: exe.executablePath, appFolder: chosen.path }
}

/** The command line of the app (for a second instance, started outside Playwright). */
export function appArgs(userDataDir: string, extra: string[] = [], archiveDir?: string): string[] {
  const target = launchTarget()
  // An app folder is the first argument (its package.json's "main" is out/main/index.js); a
  // packaged executable is the app itself.
  const folder = 'appFolder' in target && target.appFolder ? [target.appFolder] : []
  const archive = archiveDir ? [`--archive=${archiveDir}`] : []
  return [...folder, `--user-data-dir=${userDataDir}`, ...archive, ...extra]
}

export async function launchElectronApp(
  opts: LaunchOptions,
): Promise<LaunchedApp | { skipped: string }> {
  const target = launchTarget()
  if ('skipped' in target) return { skipped: `Electron e2e skipped: ${target.skipped}` }
  const problem = displayProblem()
  if (problem) return { skipped: `Electron e2e skipped: ${problem}` }
  let app: ElectronApplication
  try {
    app = await _electron.launch({
      executablePath: target.executablePath,
      args: appArgs(opts.userDataDir, opts.args, opts.archiveDir),
      cwd: target.appFolder ?? ROOT,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } as Record<string, string>,
    })
  } catch (e) {
    // A release build has the inspector fuse off (electron-builder.yml), which Playwright needs.
    if (!target.appFolder)
      throw new Error(
        `could not drive ${target.executablePath}: ${(e as Error).message}\n` +
          "A release package has the EnableNodeCliInspectArguments fuse off, which Playwright's " +
          '_electron.launch needs: test its app folder instead (ARCHIVE_READER_APP=DIR with the ' +
          'package.json and out/ of the same build, e.g. the asar extracted with "npx asar extract").',
      )
    throw e
  }
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { page, app, executablePath: target.executablePath, close: () => app.close() }
}
