// Fixtures: a fresh profile → the app → its page, for either project.
//   web       the reading-room server (one per worker, free port, in-process; or the running one
//             at ARCHIVE_READER_E2E_URL) and a new browser context per test (a fresh profile:
//             empty localStorage, no cookies)
//   electron  the built app (or ARCHIVE_READER_APP) with a fresh --user-data-dir per test
//             (tests/e2e/support/electron.ts)
// The archive is ARCHIVE_READER_E2E_ARCHIVE or the seeds (support/targets.ts). A spec that checks
// the seeds' content says `test.use({ content: 'seeds' })` and skips, with the reason, elsewhere.
// Every request the page makes is recorded; a test fails if any leaves the machine.
import { test as base, expect } from '@playwright/test'
import type { Browser, BrowserContext, ElectronApplication, Page } from '@playwright/test'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../../src/server/server'
import type { RunningServer } from '../../../src/server/server'
import { bundledArchiveDir } from '../../../src/node/paths'
import { notIndex } from '../../helpers'
import { RENDERER_OUT } from './build-renderer'
import { appArgs, launchElectronApp } from './electron'
import { appTarget, archiveIsNotSeeds, serverIsNotSeeds, shippedArchive, targets } from './targets'

const TARGETS = targets()

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

/** Projects that drive a browser against the reading room (web, and visual: its screenshots). */
const isBrowser = (project: { name: string }): boolean => project.name !== 'electron'

let electronSkipPrinted = false
let notSeedsPrinted = false

/** What a spec needs of the archive: any archive at all, or the seeds' content exactly. */
export type ContentNeed = 'any' | 'seeds'

interface Workers {
  /**
   * The archive the app opens (an option: `test.use({ archiveDir })` for a spec's own fixture
   * archive); default ARCHIVE_READER_E2E_ARCHIVE, else the seeds.
   */
  archiveDir: string
  /** The server this worker started; undefined in electron and with ARCHIVE_READER_E2E_URL. */
  server: RunningServer | undefined
  /** Where the web project's page is served from: the worker's server or the given URL. */
  baseUrl: string | undefined
  /** Why the target is not the seeds' content (undefined: it is), once per worker. */
  notSeeds: string | undefined
  /** One browser per worker (web only); each test gets its own context in it. */
  webBrowser: Browser | undefined
  /**
   * `test.use({ editable: true })`: the web project's server serves a scratch copy of the
   * archive as a writable library (the edit mode's test mode, `serve --editable`).
   */
  editable: boolean
}

export const test = base.extend<
  { app: App; electronArgs: string[]; content: ContentNeed },
  Workers
>({
  /** Extra command-line arguments for the electron project (`test.use({ electronArgs })`). */
  electronArgs: [[], { option: true }],

  /** `test.use({ content: 'seeds' })`: the spec checks the seeds' pages, articles, hits. */
  content: ['any', { option: true }],

  archiveDir: [TARGETS.archiveDir, { scope: 'worker', option: true }],

  editable: [false, { scope: 'worker', option: true }],

  server: [
    async ({ archiveDir, editable }, use, workerInfo) => {
      // A running reading room serves its own archive: none is started (the app fixture skips a
      // spec that brings its own archive).
      if (!isBrowser(workerInfo.project) || TARGETS.url) {
        await use(undefined)
        return
      }
      // An editable server writes into its archive: it gets a copy, never the seeds themselves.
      const copy = editable ? mkdtempSync(join(tmpdir(), 'archive-reader-e2e-library-')) : undefined
      if (copy) cpSync(archiveDir, copy, { recursive: true, filter: notIndex })
      // Another archive (a test fixture) gets its index in a temp folder, not beside its files.
      const bundled = archiveDir === bundledArchiveDir() && !copy
      const indexDir = bundled
        ? undefined
        : mkdtempSync(join(tmpdir(), 'archive-reader-e2e-index-'))
      const server = await startServer({
        archiveDir: copy ?? archiveDir,
        ...(indexDir ? { indexPath: join(indexDir, 'index.bin') } : {}),
        ...(editable ? { editable: true } : {}),
        host: '127.0.0.1',
        port: 0,
        staticDir: RENDERER_OUT,
        log: () => {},
      })
      if (!server.hasApp) throw new Error(`no built renderer in ${RENDERER_OUT}`)
      await use(server)
      await server.close()
      if (indexDir) rmSync(indexDir, { recursive: true, force: true })
      if (copy) rmSync(copy, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],

  baseUrl: [
    async ({ server }, use) => {
      await use(TARGETS.url ?? server?.url)
    },
    { scope: 'worker' },
  ],

  notSeeds: [
    async ({ archiveDir }, use, workerInfo) => {
      if (isBrowser(workerInfo.project) && TARGETS.url) {
        await use(await serverIsNotSeeds(TARGETS.url))
        return
      }
      // A packaged app opens the archive it ships unless one is given.
      const app = TARGETS.app ? appTarget(TARGETS.app) : undefined
      const shipped =
        workerInfo.project.name === 'electron' &&
        !TARGETS.archiveFromEnv &&
        app &&
        'kind' in app &&
        app.kind === 'executable'
          ? shippedArchive(app.path)
          : undefined
      await use(archiveIsNotSeeds(shipped ?? archiveDir))
    },
    { scope: 'worker' },
  ],

  webBrowser: [
    async ({ playwright, launchOptions }, use, workerInfo) => {
      if (!isBrowser(workerInfo.project)) {
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
    {
      archiveDir,
      baseUrl,
      notSeeds,
      content,
      webBrowser,
      viewport,
      locale,
      colorScheme,
      bypassCSP,
      electronArgs,
    },
    use,
    testInfo,
  ) => {
    if (content === 'seeds' && notSeeds) {
      const reason = `checks the seeds' content, and ${notSeeds}`
      if (!notSeedsPrinted) console.log(`[archive] specs marked content: 'seeds' skip: ${reason}`)
      notSeedsPrinted = true
      testInfo.skip(true, reason)
    }
    const ownArchive = archiveDir !== TARGETS.archiveDir
    if (isBrowser(testInfo.project) && TARGETS.url && ownArchive)
      testInfo.skip(
        true,
        `serves its own archive (${archiveDir}), but ARCHIVE_READER_E2E_URL points at a running server`,
      )
    const requests: string[] = []
    if (testInfo.project.name === 'electron') {
      const profile = mkdtempSync(join(tmpdir(), 'archive-reader-e2e-'))
      // The app opens its own archive unless another is asked for (a spec's or the tester's).
      const other = archiveDir !== bundledArchiveDir() ? archiveDir : undefined
      const launched = await launchElectronApp({
        userDataDir: profile,
        args: electronArgs,
        ...(other ? { archiveDir: other } : {}),
      })
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
          args: (extra) => appArgs(profile, extra, other),
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
        baseURL: baseUrl,
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
          await page.goto(`${baseUrl ?? '/'}${hash}`)
        },
      })
      await context.close()
    }
    // A reading room at ARCHIVE_READER_E2E_URL may be on another machine: it is the app's own.
    const target = TARGETS.url ? `${new URL(TARGETS.url).origin}/` : undefined
    const external = requests.filter(
      (u) => !isLocalRequest(u) && !(target !== undefined && u.startsWith(target)),
    )
    expect(external, 'requests that left the machine').toEqual([])
  },
})

export { expect }
