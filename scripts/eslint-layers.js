// The layer rule (in the spirit of VS Code's code-layering check): each folder of src/ is a
// layer, and an import may only point at the layer itself or at a layer it is allowed to use,
// and only at packages that exist where the layer runs. Resolved from the importing file's
// path, so `../../node/x` and `../node/x` are judged by where they land, not by how they look.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

/** Which layers each layer may import (besides itself). Imports point down. */
export const LAYERS = {
  shared: [],
  node: ['shared'],
  main: ['node', 'shared'],
  server: ['node', 'shared'],
  cli: ['node', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
}

const NODE = 'Node built-ins'
const ELECTRON = 'Electron'
const UI = 'the UI libraries (React, fonts)'

/** Which kinds of package each layer may not import, by where the layer runs. */
const FORBIDDEN = {
  shared: [NODE, ELECTRON, UI], // every process, the browser too
  node: [ELECTRON, UI], // Node: the CLI and the server run without Electron
  main: [UI],
  server: [ELECTRON, UI],
  cli: [ELECTRON, UI],
  preload: [NODE, UI], // a sandboxed preload has only Electron's renderer modules
  renderer: [NODE, ELECTRON], // the browser
}

const builtins = new Set(builtinModules)

function kindOf(spec) {
  if (spec.startsWith('node:') || builtins.has(spec.split('/')[0])) return NODE
  if (spec === 'electron' || spec.startsWith('electron/')) return ELECTRON
  if (/^(react|react-dom|scheduler)(\/|$)/.test(spec) || spec.startsWith('@fontsource/')) return UI
  return undefined
}

function layerOf(srcRoot, file) {
  const rel = relative(srcRoot, file)
  if (rel.startsWith('..') || rel === '') return undefined
  return rel.split(sep)[0]
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: "imports stay within a layer's allowed layers and runtime" },
    schema: [],
    messages: {
      layer: 'src/{{from}} may not import src/{{to}} ({{spec}}): src/{{from}} may use {{allowed}}.',
      outside: 'src/{{from}} may not import files outside src/ ({{spec}}).',
      runtime: 'src/{{from}} may not import {{kind}} ({{spec}}): they do not exist where it runs.',
      unknown:
        'src/{{from}} is not a layer: add it to LAYERS and FORBIDDEN in scripts/eslint-layers.js (and README).',
    },
  },
  create(context) {
    const file = context.filename
    const srcRoot = resolve(context.cwd, 'src')
    const from = layerOf(srcRoot, file)
    if (!from) return {}
    // A new folder of src/ would otherwise import anything unchecked.
    if (!(from in LAYERS))
      return { Program: (node) => context.report({ node, messageId: 'unknown', data: { from } }) }
    const check = (node, spec) => {
      if (typeof spec !== 'string') return
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        const to = layerOf(srcRoot, target)
        if (!to) return context.report({ node, messageId: 'outside', data: { from, spec } })
        if (to === from || LAYERS[from].includes(to)) return
        const allowed = LAYERS[from].map((l) => `src/${l}`).join(', ') || 'no other layer'
        return context.report({ node, messageId: 'layer', data: { from, to, spec, allowed } })
      }
      const kind = kindOf(spec)
      if (kind && FORBIDDEN[from].includes(kind))
        context.report({ node, messageId: 'runtime', data: { from, kind, spec } })
    }
    return {
      ImportDeclaration: (n) => check(n.source, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n.source, n.source.value),
      ExportAllDeclaration: (n) => check(n.source, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source, n.source.value),
      TSImportType: (n) => {
        const lit = n.argument?.literal ?? n.argument
        if (lit?.type === 'Literal') check(lit, lit.value)
      },
    }
  },
}

export default { rules: { 'allowed-imports': allowedImports } }
