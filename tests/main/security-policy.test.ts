import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, APP_PAGE_URL } from '../../src/main/app-protocol'
import {
  contentSecurityPolicy,
  isAllowedPermission,
  isAllowedRequest,
  isAppPageUrl,
} from '../../src/main/security-policy'

const built = { appOrigin: APP_ORIGIN }
const dev = { ...built, devServerUrl: 'http://localhost:5173' }

describe('isAppPageUrl (who may call the archive, where the window may go)', () => {
  it('accepts the page at the app origin with any route, whatever the case of scheme and host', () => {
    expect(isAppPageUrl(APP_PAGE_URL, built)).toBe(true)
    expect(isAppPageUrl(`${APP_PAGE_URL}#/issue/x?p=2`, built)).toBe(true)
    expect(isAppPageUrl(`${APP_PAGE_URL}?lang=zh#/search?q=%E4%B8%AD`, built)).toBe(true)
    expect(isAppPageUrl('APP://Reader/index.html#/', built)).toBe(true)
    expect(isAppPageUrl('app://reader/', built)).toBe(true)
  })

  it('refuses file:// pages (wherever they are), other hosts and schemes, missing and malformed URLs', () => {
    for (const url of [
      'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
      'file:///C:/Program%20Files/Archive%20Reader/resources/app.asar/out/renderer/index.html',
      'file:///tmp/evil/index.html',
      'app://evil/index.html',
      'app://reader.evil/index.html',
      'app://reader:8080/index.html',
      'apps://reader/index.html',
      'https://reader/index.html',
      'https://example.com/',
      'http://localhost:5173/',
      'about:blank',
      '',
      'not a url',
    ])
      expect(isAppPageUrl(url, built), url).toBe(false)
    expect(isAppPageUrl(undefined, built)).toBe(false)
  })

  it('accepts the dev server only in development, and only its origin', () => {
    expect(isAppPageUrl('http://localhost:5173/#/search', dev)).toBe(true)
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPageUrl('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isAppPageUrl('ws://localhost:5173/', dev)).toBe(false)
  })
})

describe('isAllowedRequest (offline means offline)', () => {
  it('allows the app origin, data:, blob: and DevTools', () => {
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/noto-serif-sc-400.woff2`, built)).toBe(true)
    expect(isAllowedRequest(APP_PAGE_URL, built)).toBe(true)
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', built)).toBe(true)
    expect(isAllowedRequest(`blob:${APP_ORIGIN}/1234`, built)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', built)).toBe(true)
  })

  it('blocks the network, every file:// URL and other custom origins', () => {
    for (const url of [
      'https://fonts.googleapis.com/css2?family=Noto+Serif+SC',
      'http://127.0.0.1:8080/api/issues',
      'wss://example.com/socket',
      'ftp://example.com/x',
      'file:///etc/passwd',
      'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
      'app://evil/x.js',
      'archive-reader://open#/',
      'chrome://gpu',
      'nonsense',
    ]) {
      expect(isAllowedRequest(url, built), url).toBe(false)
    }
  })

  it('allows the dev server and its HMR socket in development only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', built)).toBe(false)
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false)
  })
})

describe('contentSecurityPolicy', () => {
  it('is strict when built: scripts from the app only, nothing framed, posted or fetched elsewhere', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script|https?:/)
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).toBe("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-src 'none'")
    expect(csp).toContain("connect-src 'self'")
  })

  it('lets the dev server run React refresh and HMR', () => {
    const csp = contentSecurityPolicy('http://localhost:5173')
    expect(csp).toContain("'unsafe-inline'")
    expect(csp).toContain('ws://localhost:5173')
  })
})

describe('isAllowedPermission', () => {
  it('grants only clipboard writes, and only to the app page', () => {
    const page = APP_PAGE_URL
    expect(isAllowedPermission('clipboard-sanitized-write', page, built)).toBe(true)
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://x.org/', built)).toBe(false)
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(isAllowedPermission(p, page, built), p).toBe(false)
    }
  })
})
