// README's architecture tree stays true: every folder and file it names exists, every name listed
// in a folder's parentheses — `search/ (query, ngram, …)` — is a module or folder there, and every
// folder of src/, of each layer and of the renderer is in the tree.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../helpers'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('\n## Architecture'))
const tree = section.slice(
  section.indexOf('```\n') + 4,
  section.indexOf('\n```', section.indexOf('```\n') + 4),
)

/** Each line of the tree with the folder its names are relative to (src/X, src/renderer/Y). */
function linesWithBase(): { line: string; base: string }[] {
  const out: { line: string; base: string }[] = []
  let base = ''
  for (const line of tree.split('\n')) {
    if (line.startsWith('tests/')) break
    const layer = /^(src\/[\w-]+)/.exec(line)
    const feature = /^ {2}([\w-]+)\/\s/.exec(line)
    if (layer) base = layer[1]!
    else if (feature) base = `src/renderer/${feature[1]}`
    else if (/^ {2}\S/.test(line)) base = 'src/renderer'
    out.push({ line: layer ? line.slice(layer[1]!.length) : line, base })
  }
  return out
}

/** A folder named in the tree: `name/` after a space, a parenthesis or a comma. */
const FOLDER = /(?:^|[\s(,])([a-z][\w-]*)\/(?=[\s,)]|$)/g
const exists = (p: string): boolean => existsSync(join(ROOT, p))
const layerOf = (base: string): string => base.split('/').slice(0, 2).join('/')

function findFile(dir: string, name: string): boolean {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (e.isDirectory() ? findFile(`${dir}/${e.name}`, name) : e.name === name) return true
  }
  return false
}

describe("README's architecture tree", () => {
  it('is there', () => {
    expect(tree).toContain('src/shared')
    expect(tree).toContain('src/renderer')
  })

  it('names only folders and files that exist', () => {
    const missing: string[] = []
    for (const { line, base } of linesWithBase()) {
      const layer = layerOf(base)
      for (const m of line.matchAll(FOLDER))
        if (!exists(`${layer}/${m[1]}`)) missing.push(`${layer}/${m[1]}`)
      for (const m of line.matchAll(/([\w-]+\.(?:tsx?|html))\b/g))
        if (!findFile(layer, m[1]!)) missing.push(`${layer}/…/${m[1]}`)
      // `folder/ (a, b, c: what c is)`: each of a, b, c is a module or a folder in it.
      for (const m of line.matchAll(/([a-z][\w-]*)\/ \(([^)]*)\)?/g)) {
        const names = m[2]!
          .split(',')
          .map((n) => n.trim().split(/[:\s]/)[0]!)
          .filter(Boolean)
        for (const n of names) {
          const p = `${layer}/${m[1]}/${n}`
          if (!['.ts', '.tsx', ''].some((ext) => exists(p + ext))) missing.push(p)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('names every folder of src/, of each layer and of the renderer', () => {
    const named = new Set<string>()
    for (const { line, base } of linesWithBase()) {
      named.add(layerOf(base))
      for (const m of line.matchAll(FOLDER)) named.add(`${layerOf(base)}/${m[1]}`)
    }
    const folders = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${dir}/${e.name}`)
    const all = folders('src').flatMap((layer) => [layer, ...folders(layer)])
    expect(all.filter((f) => !named.has(f))).toEqual([])
  })
})
