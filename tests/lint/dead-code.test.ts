// Dead code fails here (issue 10: a module used only by its test, exports nothing called): every
// file of src/ is reached from an entry point, and every export of src/ is used — by another
// file, or in its own (knip's `ignoreExportsUsedInFile`: an exported type that names a parameter
// is documentation, not dead). An export only tests import must be listed below with why.
// `npx tsx scripts/import-graph.ts` prints the whole list, export keywords to drop included.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readProject, unreachableFiles, unusedExports } from '../../scripts/import-graph'
import { ROOT } from '../helpers'

/** What the builds and bins start (electron.vite.config.ts, index.html, package.json scripts). */
const ENTRIES = [
  'src/main/index.ts',
  'src/preload/index.ts',
  'src/renderer/main.tsx',
  'src/server/main.ts',
  'src/cli/main.ts',
]

/** Exports only tests use, and why they stay. */
const FOR_TESTS: Record<string, string> = {
  'src/preload/bridge.ts wireVerb':
    'the type-level test that a verb wired to another does not compile',
  'src/shared/search/engine.ts matchingArticles': 'the oracle of the search property tests',
  'src/shared/search/body-text.ts applyEdits':
    'the round-trip properties of the edits compare the display text alone',
  'src/shared/search/search-index.ts bodyOf':
    'the body-text and segments tests read a display body back (the app reads it with its map)',
  'src/shared/search/merge.ts mergeAll':
    'the segments test: a merged index answers as the split one',
  'src/shared/search/search-index.ts docText': 'the segments and OpenSearch tests read a doc back',
  'src/node/index-store.ts openSegmentFiles':
    'the index-files test counts the segment files a process holds open',
  'src/shared/search/term-dictionary.ts findTerm':
    'the dictionary property test (the engine uses findList, which also gives the end)',
  'src/renderer/ui/text-layout.ts layoutText':
    'the whole-text form of the chunked layout (layoutBlocks + blockParagraph) its tests check',
  'src/renderer/ui/persisted.ts storeProblems': 'the store problems outside React, for its test',
  'src/node/corrections-overlay.ts loadOverlay':
    "the overlay's reader (its test reads back what the editor saved); Electron's edit wiring is to use it",
  // Issue 14 (suggestions, quick open) is being built: its storage is about to use these.
  'src/shared/search/fields/field-index.ts fieldIndexJson':
    'issue 14: the field index file (in progress)',
  'src/shared/search/fields/field-index.ts loadFieldIndex':
    'issue 14: the field index file (in progress)',
  'src/shared/search/fields/term-code.ts decodeTerm': 'the inverse its round-trip test checks',
}

/** Exports nothing uses yet, of work in progress (take them out of here once used). */
const NOT_YET_USED: Record<string, string> = {
  'src/shared/search/search-index.ts bylineOf': 'issue 14: byline suggestions (in progress)',
}

describe('dead code', () => {
  const mods = readProject()

  it('every file of src/ is reached from an entry point', () => {
    for (const e of ENTRIES) expect(existsSync(join(ROOT, e)), e).toBe(true)
    expect(unreachableFiles(mods, ENTRIES)).toEqual([])
  })

  const unused = unusedExports(mods).filter((u) => !u.usedInFile)

  it('every export of src/ is used in src/', () => {
    const dead = unused
      .filter((u) => !u.onlyTests && !(`${u.file} ${u.name}` in NOT_YET_USED))
      .map((u) => `${u.file}:${u.line} ${u.name}`)
    expect(dead).toEqual([])
  })

  it('an export only tests use is listed with its reason', () => {
    // A listed one that src/ has since come to use is harmless here; an unlisted one fails.
    const onlyTests = unused.filter((u) => u.onlyTests).map((u) => `${u.file} ${u.name}`)
    expect(onlyTests.filter((e) => !(e in FOR_TESTS))).toEqual([])
  })
})
