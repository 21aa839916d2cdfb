// archive-reader:// deep links arrive three ways: in process.argv at first launch (Windows,
// Linux), in the argv of a second instance (forwarded by the single-instance lock), and as macOS
// `open-url` events. All become one in-app route (`#/…`) through the contract's routeOfDeepLink.
import { DEEP_LINK_SCHEME, routeOfDeepLink } from '../shared/contract'

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
 */
export function protocolClientArgs(opts: {
  defaultApp: boolean
  execPath: string
  appEntry: string | undefined
}): { scheme: string; path?: string; args?: string[] } {
  if (opts.defaultApp && opts.appEntry) {
    return { scheme: DEEP_LINK_SCHEME, path: opts.execPath, args: [opts.appEntry] }
  }
  return { scheme: DEEP_LINK_SCHEME }
}
