// The project's import graph, read with the TypeScript compiler's own parser and module
// resolution (no extra tool): every relative import, type-only or not, re-export, dynamic
// `import()`, `import('x').T` type, and the worker entries Vite and Node load by URL
// (`new URL('./w.ts', import.meta.url)`, `./w?nodeWorker`). tests/lint/cycles.test.ts fails on
// an import cycle in src/ and tests/lint/dead-code.test.ts on an export nothing uses;
// `npx tsx scripts/import-graph.ts` prints both.
import ts from 'typescript'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** One import of a file by another: which of its exports it names ('*' = all of them). */
export interface Edge {
  from: string
  to: string
  typeOnly: boolean
  names: ReadonlySet<string> | '*'
}

export interface ModuleInfo {
  /** Path relative to ROOT, with '/'. */
  file: string
  edges: Edge[]
  /** Bare package specifiers this file imports, type-only or not. */
  packages: { spec: string; typeOnly: boolean }[]
  /** Names this file exports itself (not re-exports), with their line. */
  exports: Map<string, number>
  /** Identifiers used in the file outside its own declarations' names (for local use). */
  source: ts.SourceFile
}

const SCANNED = ['src', 'tests', 'scripts', 'bench', 'types']
const SKIP = new Set(['node_modules', 'fixtures', '.cache', 'out', 'dist'])

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (/\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p)
  }
}

/** Every TypeScript file of the project (src, tests, scripts, bench, the root configs). */
export function projectFiles(root = ROOT): string[] {
  const out: string[] = []
  for (const d of SCANNED) if (existsSync(join(root, d))) walk(join(root, d), out)
  for (const e of readdirSync(root)) if (/\.config\.ts$/.test(e)) out.push(join(root, e))
  return out.sort()
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  jsx: ts.JsxEmit.ReactJSX,
  resolveJsonModule: true,
}

function resolveSpec(spec: string, fromFile: string, root: string): string | undefined {
  const bare = spec.replace(/\?.*$/, '')
  const r = ts.resolveModuleName(bare, fromFile, OPTIONS, ts.sys).resolvedModule
  if (r && !r.isExternalLibraryImport)
    return relative(root, r.resolvedFileName).split(sep).join('/')
  const direct = resolve(dirname(fromFile), bare)
  if (existsSync(direct)) return relative(root, direct).split(sep).join('/')
  return undefined
}

const isRelative = (s: string): boolean => s.startsWith('./') || s.startsWith('../')

function hasExport(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  )
}

/** Reads one file: its edges, packages and own exports. */
export function readModule(abs: string, root = ROOT): ModuleInfo {
  const text = readFileSync(abs, 'utf8')
  const kind = abs.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const source = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, kind)
  const file = relative(root, abs).split(sep).join('/')
  const info: ModuleInfo = { file, edges: [], packages: [], exports: new Map(), source }
  const lineOf = (n: ts.Node): number =>
    source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1

  const add = (spec: string, typeOnly: boolean, names: Set<string> | '*'): void => {
    if (!isRelative(spec)) {
      if (!spec.startsWith('/')) info.packages.push({ spec, typeOnly })
      return
    }
    const to = resolveSpec(spec, abs, root)
    if (to) info.edges.push({ from: file, to, typeOnly, names })
  }

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause
      const names = new Set<string>()
      let all = false
      if (c?.name) names.add('default')
      const nb = c?.namedBindings
      if (nb && ts.isNamespaceImport(nb)) all = true
      if (nb && ts.isNamedImports(nb))
        for (const el of nb.elements) names.add((el.propertyName ?? el.name).text)
      const typeOnly =
        !!c?.isTypeOnly ||
        (!!nb && ts.isNamedImports(nb) && !c?.name && nb.elements.every((e) => e.isTypeOnly))
      // A bare `import './x'` runs the module for its effects: it uses the module, no name.
      add(node.moduleSpecifier.text, typeOnly && !!c, all ? '*' : names)
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const ec = node.exportClause
        const names =
          ec && ts.isNamedExports(ec)
            ? new Set(ec.elements.map((e) => (e.propertyName ?? e.name).text))
            : ('*' as const)
        add(node.moduleSpecifier.text, node.isTypeOnly, names)
      } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) info.exports.set(el.name.text, lineOf(el))
      }
    } else if (ts.isExportAssignment(node)) {
      info.exports.set('default', lineOf(node))
    } else if (hasExport(node)) {
      const isDefault = (ts.getModifiers(node as ts.HasModifiers) ?? []).some(
        (m) => m.kind === ts.SyntaxKind.DefaultKeyword,
      )
      if (isDefault) info.exports.set('default', lineOf(node))
      else if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name)) info.exports.set(d.name.text, lineOf(d))
      } else {
        const name = (node as ts.DeclarationStatement).name
        if (name && ts.isIdentifier(name)) info.exports.set(name.text, lineOf(node))
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, '*')
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      const q = node.qualifier
      const first = q ? (ts.isIdentifier(q) ? q.text : leftmost(q)) : undefined
      add(node.argument.literal.text, true, first ? new Set([first]) : '*')
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'URL' &&
      node.arguments?.[0] &&
      ts.isStringLiteral(node.arguments[0]) &&
      /^\.\.?\/.*\.tsx?$/.test(node.arguments[0].text)
    ) {
      // A worker entry loaded by URL: it is used as a whole (it runs).
      add(node.arguments[0].text, false, '*')
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return info
}

