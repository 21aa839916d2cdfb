// Applies the rules of security-policy.ts to Electron: to the session (requests, headers,
// permissions) and to every web contents the app creates (navigation, new windows, webviews).
import { app } from 'electron'
import type { Session, WebContents } from 'electron'
import {
  contentSecurityPolicy,
  isAllowedPermission,
  isAllowedRequest,
  isAppPageUrl,
} from './security-policy'
import type { AppLocation } from './security-policy'

export function hardenSession(session: Session, location: AppLocation, log: (m: string) => void) {
  const csp = contentSecurityPolicy(location.devServerUrl)
  const reported = new Set<string>()
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, location)
    if (!allowed && !reported.has(details.url)) {
      reported.add(details.url)
      log(`Blocked a request that would leave the app: ${details.url.slice(0, 200)}`)
    }
    callback({ cancel: !allowed })
  })
  // For the dev server's pages (app:// responses carry it already, app-protocol.ts; the meta tag
  // in index.html says the same for the production build).
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({})
      return
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isAllowedPermission(permission, details.requestingUrl, location)
    if (!allowed) log(`Denied the permission "${permission}" to ${details.requestingUrl}`)
    callback(allowed)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, details.requestingUrl ?? requestingOrigin, location),
  )
  // Saving is for what the page makes itself (bookmark and article exports as blob:/data: URLs),
  // through Electron's save dialog; anything else is cancelled.
  session.on('will-download', (event, item) => {
    if (!/^(blob|data):/.test(item.getURL())) {
      event.preventDefault()
      log(`Cancelled a download: ${item.getURL().slice(0, 200)}`)
    }
  })
}

/** Every web contents (windows, DevTools aside): no new windows, no leaving the app, no webviews. */
export function hardenAllWebContents(location: AppLocation, log: (m: string) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log(`Denied opening a window: ${url.slice(0, 200)}`)
      return { action: 'deny' }
    })
    const guard = (event: { preventDefault: () => void }, url: string): void => {
      if (isAppPageUrl(url, location)) return
      event.preventDefault()
      log(`Denied navigating away from the app: ${url.slice(0, 200)}`)
    }
    contents.on('will-navigate', (event) => guard(event, event.url))
    contents.on('will-redirect', (event) => guard(event, event.url))
    contents.on('will-frame-navigate', (event) => guard(event, event.url))
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
