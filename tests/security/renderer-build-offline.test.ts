// Offline by construction: the built renderer (out/renderer, what Electron loads and the
// reading-room server serves) refers to nothing on the network. index.html and the CSS load only
// relative files and data: URLs; the JavaScript holds no absolute URL except identifiers that
// are never fetched (XML namespaces, JSON-schema ids, React's error-page link). The e2e offline
// spec checks the same thing at run time.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { RENDERER_OUT } from '../e2e/support/build-renderer'

/** Absolute URLs that may appear in the bundle because nothing ever requests them. */
const NEVER_FETCHED = [
  // XML namespaces React DOM uses to create SVG and MathML elements.
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xhtml',
  // React's minified error messages point people to this page; the app does not open it.
  'https://react.dev/errors/',
  // zod's JSON-schema output names the schema dialect; nothing is downloaded.
  'https://json-schema.org/draft/2020-12/schema',
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-04/schema#',
  // zod's URL check formats an IPv6 host into a string.
  'http://[${',
]

let files: { name: string; text: string }[] = []

beforeAll(async () => {
  // out/renderer is built (in production mode) by the Vitest global setup.
  const assets = join(RENDERER_OUT, 'assets')
  files = [
    { name: 'index.html', text: readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8') },
    ...readdirSync(assets)
      .filter((n) => /\.(js|css|html)$/.test(n))
      .map((n) => ({ name: `assets/${n}`, text: readFileSync(join(assets, n), 'utf8') })),
  ]
}, 120_000)

const of = (ext: string) => files.filter((f) => f.name.endsWith(ext))

describe('out/renderer loads nothing from the network', () => {
  it('has an index.html, a script and a stylesheet to check', () => {
    expect(of('.html')).toHaveLength(1)
    expect(of('.js').length).toBeGreaterThan(0)
    expect(of('.css').length).toBeGreaterThan(0)
  })

  it('index.html: every src and href is relative or data:', () => {
    const html = of('.html')[0]!.text
    const refs = [
      ...html.matchAll(/\b(?:src|href|action|poster|srcset)\s*=\s*["']([^"']*)["']/gi),
    ].map((m) => m[1] as string)
    expect(refs.length).toBeGreaterThan(1)
    for (const ref of refs) expect(ref, ref).toMatch(/^(\.\/|data:)/)
    expect(html).not.toMatch(/https?:\/\/|["'(]\/\/[a-z]/i)
    expect(html).toContain("default-src 'none'")
  })

  it('CSS: every url() is a bundled file or data:, no @import', () => {
    for (const { name, text } of of('.css')) {
      expect(text, name).not.toMatch(/@import/)
      const urls = [...text.matchAll(/url\(\s*["']?([^"')]*)/g)].map((m) => m[1] as string)
      for (const url of urls) expect(url, `${name}: ${url}`).toMatch(/^(\.\/[\w.-]+|data:)/)
    }
    // The bundled font is there: Chinese text needs no font from elsewhere.
    expect(of('.css').some((f) => /noto-serif-sc[\w-]*\.woff2/.test(f.text))).toBe(true)
  })

  it('JavaScript: no absolute URL but identifiers that are never fetched', () => {
    const unexpected: string[] = []
    for (const { name, text } of of('.js')) {
      for (const m of text.matchAll(/(?:https?:|wss?:)?\/\/[\w.[\]${}-]+[^\s"'`)]*/g)) {
        const url = m[0]
        if (!/^(https?|wss?):/.test(url)) continue // a comment or a path, not a URL
        if (NEVER_FETCHED.some((ok) => url.startsWith(ok))) continue
        unexpected.push(`${name}: ${url}`)
      }
      // APIs that reach other hosts in the background.
      for (const api of [
        'navigator.sendBeacon',
        'new WebSocket',
        'new EventSource',
        'importScripts',
      ])
        if (text.includes(api)) unexpected.push(`${name}: uses ${api}`)
    }
    expect(unexpected).toEqual([])
  })

  it('the check would catch a remote font, script or stylesheet', () => {
    const remote = [
      '@import url("https://fonts.googleapis.com/css2?family=Noto+Serif+SC")',
      'src:url(https://fonts.gstatic.com/s/notoserifsc/v1/x.woff2)',
    ]
    expect(/@import/.test(remote[0]!)).toBe(true)
    expect(/^(\.\/[\w.-]+|data:)/.test('https://fonts.gstatic.com/x.woff2')).toBe(false)
    expect(NEVER_FETCHED.some((ok) => 'https://cdn.example.com/lib.js'.startsWith(ok))).toBe(false)
  })
})
