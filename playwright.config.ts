// Two projects over the same specs (tests/e2e/*.spec.ts): `web` runs Debian's Chromium against
// the reading-room server (started in-process per worker, on a free port, or the one at
// ARCHIVE_READER_E2E_URL); `electron` launches the built app through tests/e2e/support/electron.ts
// and skips, saying why, where Electron's binary or the build is missing. A third, `visual`
// (tests/e2e/visual/*.visual.ts: screenshots against committed baselines), exists only with
// ARCHIVE_READER_VISUAL=1 (`npm run test:visual`), so another branch's deliberate UI change does
// not fail every run until its baselines are refreshed (docs/testing.md).
import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './scripts/chromium'

const chromiumPath =
  process.env.ARCHIVE_READER_CHROMIUM ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined)

const browser = {
  browserName: 'chromium' as const,
  launchOptions: {
    // Playwright's own Chromium when the system one is absent.
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: CHROMIUM_ARGS,
  },
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // One tsconfig for every file the specs import: looked up per file, Playwright would take
  // tsconfig.shared.json's `paths` for src/shared, which point @exodus/bytes at a declaration
  // file (types/exodus-bytes-encoding.d.ts) that has no code to run.
  tsconfig: './tsconfig.tools.json',
  globalSetup: './tests/e2e/support/global-setup.ts',
  // A whole-session spec (offline, perf) takes over 30 s when the 2 shared cores are busy; the
  // limit is there to catch a hang, while each step still has its own expect timeout.
  timeout: 90_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // JUnit and JSON beside the html report, for a tester's CI (docs/ci/e2e.yml).
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['junit', { outputFile: 'test-results/junit.xml' }],
    ['json', { outputFile: 'test-results/results.json' }],
  ],
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
    { name: 'web', use: browser },
    { name: 'electron' },
    ...(process.env.ARCHIVE_READER_VISUAL === '1'
      ? [
          {
            name: 'visual',
            testMatch: '**/*.visual.ts',
            use: browser,
            // One baseline per view, size and platform: tests/e2e/visual/baselines/NAME-linux.png.
            snapshotPathTemplate: '{testDir}/visual/baselines/{arg}-{platform}{ext}',
            expect: {
              toHaveScreenshot: {
                animations: 'disabled' as const,
                caret: 'hide' as const,
                scale: 'css' as const,
                threshold: 0.2,
                maxDiffPixelRatio: 0.01,
              },
            },
          },
        ]
      : []),
  ],
})
