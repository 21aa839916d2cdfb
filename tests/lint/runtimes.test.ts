// Each runtime is type-checked with only what exists where it runs (tsconfig.shared.json,
// tsconfig.web.json, tsconfig.node.json; `npm run typecheck` checks each), and each package is
// classed by where it runs (package.json). Read from the TypeScript programs themselves, so a
// declaration file that drags in another runtime's types (`/// <reference types="node" />`, the
// JSX runtime) fails here, not only an explicit `types` entry.
import ts from 'typescript'
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readProject } from '../../scripts/import-graph'
import { ROOT } from '../helpers'

interface Runtime {
  config: string
  /** The folders of src/ whose files this project checks (and may see). */
  layers: readonly string[]
  /** What it must not have in scope. */
  without: readonly ('DOM' | 'Node' | 'React')[]
}

const RUNTIMES: Record<string, Runtime> = {
  // Every process and the browser: neither DOM nor Node (types/web-platform.d.ts has the common
  // minimum), and no JSX.
  shared: { config: 'tsconfig.shared.json', layers: ['shared'], without: ['DOM', 'Node', 'React'] },
  // The browser: DOM and React, no Node.
  web: { config: 'tsconfig.web.json', layers: ['renderer', 'shared'], without: ['Node'] },
  // Node and Electron's processes: Node, no DOM, no React. The sandboxed preload is here too:
  // Electron's own declarations reference Node's, so lint (not types) keeps Node out of it.
  node: {
    config: 'tsconfig.node.json',
    layers: ['node', 'main', 'preload', 'server', 'cli', 'shared'],
    without: ['DOM', 'React'],
  },
}

const KIND_OF: Record<string, RegExp> = {
  DOM: /node_modules\/typescript\/lib\/lib\.(dom|webworker)[.\w]*\.d\.ts$/,
  Node: /node_modules\/@types\/node\//,
  React: /node_modules\/@types\/react(-dom)?\//,
}

// One parse of each file for the three programs (they share most of the shared layer and lib).
const cache = new Map<string, ts.SourceFile | undefined>()
function program(config: string): { roots: string[]; files: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )
  if (!parsed) throw new Error(`cannot read ${config}`)
  const host = ts.createCompilerHost(parsed.options)
  const read = host.getSourceFile.bind(host)
  host.getSourceFile = (name, lang, ...rest) => {
    const key = `${name}\0${JSON.stringify(lang)}`
    if (!cache.has(key)) cache.set(key, read(name, lang, ...rest))
    return cache.get(key)
  }
  const p = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host })
  const rel = (f: string): string => relative(ROOT, f).split(sep).join('/')
  return { roots: parsed.fileNames.map(rel), files: p.getSourceFiles().map((f) => rel(f.fileName)) }
}

let project: ReturnType<typeof readProject> | undefined
const modules = (): ReturnType<typeof readProject> => (project ??= readProject())

const layerOf = (f: string): string | undefined =>
  f.startsWith('src/') ? f.split('/')[1] : undefined

describe('a tsconfig per runtime', () => {
  const programs = new Map<string, ReturnType<typeof program>>()
  const get = (name: string): ReturnType<typeof program> => {
    if (!programs.has(name)) programs.set(name, program(RUNTIMES[name]!.config))
    return programs.get(name)!
  }

  for (const [name, rt] of Object.entries(RUNTIMES)) {
    it(`${rt.config}: src/${rt.layers.join(', src/')} only, without ${rt.without.join(', ')}`, () => {
      const { files } = get(name)
      const outside = files.filter((f) => layerOf(f) && !rt.layers.includes(layerOf(f)!))
      expect(outside, 'files of other layers in the program').toEqual([])
      for (const kind of rt.without) {
        const leaked = files.filter((f) => KIND_OF[kind]!.test(f))
        expect(leaked.slice(0, 3), `${kind} types in ${rt.config}`).toEqual([])
      }
    })
  }

  it("checks every file of src/ in its own runtime's project", () => {
    const home: Record<string, string> = {}
    for (const [name, rt] of Object.entries(RUNTIMES)) home[rt.layers[0]!] = name
    for (const l of RUNTIMES.node!.layers) home[l] ??= 'node'
    const src = [...modules().keys()].filter((f) => f.startsWith('src/'))
    const unchecked = src.filter((f) => {
      const name = home[layerOf(f)!]
      return !name || !get(name).roots.includes(f)
    })
    expect(unchecked, 'src files no runtime project has as its own').toEqual([])
  })
})

describe('dependencies classed by where they run', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  const builtins = new Set(builtinModules)
  const packageOf = (spec: string): string =>
    spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
  const isBuiltin = (spec: string): boolean =>
    spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)
  // Electron's binary is the runtime itself; electron-builder requires it in devDependencies.
  const PROVIDED = new Set(['electron'])
  const RUNS_FROM_SOURCE = ['main', 'node', 'shared', 'server', 'cli', 'preload']

  /** Package → the files of `layers` that import it (type-only imports aside: they vanish). */
  function importsOf(layers: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>()
    for (const m of modules().values()) {
      const layer = layerOf(m.file)
      if (!layer || !layers.includes(layer)) continue
      for (const { spec, typeOnly } of m.packages) {
        if (typeOnly || isBuiltin(spec)) continue
        const name = packageOf(spec)
        out.set(name, [...(out.get(name) ?? []), m.file])
      }
    }
    return out
  }

  it('every package src/main, node, shared, server, cli and preload import is a dependency', () => {
    const missing = [...importsOf(RUNS_FROM_SOURCE)]
      .filter(([name]) => !(name in pkg.dependencies) && !PROVIDED.has(name))
      .map(([name, files]) => `${name} (${files[0]})`)
    expect(missing).toEqual([])
  })

  it('every dependency is imported there; the renderer-only ones are devDependencies', () => {
    const used = importsOf(RUNS_FROM_SOURCE)
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d))).toEqual([])
    const renderer = [...importsOf(['renderer']).keys()].filter((n) => !used.has(n))
    expect(renderer.filter((n) => !(n in pkg.devDependencies))).toEqual([])
    for (const p of PROVIDED) expect(pkg.dependencies[p]).toBeUndefined()
  })
})
