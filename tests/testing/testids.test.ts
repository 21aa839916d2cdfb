// The test-id catalogue in docs/testing.md (scripts/testids.ts) is current, and every id the e2e
// page objects and specs use is one a component renders — so a renamed or removed id fails here,
// in the unit run, with the file that still uses it, instead of as a timeout in Playwright.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  DOC,
  ROOT,
  bare,
  catalogue,
  renderCatalogue,
  rendered,
  usedIds,
  withCatalogue,
} from '../../scripts/testids'
import type { TestIdEntry } from '../../scripts/testids'
import { TESTID_NOTES } from '../../scripts/testid-notes'

let entries: TestIdEntry[]
// The type checker reads the whole renderer: seconds on an idle machine, far more on a busy one.
beforeAll(() => {
  entries = catalogue()
}, 120_000)

function e2eFiles(dir = join(ROOT, 'tests', 'e2e')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e2eFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

describe('test-id catalogue', () => {
  it('docs/testing.md lists the ids the renderer renders now', () => {
    const doc = readFileSync(DOC, 'utf8')
    const current = withCatalogue(doc, renderCatalogue(entries))
    expect(
      current === doc,
      'docs/testing.md: the test-id catalogue is stale; run "npm run testids"',
    ).toBe(true)
  })

  it('every id a page object or spec uses is rendered by a component', () => {
    const unknown = e2eFiles().flatMap((f) =>
      usedIds(readFileSync(f, 'utf8'))
        .filter((id) => !rendered(id, entries))
        .map((id) => `${relative(ROOT, f)}: ${id}`),
    )
    expect(unknown, 'test ids no component renders').toEqual([])
  })

  it('expands template ids the types know, keeps the rest as patterns, follows props', () => {
    const ids = new Set(entries.map((e) => e.id))
    for (const id of ['tab-library', 'tab-bookmarks', 'scope-all', 'pane-a', 'pane-b', 'next-page'])
      expect(ids, id).toContain(id)
    expect(rendered('tab-${name}', entries)).toBe(true)
    expect(rendered('import-field-${field}', entries)).toBe(true)
    expect(rendered('hit-open', entries)).toBe(true)
  })

  it('notices an id that is gone, and one no component has', () => {
    const without = entries.filter((e) => e.id !== 'search-input')
    expect(renderCatalogue(without)).not.toBe(renderCatalogue(entries))
    expect(rendered('search-input', without)).toBe(false)
    expect(rendered('no-such-id', entries)).toBe(false)
    expect(
      usedIds(`page.getByTestId('a-b'); x.locator('[data-testid="c-d"][data-x="1"]')`),
    ).toEqual(['a-b', 'c-d'])
  })

  it('says what each id marks', () => {
    const input = entries.find((e) => e.id === 'search-input')
    expect(input?.view).toBe('search')
    expect(entries.filter((e) => !e.marks)).toEqual([])
    // More than the tag: a comment above the element, its accessible name, or a note.
    const bareIds = entries.filter((e) => bare(e.marks)).map((e) => `${e.file}:${e.line} ${e.id}`)
    expect(bareIds, 'ids whose catalogue entry is only a tag: add a comment or a note').toEqual([])
  })

  it('has no note for an id nothing renders', () => {
    const ids = new Set(entries.map((e) => e.id))
    expect(Object.keys(TESTID_NOTES).filter((id) => !ids.has(id))).toEqual([])
    expect(bare('button[type=button]')).toBe(true)
    expect(bare('button[type=button] “Copy link”')).toBe(false)
  })
})
