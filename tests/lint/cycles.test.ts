// No import cycles in src/, type-only imports included (issue 10: a type cycle through seven
// renderer files and a runtime one between two components had crept in unseen). The graph is the
// TypeScript compiler's own reading of every import (scripts/import-graph.ts); the second test
// proves the check can fail, on files written for it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importCycles, readProject } from '../../scripts/import-graph'

describe('import cycles', () => {
  it('src/ has none, type-only or not', () => {
    const cycles = importCycles(readProject(), (f) => f.startsWith('src/'))
    expect(cycles.map((c) => c.join(' ↔ '))).toEqual([])
  })

  const dir = mkdtempSync(join(tmpdir(), 'cycles-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true })
      writeFileSync(join(dir, name), text)
    }
  }

  it('finds a type-only cycle, a runtime one, a re-export and a worker loaded by URL', () => {
    write({
      // type-only, three files: a → b → c → a
      'src/t/a.ts': `import type { B } from './b'\nexport type A = B[]\n`,
      'src/t/b.ts': `import type { C } from './c'\nexport type B = C\n`,
      'src/t/c.ts': `export type C = import('./a').A | number\n`,
      // runtime, through a re-export
      'src/r/x.tsx': `export { y } from './y'\nexport const x = 1\n`,
      'src/r/y.ts': `import { x } from './x'\nexport const y = x + 1\n`,
      // a worker that imports its loader's types
      'src/w/loader.ts': `export type Msg = string\nnew Worker(new URL('./worker.ts', import.meta.url))\n`,
      'src/w/worker.ts': `import type { Msg } from './loader'\nexport const m: Msg = ''\n`,
      // no cycle: d → e only
      'src/ok/d.ts': `import { e } from './e'\nexport const d = e\n`,
      'src/ok/e.ts': `export const e = 1\n`,
    })
    const cycles = importCycles(readProject(dir), (f) => f.startsWith('src/'))
    expect(cycles).toEqual([
      ['src/r/x.tsx', 'src/r/y.ts'],
      ['src/t/a.ts', 'src/t/b.ts', 'src/t/c.ts'],
      ['src/w/loader.ts', 'src/w/worker.ts'],
    ])
  })
})
