import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  isAllowedPermission,
  isAllowedRequest,
  isAppPageUrl,
} from '../../src/main/security-policy'

const built = { rendererFileUrl: pathToFileURL('/opt/Archive Reader/out/renderer/index.html').href }
const dev = { ...built, devServerUrl: 'http://localhost:5173' }

describe('isAppPageUrl (who may call the archive, where the window may go)', () => {
  it('accepts the built page with any route', () => {
    const page = built.rendererFileUrl
    expect(isAppPageUrl(page, built)).toBe(true)
    expect(isAppPageUrl(`${page}#/issue/x?p=2`, built)).toBe(true)
    expect(isAppPageUrl(`${page}?lang=zh#/search?q=%E4%B8%AD`, built)).toBe(true)
  })

  it('refuses other files, other schemes, missing and malformed URLs', () => {
    expect(isAppPageUrl('file:///opt/Archive%20Reader/out/renderer/other.html', built)).toBe(false)
    expect(isAppPageUrl('file:///tmp/evil/index.html', built)).toBe(false)
    expect(
      isAppPageUrl('file://evilhost/opt/Archive%20Reader/out/renderer/index.html', built),
    ).toBe(false)
    expect(isAppPageUrl('https://example.com/', built)).toBe(false)
    expect(isAppPageUrl('http://localhost:5173/', built)).toBe(false)
    expect(isAppPageUrl('about:blank', built)).toBe(false)
    expect(isAppPageUrl(undefined, built)).toBe(false)
    expect(isAppPageUrl('', built)).toBe(false)
    expect(isAppPageUrl('not a url', built)).toBe(false)
  })

  it('accepts the dev server only in development, and only its origin', () => {
    expect(isAppPageUrl('http://localhost:5173/#/search', dev)).toBe(true)
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPageUrl('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isAppPageUrl('ws://localhost:5173/', dev)).toBe(false)
  })
})

describe('isAllowedRequest (offline means offline)', () => {
  it('allows the renderer folder, data:, blob: and DevTools', () => {
    const asset = new URL('assets/noto-serif-sc-400.woff2', built.rendererFileUrl).href
    expect(isAllowedRequest(asset, built)).toBe(true)
    expect(isAllowedRequest(built.rendererFileUrl, built)).toBe(true)
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', built)).toBe(true)
    expect(isAllowedRequest('blob:file:///1234', built)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', built)).toBe(true)
  })

  it('blocks the network and files outside the renderer folder', () => {
    for (const url of [
      'https://fonts.googleapis.com/css2?family=Noto+Serif+SC',
      'http://127.0.0.1:8080/api/issues',
      'wss://example.com/socket',
      'ftp://example.com/x',
      'file:///etc/passwd',
      'file:///opt/Archive%20Reader/out/main/index.js',
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
    const page = built.rendererFileUrl
    expect(isAllowedPermission('clipboard-sanitized-write', page, built)).toBe(true)
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://x.org/', built)).toBe(false)
    for (const p of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal']) {
      expect(isAllowedPermission(p, page, built), p).toBe(false)
    }
  })
})
