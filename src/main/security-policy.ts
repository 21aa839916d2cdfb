// Which URLs are "the app": the renderer's page at its own origin (app://reader, served by
// app-protocol.ts when built; Vite's dev server in development). Origins are compared — scheme,
// host and port — never file paths, which differ in case and escaping from one OS to another.
// Pure functions, so the rules can be tested without Electron.

export interface AppLocation {
  /** The origin the built renderer is served from: app://reader (app-protocol.ts). */
  appOrigin: string
  /** Vite's dev server (electron-vite's ELECTRON_RENDERER_URL) in development, else undefined. */
  devServerUrl?: string | undefined
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/**
 * Scheme and host of a URL, lower-cased (for app://reader, whose WHATWG `origin` is "null"
 * because the scheme is not one the URL standard knows; Chromium treats it as standard).
 */
function originOf(u: URL): string {
  return `${u.protocol}//${u.host}`.toLowerCase()
}

function isAppOrigin(u: URL, app: AppLocation): boolean {
  const own = parse(app.appOrigin)
  return !!own && originOf(u) === originOf(own)
}

function isDevServer(u: URL, app: AppLocation): boolean {
  const dev = app.devServerUrl ? parse(app.devServerUrl) : undefined
  return !!dev && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin
}

/**
 * True when `url` is a page of the app's origin (any path, hash or query): the only frames
 * allowed to call the archive over IPC and the only place the window may navigate to.
 */
export function isAppPageUrl(url: string | undefined, app: AppLocation): boolean {
  const u = url ? parse(url) : undefined
  if (!u) return false
  return isAppOrigin(u, app) || isDevServer(u, app)
}

/**
 * Offline means offline: the app may load its own files (its origin), data:/blob: URLs it makes
 * itself, DevTools, and in development the dev server (http and its HMR websocket). Everything
 * else, file:// included, is cancelled.
 */
export function isAllowedRequest(url: string, app: AppLocation): boolean {
  const u = parse(url)
  if (!u) return false
  switch (u.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:': {
      const dev = app.devServerUrl ? parse(app.devServerUrl) : undefined
      return !!dev && u.host === dev.host
    }
    default:
      return isAppOrigin(u, app)
  }
}

/**
 * The Content-Security-Policy of the app's page. Scripts and styles only from the app itself
 * (no inline <script> or <style>, no style="" in markup); nothing may be
 * framed, posted or fetched from elsewhere. Vite's dev server needs inline scripts (React
 * refresh preamble), eval and its websocket, so development gets a looser policy.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? parse(devServerUrl) : undefined
  const ws = dev ? ` ws://${dev.host}` : ''
  return [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : "script-src 'self'",
    // React's style props go through the CSSOM, which CSP does not govern; only Vite's dev
    // server injects <style> elements.
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${ws}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** Permissions the app's own page may have: writing (never reading) the clipboard, for "copy link". */
export function isAllowedPermission(permission: string, requestingUrl: string, app: AppLocation) {
  return permission === 'clipboard-sanitized-write' && isAppPageUrl(requestingUrl, app)
}
