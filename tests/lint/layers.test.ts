// The layer rule (scripts/eslint-layers.js, wired in eslint.config.js) fails an import that
// breaks it, for every layer: another layer above or beside it, and a package that does not exist
// where the layer runs. Run through ESLint's own Node API on source text, as `npm run lint` would.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers'

const eslint = new ESLint({ cwd: ROOT })
const RULE = 'layers/allowed-imports'

/** The layer-rule messages ESLint reports for `code` as if it were the file `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) })
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message)
}

/** The layering README describes: which layers each layer may import besides itself. */
const LAYERS: Record<string, readonly string[]> = {
  shared: [],
  node: ['shared'],
  main: ['node', 'shared'],
  server: ['node', 'shared'],
  cli: ['node', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
}
const ALL = Object.keys(LAYERS)

/** A file two folders deep in `layer`, and an import from it of `target`'s module. */
const fileIn = (layer: string): string => `src/${layer}/deep/x.ts`
const importOf = (target: string): string => `import { y } from '../../${target}/y'\nvoid y\n`

describe('layer rule', () => {
  for (const from of ALL) {
    const allowed = LAYERS[from] ?? []
    const forbidden = ALL.filter((l) => l !== from && !allowed.includes(l))
    it(`src/${from}: imports of ${forbidden.map((l) => `src/${l}`).join(', ') || 'nothing'} fail`, async () => {
      for (const to of forbidden) {
        const errors = await layerErrors(fileIn(from), importOf(to))
        expect(errors, `src/${from} → src/${to}`).toHaveLength(1)
        expect(errors[0]).toContain(`src/${from} may not import src/${to}`)
      }
      // Type-only imports and re-exports are imports too.
      if (forbidden[0]) {
        const to = forbidden[0]
        const code = `import type { Y } from '../../${to}/y'\nexport type { Z } from '../../${to}/z'\nexport type T = Y\n`
        expect(await layerErrors(fileIn(from), code)).toHaveLength(2)
      }
    })

    it(`src/${from}: its own layer and ${allowed.join(', ') || 'no other'} pass`, async () => {
      for (const to of [from, ...allowed])
        expect(await layerErrors(fileIn(from), importOf(to)), `src/${from} → src/${to}`).toEqual([])
    })
  }

  it('judges where an import lands, not how it is spelled', async () => {
    // The renderer's own folders may share a name with a layer's (src/renderer/import is not
    // src/node/import); what counts is the folder of src/ the path resolves into.
    expect(await layerErrors('src/renderer/app/x.ts', `import '../import/y'\n`)).toEqual([])
    expect(await layerErrors('src/renderer/app/x.ts', `import '../../node/y'\n`)).toHaveLength(1)
    expect(await layerErrors('src/main/x.ts', `import '../../src/renderer/y'\n`)).toHaveLength(1)
    expect(await layerErrors('src/shared/x.ts', `import '../../package.json'\n`)).toEqual([
      'src/shared may not import files outside src/ (../../package.json).',
    ])
    // A dynamic import is an import.
    expect(await layerErrors('src/shared/x.ts', `void import('../node/y')\n`)).toHaveLength(1)
  })

  const runtime: [string, string, string][] = [
    ['shared', 'node:fs', 'Node built-ins'],
    ['shared', 'path', 'Node built-ins'],
    ['shared', 'electron', 'Electron'],
    ['shared', 'react', 'the UI libraries'],
    ['node', 'electron', 'Electron'],
    ['node', 'react-dom/client', 'the UI libraries'],
    ['main', 'react', 'the UI libraries'],
    ['server', 'electron', 'Electron'],
    ['cli', 'electron', 'Electron'],
    ['preload', 'node:fs', 'Node built-ins'],
    ['preload', 'react', 'the UI libraries'],
    ['renderer', 'node:path', 'Node built-ins'],
    ['renderer', 'fs/promises', 'Node built-ins'],
    ['renderer', 'electron', 'Electron'],
  ]
  it.each(runtime)('src/%s may not import %s (%s)', async (layer, spec, kind) => {
    const errors = await layerErrors(fileIn(layer), `import '${spec}'\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(kind)
  })

  it('lets each layer use what exists where it runs', async () => {
    const ok: [string, string][] = [
      ['shared', 'zod'],
      ['node', 'node:fs'],
      ['main', 'electron'],
      ['main', 'node:path'],
      ['preload', 'electron'],
      ['renderer', 'react'],
      ['server', 'node:http'],
      ['cli', 'node:util'],
    ]
    for (const [layer, spec] of ok)
      expect(await layerErrors(fileIn(layer), `import '${spec}'\n`), `${layer}: ${spec}`).toEqual(
        [],
      )
  })

  it('knows every folder of src/ as a layer, and refuses a file in an unknown one', async () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    expect(folders.sort()).toEqual([...ALL].sort())
    expect(await layerErrors('src/extra/x.ts', `export const x = 1\n`)).toEqual([
      'src/extra is not a layer: add it to LAYERS and FORBIDDEN in scripts/eslint-layers.js (and README).',
    ])
  })
})
