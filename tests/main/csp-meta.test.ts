import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security-policy'
import { rendererCsp, rendererCspHtml } from '../../scripts/renderer-csp'
import { ROOT } from '../helpers'

const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8')
const metaOf = (page: string): string | undefined =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1]

describe('the CSP meta tag of the renderer page', () => {
  it('is the production policy (the same main sends with every app:// response)', () => {
    expect(metaOf(html)).toBe(contentSecurityPolicy())
  })
})

describe('rendererCspHtml (the Vite transform of electron.vite.config.ts)', () => {
  it('keeps the strict tag in the production build, unchanged', () => {
    const built = rendererCspHtml(html, 'build')
    expect(built).toBe(html)
    expect(metaOf(built)).toContain("style-src 'self'")
    expect(metaOf(built)).not.toContain('unsafe')
  })

  it('drops the tag in `npm run dev`, so Vite’s injected <style> elements apply (main sends the dev policy)', () => {
    const dev = rendererCspHtml(html, 'serve')
    expect(metaOf(dev)).toBeUndefined()
    expect(dev).not.toMatch(/Content-Security-Policy"/)
    // Only the tag went: the rest of the page is as written.
    expect(dev).toContain('<div id="root"></div>')
    expect(dev).toContain('<script type="module" src="./main.tsx"></script>')
    // The dev policy main applies as a header allows what Vite injects.
    expect(contentSecurityPolicy('http://localhost:5173')).toContain(
      "style-src 'self' 'unsafe-inline'",
    )
  })

  it('fails the build when the tag is loosened or missing, so a weaker page never ships', () => {
    const loose = html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    expect(() => rendererCspHtml(loose, 'build')).toThrow(/differs from contentSecurityPolicy/)
    const none = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, '')
    expect(() => rendererCspHtml(none, 'build')).toThrow(/no Content-Security-Policy meta tag/)
  })

  it('is applied per Vite mode: serve when there is a dev server, build otherwise', () => {
    const plugin = rendererCsp()
    const hook = plugin.transformIndexHtml as {
      order: string
      handler: (html: string, ctx: { server?: unknown }) => string
    }
    expect(hook.order).toBe('pre')
    expect(metaOf(hook.handler(html, { server: {} }))).toBeUndefined()
    expect(metaOf(hook.handler(html, {}))).toBe(contentSecurityPolicy())
  })
})
