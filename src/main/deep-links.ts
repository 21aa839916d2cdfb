// archive-reader:// deep links arrive three ways: in process.argv at first launch (Windows,
// Linux), in the argv of a second instance (forwarded by the single-instance lock), and as macOS
// `open-url` events. All become one in-app route (`#/…`) through the contract's routeOfDeepLink.
import { DEEP_LINK_SCHEME, routeOfDeepLink } from '../shared/deep-link'

/** The route of the first deep link among command-line arguments, if any. */
export function routeFromArgv(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    // Windows may quote the URL; Chromium may append switches after it.
    const candidate = arg.replace(/^"+|"+$/g, '')
    if (candidate.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) {
      const route = routeOfDeepLink(
        `${DEEP_LINK_SCHEME}${candidate.slice(DEEP_LINK_SCHEME.length)}`,
      )
      if (route) return route
    }
  }
  return undefined
}

/**
 * Arguments for app.setAsDefaultProtocolClient. A packaged app is its own executable; in
 * development Electron runs the app folder, which must be passed along for the OS to reopen it.
 * The Windows portable build runs from a temp folder it extracts itself to on every start
 * (process.execPath is there, and gone after exit): it registers the portable .exe the user
 * started, which electron-builder's launcher names in PORTABLE_EXECUTABLE_FILE.
 */
export function protocolClientArgs(opts: {
  defaultApp: boolean
  execPath: string
  appEntry: string | undefined
  portableExecutable?: string | undefined
}): { scheme: string; path?: string; args?: string[] } {
  if (opts.defaultApp && opts.appEntry) {
    return { scheme: DEEP_LINK_SCHEME, path: opts.execPath, args: [opts.appEntry] }
  }
  if (opts.portableExecutable) {
    return { scheme: DEEP_LINK_SCHEME, path: opts.portableExecutable, args: [] }
  }
  return { scheme: DEEP_LINK_SCHEME }
}

/**
 * Deep links for one window, held until its page listens. A link sent at did-finish-load can
 * arrive before React has subscribed (and be dropped), so main sends only after the preload
 * reports the first onNavigate listener (NAVIGATE_READY), and forgets readiness whenever the
 * window starts loading a new document. Only the latest link is kept: it is the one the user
 * clicked last.
 */
export class PendingRoute {
  private route: string | undefined
  private listening = false

  constructor(private readonly send: (route: string) => void) {}

  /** A link to open: sent now if the page listens, else held. */
  open(route: string): void {
    if (this.listening) this.send(route)
    else this.route = route
  }

  /** The page listens (NAVIGATE_READY from its main frame): send what was held. */
  ready(): void {
    this.listening = true
    const route = this.route
    this.route = undefined
    if (route) this.send(route)
  }

  /** A new document is loading: its page has not subscribed yet. */
  reset(): void {
    this.listening = false
  }

  /** The held link, taken (for a window that is created with it in its URL). */
  take(): string | undefined {
    const route = this.route
    this.route = undefined
    return route
  }
}