function leftmost(q: ts.QualifiedName): string {
  let n: ts.EntityName = q
  while (ts.isQualifiedName(n)) n = n.left
  return n.text
}

export function readProject(root = ROOT): Map<string, ModuleInfo> {
  const mods = new Map<string, ModuleInfo>()
  for (const f of projectFiles(root)) {
    const m = readModule(f, root)
    mods.set(m.file, m)
  }
  return mods
}

/**
 * The import cycles among files matching `within` (strongly connected components of more than
 * one file, or a file importing itself), type-only imports included: each as its files, sorted.
 */
export function importCycles(
  mods: Map<string, ModuleInfo>,
  within: (file: string) => boolean,
): string[][] {
  const adj = new Map<string, string[]>()
  for (const m of mods.values()) {
    if (!within(m.file)) continue
    adj.set(
      m.file,
      m.edges.filter((e) => within(e.to)).map((e) => e.to),
    )
  }
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const strong = (v: string): void => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of adj.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1 || (adj.get(v) ?? []).includes(v)) out.push(comp.sort())
    }
  }
  for (const v of adj.keys()) if (!idx.has(v)) strong(v)
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/** Whether `name` is used in `source` other than where it is declared or exported. */
function usedLocally(source: ts.SourceFile, name: string): boolean {
  let used = false
  const visit = (node: ts.Node): void => {
    if (used) return
    if (ts.isIdentifier(node) && node.text === name) {
      const p = node.parent
      const isDeclName =
        (ts.isFunctionDeclaration(p) ||
          ts.isClassDeclaration(p) ||
          ts.isInterfaceDeclaration(p) ||
          ts.isTypeAliasDeclaration(p) ||
          ts.isEnumDeclaration(p) ||
          ts.isVariableDeclaration(p)) &&
        p.name === node
      const isExportSpec = ts.isExportSpecifier(p)
      if (!isDeclName && !isExportSpec) used = true
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return used
}

export interface UnusedExport {
  file: string
  name: string
  line: number
  /** Used in its own file (only the `export` is unneeded) or not at all (dead). */
  usedInFile: boolean
  /** Imported only by tests (tests/): code kept alive by its own test. */
  onlyTests: boolean
}

/**
 * Exports of files under src/ that no other file imports by name (a namespace import, a
 * dynamic import or `export *` counts as using every name). `onlyTests` marks those that only
 * tests import.
 */
export function unusedExports(mods: Map<string, ModuleInfo>): UnusedExport[] {
  const usedBy = new Map<string, Map<string, Set<string>>>() // file → name → importers
  const usedAll = new Map<string, Set<string>>()
  for (const m of mods.values())
    for (const e of m.edges) {
      if (e.names === '*') {
        if (!usedAll.has(e.to)) usedAll.set(e.to, new Set())
        usedAll.get(e.to)!.add(m.file)
        continue
      }
      if (!usedBy.has(e.to)) usedBy.set(e.to, new Map())
      const byName = usedBy.get(e.to)!
      for (const n of e.names) {
        if (!byName.has(n)) byName.set(n, new Set())
        byName.get(n)!.add(m.file)
      }
    }
  const isTest = (f: string): boolean => f.startsWith('tests/')
  const out: UnusedExport[] = []
  for (const m of mods.values()) {
    if (!m.file.startsWith('src/')) continue
    for (const [name, line] of m.exports) {
      const importers = new Set([
        ...(usedBy.get(m.file)?.get(name) ?? []),
        ...(usedAll.get(m.file) ?? []),
      ])
      importers.delete(m.file)
      const real = [...importers].filter((f) => !isTest(f))
      if (real.length > 0) continue
      out.push({
        file: m.file,
        name,
        line,
        usedInFile: usedLocally(m.source, name),
        onlyTests: importers.size > 0,
      })
    }
  }
  return out
}

/** Files under src/ that nothing imports and that no build, bin or script starts. */
export function unreachableFiles(
  mods: Map<string, ModuleInfo>,
  entries: readonly string[],
): string[] {
  const seen = new Set<string>()
  const todo = [...entries]
  while (todo.length) {
    const f = todo.pop()!
    if (seen.has(f)) continue
    seen.add(f)
    for (const e of mods.get(f)?.edges ?? []) todo.push(e.to)
  }
  return [...mods.keys()].filter((f) => f.startsWith('src/') && !seen.has(f)).sort()
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mods = readProject()
  const cycles = importCycles(mods, (f) => f.startsWith('src/'))
  console.log(`${mods.size} files; ${cycles.length} import cycles in src/`)
  for (const c of cycles) console.log('  cycle: ' + c.join(' ↔ '))
  const unused = unusedExports(mods)
  for (const u of unused)
    console.log(
      `  unused export ${u.file}:${u.line} ${u.name}` +
        (u.onlyTests ? ' (tests only)' : '') +
        (u.usedInFile ? ' (used in its file)' : ' (dead)'),
    )
  console.log(`${unused.length} exports of src/ no other src file imports`)
}
