// Fixtures: a fresh profile → the app → its page, for either project.
//   web       the reading-room server (one per worker, free port, in-process) and a new
//             browser context per test (a fresh profile: empty localStorage, no cookies)
//   electron  the built app with a fresh --user-data-dir per test (tests/e2e/support/electron.ts)
// Every request the page makes is recorded; a test fails if any leaves the machine.
import { test as base, expect } from '@playwright/test'
import type { Browser, BrowserContext, ElectronApplication, Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../../src/server/server'
import type { RunningServer } from '../../../src/server/server'
import { bundledArchiveDir } from '../../../src/node/paths'
import { RENDERER_OUT } from './build-renderer'
import { appArgs, launchElectronApp } from './electron'

export type AppKind = 'web' | 'electron'

export interface App {
  kind: AppKind
  page: Page
  /** Every URL requested since the app started. */
  requests: string[]
  /** Opens an in-app route (`#/…`) as a fresh page load. */
  open(hash?: string): Promise<void>
  /** The web context (downloads, clipboard permissions); undefined for Electron. */
  context: BrowserContext | undefined
  /** Electron only: the app (its main process: app.evaluate) and how to start it again. */
  electron?: {
    app: ElectronApplication
    executablePath: string
    userDataDir: string
    /** The command line of this app with `extra` arguments (a second instance). */
    args: (extra: string[]) => string[]
  }
}

/** Hosts a request may go to without leaving the machine. */
export function isLocalRequest(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  // app://reader is the Electron app's own page (src/main/app-protocol.ts).
  if (
    ['data:', 'blob:', 'file:', 'app:', 'about:', 'devtools:', 'chrome-extension:'].includes(
      u.protocol,
    )
  )
    return true
  const host = u.hostname.replace(/^\[|\]$/g, '')
  return host === '127.0.0.1' || host === 'localhost' || host === '::1'
}

let electronSkipPrinted = false

interface Workers {
  /** The archive the web project's server offers (an option: `test.use({ archiveDir })`). */
  archiveDir: string
  server: RunningServer | undefined
  /** One browser per worker (web only); each test gets its own context in it. */
  webBrowser: Browser | undefined
}

export const test = base.extend<{ app: App; electronArgs: string[] }, Workers>({
  /** Extra command-line arguments for the electron project (`test.use({ electronArgs })`). */
  electronArgs: [[], { option: true }],

  archiveDir: [bundledArchiveDir(), { scope: 'worker', option: true }],

  server: [
    async ({ archiveDir }, use, workerInfo) => {
      if (workerInfo.project.name !== 'web') {
        await use(undefined)
        return
      }
      // Another archive (a test fixture) gets its index in a temp folder, not beside its files.
      const bundled = archiveDir === bundledArchiveDir()
      const indexDir = bundled
        ? undefined
        : mkdtempSync(join(tmpdir(), 'archive-reader-e2e-index-'))
      const server = await startServer({
        archiveDir,
        ...(indexDir ? { indexPath: join(indexDir, 'index.bin') } : {}),
        host: '127.0.0.1',
        port: 0,
        staticDir: RENDERER_OUT,
        log: () => {},
      })
      if (!server.hasApp) throw new Error(`no built renderer in ${RENDERER_OUT}`)
      await use(server)
      await server.close()
      if (indexDir) rmSync(indexDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],

  webBrowser: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      if (workerInfo.project.name !== 'web') {
        await use(undefined)
        return
      }
      const browser = await playwright.chromium.launch(launchOptions)
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],

  app: async (
    { server, webBrowser, viewport, locale, colorScheme, bypassCSP, electronArgs },
    use,
    testInfo,
  ) => {
    const requests: string[] = []
    if (testInfo.project.name === 'electron') {
      const profile = mkdtempSync(join(tmpdir(), 'archive-reader-e2e-'))
      const launched = await launchElectronApp({ userDataDir: profile, args: electronArgs })
      if ('skipped' in launched) {
        // Said out loud, never silently: printed once per worker, and every skipped test
        // carries the reason as its annotation (shown by the list and HTML reporters).
        if (!electronSkipPrinted) console.log(`[electron] ${launched.skipped}`)
        electronSkipPrinted = true
        rmSync(profile, { recursive: true, force: true })
        testInfo.skip(true, launched.skipped)
        return
      }
      const page = launched.page
      page.on('request', (r) => requests.push(r.url()))
      if (colorScheme) await page.emulateMedia({ colorScheme })
      const start = page.url().replace(/#.*$/, '')
      await use({
        kind: 'electron',
        page,
        requests,
        context: undefined,
        electron: {
          app: launched.app,
          executablePath: launched.executablePath,
          userDataDir: profile,
          args: (extra) => appArgs(profile, extra),
        },
        // A fresh page load at the route, as in the web project: going to the same page with
        // another hash is only a hashchange (same document), so the page is reloaded there.
        async open(hash = '#/') {
          await page.goto(`${start}${hash}`)
          await page.reload({ waitUntil: 'domcontentloaded' })
        },
      })
      await launched.close()
      rmSync(profile, { recursive: true, force: true })
    } else {
      if (!webBrowser) throw new Error('no browser for the web project')
      const context = await webBrowser.newContext({
        viewport,
        locale,
        colorScheme,
        acceptDownloads: true,
        baseURL: server?.url,
        // The content-safety spec turns CSP off, so that the policy cannot hide an injection.
        ...(bypassCSP ? { bypassCSP } : {}),
      })
      context.on('request', (r) => requests.push(r.url()))
      const page = await context.newPage()
      await use({
        kind: 'web',
        page,
        requests,
        context,
        async open(hash = '#/') {
          await page.goto(`${server?.url ?? '/'}${hash}`)
        },
      })
      await context.close()
    }
    const external = requests.filter((u) => !isLocalRequest(u))
    expect(external, 'requests that left the machine').toEqual([])
  },
})

export { expect }
