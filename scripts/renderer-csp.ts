// The renderer page's CSP meta tag, per Vite mode (used by electron.vite.config.ts).
//
// Production: the tag stays, and must be exactly contentSecurityPolicy() (src/main/security-policy.ts)
// — the build fails otherwise, so a loosened tag can never ship. (app:// responses carry the same
// policy as a header.)
// Development (`npm run dev`): the tag goes. Vite's dev server injects <style> elements (CSS
// imports, the fonts' @font-face) and an inline React-refresh preamble, which the strict tag
// blocks — the app then shows unstyled. Main sends the development policy as a header instead
// (contentSecurityPolicy(devServerUrl), security.ts), and a meta tag could only narrow it further.
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from '../src/main/security-policy'

const META =
  /[ \t]*<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>[ \t]*\n?/i

export function rendererCspHtml(html: string, mode: 'serve' | 'build'): string {
  const found = META.exec(html)
  if (!found) throw new Error('src/renderer/index.html has no Content-Security-Policy meta tag')
  if (mode === 'serve') return html.replace(META, '')
  if (found[1] !== contentSecurityPolicy())
    throw new Error(
      'The CSP meta tag in src/renderer/index.html differs from contentSecurityPolicy() in ' +
        'src/main/security-policy.ts: make them the same (the production page must stay strict).',
    )
  return html
}

/** Vite plugin: rendererCspHtml for the page, in the mode Vite runs in. */
export function rendererCsp(): Plugin {
  return {
    name: 'archive-reader:renderer-csp',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => rendererCspHtml(html, ctx.server ? 'serve' : 'build'),
    },
  }
}
