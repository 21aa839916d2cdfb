// The one window factory: every window of the app is made here, locked down the same way, and
// remembers its size and position.
import { BrowserWindow, nativeTheme, screen } from 'electron'
import { join } from 'node:path'
import { APP_PAGE_URL } from './app-protocol'
import { loadWindowState, saveWindowState, stateOf, WINDOW_STATE_FILE } from './window-state'

export interface WindowOptions {
  preloadPath: string
  userDataDir: string
  title: string
  icon?: string | undefined
  log: (message: string) => void
}

export function createAppWindow(o: WindowOptions): BrowserWindow {
  const statePath = join(o.userDataDir, WINDOW_STATE_FILE)
  const workAreas = screen.getAllDisplays().map((d) => d.workArea)
  const state = loadWindowState(statePath, workAreas, o.log)
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: o.title,
    ...(o.icon ? { icon: o.icon } : {}),
    // Matches the page's background so there is no white flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1a17' : '#faf8f3',
    webPreferences: {
      preload: o.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // No auxclick events: a middle-click on a link can then never ask for a new window (which
      // the window-open handler would deny anyway). Electronegativity's AUXCLICK_JS_CHECK.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    if (state.fullScreen) win.setFullScreen(true)
    win.show()
  })
  trackWindowState(win, statePath, o.log)
  return win
}

/** Saves the window's normal bounds a moment after it stops moving, and when it closes. */
function trackWindowState(win: BrowserWindow, path: string, log: (m: string) => void): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (win.isDestroyed() || win.isMinimized()) return
    saveWindowState(
      path,
      stateOf(win.getNormalBounds(), win.isMaximized(), win.isFullScreen()),
      log,
    )
  }
  const later = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, 1000)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('maximize', later)
  win.on('unmaximize', later)
  win.on('close', save)
}

/**
 * Loads the app's page, at `route` (`#/…`) when given: app://reader/index.html (app-protocol.ts),
 * or Vite's dev server in development.
 */
export function loadApp(
  win: BrowserWindow,
  where: { devServerUrl?: string | undefined },
  route?: string,
): Promise<void> {
  return win.loadURL(`${where.devServerUrl ?? APP_PAGE_URL}${route ?? ''}`)
}
