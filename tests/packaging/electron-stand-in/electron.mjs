// A STAND-IN FOR THE `electron` MODULE — not Electron. The packaging smoke test
// (tests/packaging/main-smoke.test.ts) loads the built main bundle with this module in place of
// `electron`, to check OUR wiring in the built and packaged layouts: what main registers, in
// which order, with which files. Nothing here behaves like Chromium; a real Electron run is
// `npm run test:e2e` where the binary is installed. Every call main makes is recorded in
// `standIn.calls`, in order.
import { EventEmitter } from 'node:events'

export const standIn = {
  /** [what, detail] in the order main did it. */
  calls: [],
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  protocolHandlers: new Map(),
  privilegedSchemes: [],
  windows: [],
  /** What the stand-in's open dialog answers, one per call. */
  dialogAnswers: [],
  /** Set by the driver before main is imported. */
  packaged: false,
  userData: '',
  readyAt: undefined,
}
const record = (what, detail) => standIn.calls.push([what, detail])

let resolveReady
const ready = new Promise((r) => (resolveReady = r))
let isReady = false

class App extends EventEmitter {
  get isPackaged() {
    return standIn.packaged
  }
  commandLine = {
    getSwitchValue: (name) => {
      const arg = process.argv.find((a) => a.startsWith(`--${name}=`))
      return arg ? arg.slice(name.length + 3) : ''
    },
  }
  setPath(name, path) {
    record('app.setPath', `${name}=${path}`)
    if (name === 'userData') standIn.userData = path
  }
  getPath(name) {
    if (name === 'userData') return standIn.userData
    throw new Error(`stand-in: app.getPath(${name}) is not modelled`)
  }
  enableSandbox() {
    record('app.enableSandbox')
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock')
    return true
  }
  whenReady() {
    record('app.whenReady')
    return ready
  }
  isReady() {
    return isReady
  }
  getName() {
    return 'Archive Reader'
  }
  getLocale() {
    return 'en-US'
  }
  setAsDefaultProtocolClient(...args) {
    record('app.setAsDefaultProtocolClient', args)
    return true
  }
  quit() {
    record('app.quit')
  }
  exit(code) {
    record('app.exit', code)
    process.exitCode = code
  }
}
export const app = new App()

/** The driver makes the app "ready" (Electron: after its own start-up). */
export function makeReady() {
  isReady = true
  standIn.readyAt = standIn.calls.length
  record('app.ready')
  resolveReady()
}

class WebContents extends EventEmitter {
  sent = []
  loading = true
  mainFrame = { url: '', parent: null }
  navigationHistory = { goBack() {}, goForward() {} }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args])
  }
  isLoading() {
    return this.loading
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents()
    this.destroyed = false
    standIn.windows.push(this)
    record('new BrowserWindow', { preload: options?.webPreferences?.preload })
    app.emit('web-contents-created', {}, this.webContents)
  }
  static getAllWindows() {
    return standIn.windows.filter((w) => !w.destroyed)
  }
  static getFocusedWindow() {
    return undefined
  }
  static fromWebContents(contents) {
    return standIn.windows.find((w) => w.webContents === contents)
  }
  async loadURL(url) {
    record('win.loadURL', url)
    this.webContents.mainFrame.url = url
    this.url = url
  }
  async loadFile(file, options) {
    record('win.loadFile', { file, options })
    this.url = `file://${file}`
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return false
  }
  isVisible() {
    return false
  }
  isMaximized() {
    return false
  }
  isFullScreen() {
    return false
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 }
  }
  restore() {}
  show() {}
  focus() {}
  maximize() {}
  setFullScreen() {}
}

export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', channel)
    standIn.ipcHandlers.set(channel, handler)
  },
  removeHandler(channel) {
    standIn.ipcHandlers.delete(channel)
  },
  on(channel, listener) {
    record('ipcMain.on', channel)
    standIn.ipcListeners.set(channel, listener)
  },
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes)
    if (isReady)
      throw new Error('stand-in: registerSchemesAsPrivileged after ready (Electron refuses)')
    standIn.privilegedSchemes.push(...schemes)
  },
  handle(scheme, handler) {
    record('protocol.handle', scheme)
    standIn.protocolHandlers.set(scheme, handler)
  },
}

const webRequest = {
  onBeforeRequest(fn) {
    record('session.webRequest.onBeforeRequest')
    standIn.onBeforeRequest = fn
  },
  onHeadersReceived(fn) {
    record('session.webRequest.onHeadersReceived')
    standIn.onHeadersReceived = fn
  },
}
export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    webRequest,
    setPermissionRequestHandler(fn) {
      standIn.permissionRequest = fn
    },
    setPermissionCheckHandler(fn) {
      standIn.permissionCheck = fn
    },
  }),
}

export const dialog = {
  async showOpenDialog(...args) {
    record('dialog.showOpenDialog', args.length)
    return standIn.dialogAnswers.shift() ?? { canceled: true, filePaths: [] }
  },
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    record('Menu.setApplicationMenu')
    standIn.menu = menu
  },
}
export const nativeTheme = { shouldUseDarkColors: false }
export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  dialog,
  Menu,
  nativeTheme,
  screen,
}
