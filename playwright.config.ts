// Two projects over the same specs (tests/e2e): `web` runs Debian's Chromium against the
// reading-room server (started in-process per worker, on a free port); `electron` launches the
// built app through tests/e2e/support/electron.ts and skips, saying why, where Electron's binary
// or the build is missing.
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './scripts/chromium'

const chromiumPath =
  process.env.ARCHIVE_READER_CHROMIUM ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined)

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // A whole-session spec (offline, perf) takes over 30 s when the 2 shared cores are busy; the
  // limit is there to catch a hang, while each step still has its own expect timeout.
  timeout: 90_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
  },
  projects: [
    {
      name: 'web',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Playwright's own Chromium when the system one is absent.
          ...(chromiumPath ? { executablePath: chromiumPath } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron' },
  ],
})
