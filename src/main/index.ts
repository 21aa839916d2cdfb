// Electron's main process: app lifecycle and wiring only. The archive itself is src/node's
// ArchiveService (via archive-host.ts); the rules (sender checks, allowed URLs, window state,
// deep links, menu) are pure modules beside this one.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { routeOfDeepLink } from '../shared/deep-link'
import type { MenuCommand } from '../shared/contract'
import {
  IMPORT_PROGRESS_EVENT,
  INDEX_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  NAVIGATE_EVENT,
  NAVIGATE_READY,
} from '../shared/ipc-channels'
import type { IndexStatus } from '../shared/types'
import { sweepStaleScratch } from '../node/import/scratch'
import { bundledArchiveDir } from '../node/paths'
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol'
import { archiveSources } from './archive-host'
import type { ArchiveSource } from './archive-host'
import { appCorrectionsEditor } from './corrections-host'
import { registerCorrectionsHandlers } from './corrections-ipc'
import { ImportController } from './import-controller'
import type { WorkerLike } from './import-controller'
import { registerImportHandlers } from './import-ipc'
import type { ImportWorkerData } from './import-worker-protocol'
import createImportWorker from './import-worker?nodeWorker'
import { LibraryHost } from './library-host'
import { PendingRoute, protocolClientArgs, routeFromArgv } from './deep-links'
import { awaitIndexWorker } from './index-worker-protocol'
import createIndexWorker from './index-worker?nodeWorker'
import { registerArchiveHandlers } from './ipc'
import { buildMenuTemplate, menuLocale } from './menu'
import { hardenAllWebContents, hardenSession } from './security'
import { contentSecurityPolicy, isAppPageUrl } from './security-policy'
import type { AppLocation } from './security-policy'
import { throttleStatus } from './status-throttle'
import { createAppWindow, loadApp } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const rendererDir = join(here, '../renderer')
const preloadPath = join(here, '../preload/index.cjs')
const location: AppLocation = {
  appOrigin: APP_ORIGIN,
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
}
const log = (message: string): void => console.log(`[archive-reader] ${message}`)

// Tests (and users) may point the profile elsewhere: one profile per run, one lock per profile.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir')
if (userDataSwitch) app.setPath('userData', resolve(userDataSwitch))

app.enableSandbox()
// Before the app is ready, or the scheme is not standard (no origin, no 'self').
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

let mainWindow: BrowserWindow | undefined
let host: LibraryHost | undefined
let importer: ImportController | undefined
/** Deep links wait until the page listens for them (the preload says so: NAVIGATE_READY). */
const links = new PendingRoute((route) => liveWindow()?.webContents.send(NAVIGATE_EVENT, route))
const firstRoute = routeFromArgv(process.argv)
if (firstRoute) links.open(firstRoute)

function liveWindow(): BrowserWindow | undefined {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined
}

function focusWindow(): void {
  const win = liveWindow()
  if (!win) return
  if (win.isMinimized()) win.restore()
  // A window still loading shows itself on ready-to-show; showing it now would flash it blank.
  if (!win.isVisible() && !win.webContents.isLoading()) win.show()
  win.focus()
}

function openRoute(route: string): void {
  links.open(route)
  // macOS keeps running with no window: a link then opens one (with the link in its URL).
  if (!liveWindow() && app.isReady() && host) createWindow()
  else focusWindow()
}

function sendMenuCommand(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? liveWindow()
  win?.webContents.send(MENU_COMMAND_EVENT, command)
}

const broadcastStatus = throttleStatus((status: IndexStatus) => {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(INDEX_PROGRESS_EVENT, status)
  }
})

function buildIndexInWorker(source: ArchiveSource, onProgress: (s: IndexStatus) => void) {
  return awaitIndexWorker(createIndexWorker({ workerData: source }), onProgress, log)
}

function createWindow(): void {
  const win = createAppWindow({
    preloadPath,
    userDataDir: app.getPath('userData'),
    title: app.getName(),
    log,
  })
  mainWindow = win
  // The archive opens after the first paint; calls that come earlier simply wait for it.
  const startArchive = (): void => void host?.ready().catch(() => {})
  win.once('ready-to-show', () => setImmediate(startArchive))
  setTimeout(startArchive, 3000)
  // A new document (a reload) has not subscribed to deep links yet: hold them again.
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) links.reset()
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined
  })
  // A link held for a window that did not exist yet opens as the page's own URL.
  loadApp(win, { devServerUrl: location.devServerUrl }, links.take()).catch((e: Error) =>
    log(`The app page failed to load: ${e.message}`),
  )
}

function registerProtocol(): void {
  // Registering writes to the OS (registry, desktop files): only the installed app does it by
  // default, so development and test runs leave the machine alone.
  if (!app.isPackaged && process.env.ARCHIVE_READER_REGISTER_PROTOCOL !== '1') return
  const client = protocolClientArgs({
    defaultApp: process.defaultApp === true,
    execPath: process.execPath,
    appEntry: process.argv[1] ? resolve(process.argv[1]) : undefined,
    portableExecutable: process.env.PORTABLE_EXECUTABLE_FILE,
  })
  const registered = client.path
    ? app.setAsDefaultProtocolClient(client.scheme, client.path, client.args)
    : app.setAsDefaultProtocolClient(client.scheme)
  if (!registered) log('Could not register archive-reader:// links.')
}

