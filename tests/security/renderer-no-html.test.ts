// The renderer never turns text into markup: archive text reaches the page only as React text
// children (escaped). A grep over src/renderer for every API that parses HTML or runs strings
// as code keeps it that way; tests/e2e/content-safety.spec.ts shows the result in a browser.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers'

const RENDERER = join(ROOT, 'src', 'renderer')

/** What parses HTML or evaluates strings; none of it belongs in the renderer. */
const FORBIDDEN: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML', /\.innerHTML\b|\binnerHTML\s*[:=]/],
  ['outerHTML', /\.outerHTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b|\bsrcDoc\b/],
  ['setHTMLUnsafe / parseHTMLUnsafe', /\b(set|parse)HTMLUnsafe\b/],
  ['eval', /(^|[^\w.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['string timers', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URLs', /['"`]\s*javascript:/i],
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.(tsx?|html)$/.test(e.name) ? [p] : []
  })
}

/** Code without comments, so a comment may name what it avoids. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

describe('src/renderer never injects text as HTML', () => {
  const files = sources(RENDERER)

  it('scans the whole renderer', () => {
    expect(files.length).toBeGreaterThan(40)
    expect(files.some((f) => f.endsWith('ArticleBody.tsx'))).toBe(true)
  })

  for (const [name, pattern] of FORBIDDEN) {
    it(`uses no ${name}`, () => {
      const hits = files.flatMap((f) =>
        code(readFileSync(f, 'utf8'))
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
          .filter(({ line }) => pattern.test(line))
          .map(({ line, at }) => `${at}: ${line.trim()}`),
      )
      expect(hits).toEqual([])
    })
  }

  it('the patterns do catch what they are for', () => {
    const caught = (line: string) => FORBIDDEN.some(([, p]) => p.test(code(line)))
    for (const bad of [
      '<div dangerouslySetInnerHTML={{ __html: text }} />',
      'el.innerHTML = text',
      'el.outerHTML',
      "el.insertAdjacentHTML('beforeend', s)",
      'document.write(s)',
      'eval(code)',
      'new Function(code)',
      "setTimeout('alert(1)', 0)",
      "href={'javascript:void 0'}",
      'new DOMParser().parseFromString(s, "text/html")',
    ])
      expect(caught(bad), bad).toBe(true)
    for (const fine of ['// never innerHTML here', 'const evaluate = 1', 'el.textContent = s'])
      expect(caught(fine), fine).toBe(false)
  })
})