function start(): void {
  hardenAllWebContents(location, log)
  // macOS delivers links through open-url, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const route = routeOfDeepLink(url)
    if (route) openRoute(route)
  })
  app.on('second-instance', (_event, argv) => {
    const route = routeFromArgv(argv)
    if (route) openRoute(route)
    else focusWindow()
  })
  // The preload's first onNavigate listener: the page of the main window listens now.
  ipcMain.on(NAVIGATE_READY, (event) => {
    const win = liveWindow()
    if (!win || event.sender !== win.webContents) return
    // The window's own page: its top frame (no parent), at the app's origin.
    const frame = event.senderFrame
    if (!frame || frame.parent || !isAppPageUrl(frame.url, location)) return
    links.ready()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(() => {
      const userDataDir = app.getPath('userData')
      // `--archive=DIR` opens another archive folder in its place (read-only, like the bundled
      // one): testers point the e2e suite at a library's own archive (ARCHIVE_READER_E2E_ARCHIVE).
      const archiveSwitch = app.commandLine.getSwitchValue('archive')
      const bundledDir = archiveSwitch
        ? resolve(archiveSwitch)
        : app.isPackaged
          ? join(process.resourcesPath, 'archive')
          : bundledArchiveDir(here)
      // Another archive is never written to: its index goes to userData, as a packaged app's does.
      const packaged = app.isPackaged || archiveSwitch !== ''
      const [source, user] = archiveSources({ bundledDir, packaged, userDataDir })
      if (!source || !user) throw new Error('no archive to open')
      host = new LibraryHost({
        bundled: source,
        user,
        buildIndex: buildIndexInWorker,
        onStatus: broadcastStatus,
        log,
      })
      const archiveHost = host
      hardenSession(session.defaultSession, location, log)
      // The built renderer, read-only, with its CSP as a header (app-protocol.ts).
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({ rendererDir, csp: contentSecurityPolicy(), readFile, log }),
      )
      registerArchiveHandlers({
        archive: () => archiveHost.ready(),
        indexStatus: () => archiveHost.status(),
        isTrustedSender: (url) => isAppPageUrl(url, location),
        hiddenRoots: () => [source.dir, userDataDir, here],
        log,
      })
      // The edit mode: the library's issues are corrected in place, the bundled archive's in
      // the profile's overlay (corrections-host.ts).
      const editor = appCorrectionsEditor(archiveHost, { bundled: source, user })
      registerCorrectionsHandlers({
        editor: async () => {
          await archiveHost.ready()
          return editor
        },
        isTrustedSender: (url) => isAppPageUrl(url, location),
        hiddenRoots: () => [source.dir, userDataDir, here],
        log,
      })
      // Scratch folders of per-article imports whose app quit or crashed with the form open.
      for (const path of sweepStaleScratch()) log(`removed a stale import scratch folder ${path}`)
      importer = new ImportController({
        libraryDir: user.dir,
        other: () => ({
          label: 'the archive that comes with the app',
          dir: source.dir,
          indexPaths: [
            source.indexPath,
            ...(source.shippedIndexPath ? [source.shippedIndexPath] : []),
          ],
        }),
        startWorker: (data: ImportWorkerData) =>
          createImportWorker({ workerData: data }) as unknown as WorkerLike,
        onProgress: (progress) => {
          for (const win of BrowserWindow.getAllWindows())
            if (!win.isDestroyed()) win.webContents.send(IMPORT_PROGRESS_EVENT, progress)
        },
        onChanged: () => archiveHost.reloadUser(),
        userIssues: () => archiveHost.userIssueIds(),
        isBundledIssue: (id) => archiveHost.isBundledIssue(id),
        log,
      })
      registerImportHandlers({
        controller: importer,
        isTrustedSender: (url) => isAppPageUrl(url, location),
        hiddenRoots: () => [source.dir, userDataDir, here],
        zh: menuLocale(app.getLocale()) === 'zh',
        log,
      })
      app.on('before-quit', () => importer?.dispose())
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            locale: menuLocale(app.getLocale()),
            platform: process.platform,
            appName: app.getName(),
            dev: !app.isPackaged,
            send: sendMenuCommand,
            goBack: () => liveWindow()?.webContents.navigationHistory.goBack(),
            goForward: () => liveWindow()?.webContents.navigationHistory.goForward(),
          }),
        ),
      )
      registerProtocol()
      createWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createWindow()
      })
    })
    .catch((e: Error) => {
      log(`Start-up failed: ${e.stack ?? e.message}`)
      app.exit(1)
    })
}

if (app.requestSingleInstanceLock()) start()
else app.quit()
