// Kill the CLI in the middle of a correction (`edit fix-text`, the `correct` transaction of
// src/node/corrections-write.ts) at each of its write points in turn — the journal, the index
// segment, the staged index and corrections.json, the catalog (the commit point), the installs,
// the log — and check that the archive is the state before or the state after, never between:
// a reader opening it at once sees the old text and index answers or the new ones, the earlier
// correction is never lost, verify finds nothing wrong, recovery finishes or undoes the change
// (byte for byte the archive before, or exactly the one an uninterrupted edit leaves), and an
// undone edit can simply be made again.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLog } from '../../src/node/archive-log'
import { ArchiveService } from '../../src/node/archive-service'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { notIndex, SEEDS } from '../helpers'
import { runCli } from '../support/cli'
import { buildCliBundle, runCliChild } from '../support/crash-cli'
import { snapshot } from '../support/snapshot'

const X = 'xinyu-2022-07-15'
const J1 = 'jiangbei-2023-07-13'
const FIND = '遴选及资助'
const FIXED = '遴选和资助'
const EDIT = ['edit', 'fix-text', `${X}/p1/a4`, '--find', FIND, '--replace', FIXED]

let work: string
let bundle: string
let base: string
let beforeCatalog: string
let afterCatalog: string
let afterCorrections: string
let baseLogEntries: number

const notLog = (n: string): boolean => n === 'archive.log'

function fresh(name: string): string {
  const dir = join(work, name)
  cpSync(base, dir, { recursive: true })
  return dir
}

type State = 'before' | 'after'

/** What a reader opening the archive right now is shown (on a copy: opening may write an index). */
function readerSees(dir: string, name: string): { fixed: boolean; found: number; brief: boolean } {
  const copy = join(work, `${name}-reader`)
  cpSync(dir, copy, { recursive: true })
  try {
    const s = ArchiveService.open({ archiveDir: copy })
    const x = s.getIssueSync(X).pages.flatMap((p) => p.articles)
    const j = s.getIssueSync(J1).pages.flatMap((p) => p.articles)
    return {
      fixed: (x.find((a) => a.id === `${X}/p1/a4`)?.text ?? '').includes(FIXED),
      found: s.searchSync({ q: FIXED }).total,
      brief: j.find((a) => a.id === `${J1}/p1/a2`)?.type === 'brief',
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

/** The archive is one state or the other, as readers, verify and recovery see it. */
function check(dir: string, name: string): State {
  const catalog = readFileSync(join(dir, 'catalog.json'), 'utf8')
  const state: State | undefined =
    catalog === beforeCatalog ? 'before' : catalog === afterCatalog ? 'after' : undefined
  expect(state, 'the catalog is the one before or the one after').toBeDefined()
  // Before any recovery, a reader sees one whole state: text and index agree with the catalog.
  const seen = readerSees(dir, name)
  expect(seen).toEqual({ fixed: state === 'after', found: state === 'after' ? 1 : 0, brief: true })
  expect(verifyArchive(dir).errors).toEqual([])
  repairArchive(dir)
  expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
  expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(catalog)
  expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([])
  if (state === 'before') {
    expect(snapshot(dir, notLog)).toEqual(snapshot(base, notLog))
  } else {
    expect(readFileSync(join(dir, 'corrections.json'), 'utf8')).toBe(afterCorrections)
    expect(readLog(dir).entries).toHaveLength(baseLogEntries + 1)
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult.index).toBe('loaded')
    expect(s.searchSync({ q: FIXED }).total).toBe(1)
  }
  return state as State
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'correct-crash-'))
  bundle = await buildCliBundle(join(work, 'cli'))
  base = join(work, 'base')
  cpSync(SEEDS, base, {
    recursive: true,
    filter: notIndex,
  })
  ArchiveService.open({ archiveDir: base })
  // An earlier correction: the change goes from one corrections.json to another.
  const first = runCli(base, ['edit', 'retype', `${J1}/p1/a2`, 'brief'])
  expect(first.code, first.err).toBe(0)
  beforeCatalog = readFileSync(join(base, 'catalog.json'), 'utf8')
  baseLogEntries = readLog(base).entries.length
  const ref = fresh('reference')
  const r = runCli(ref, EDIT)
  expect(r.code, r.err).toBe(0)
  afterCatalog = readFileSync(join(ref, 'catalog.json'), 'utf8')
  afterCorrections = readFileSync(join(ref, 'corrections.json'), 'utf8')
  expect(afterCatalog).not.toBe(beforeCatalog)
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

const POINTS: [string, State][] = [
  ['after-lock', 'before'],
  ['atomic-before-rename:1', 'before'], // the journal's temp file
  ['after-journal', 'before'],
  ['atomic-before-rename:2', 'before'], // the changed issue's new index segment, as a temp file
  ['after-segments-written', 'before'], // the segment written, no index file names it yet
  ['after-index-staged', 'before'], // the staged index and corrections.json written
  ['before-commit', 'before'],
  ['atomic-before-rename:3', 'before'], // the new catalog's temp file
  ['after-commit', 'after'], // committed: corrections.json is still the old one, staged beside it
  ['after-catalog-backup', 'after'],
  ['before-corrections-install', 'after'], // the index installed, corrections.json not yet
  ['after-index-install', 'after'],
  ['after-delete', 'after'],
  ['after-log', 'after'],
]

describe('a correction killed at every write point', () => {
  it.each(POINTS)(
    'killed at %s leaves the archive %s',
    async (point, expected) => {
      const name = `correct-${point.replace(':', '-')}`
      const dir = fresh(name)
      const r = await runCliChild(bundle, ['--archive', dir, ...EDIT], {
        ARCHIVE_READER_CRASH_AT: point,
      })
      expect(r.signal, r.stderr).toBe('SIGKILL')
      expect(check(dir, name)).toBe(expected)
      if (expected === 'before') {
        // Undone: the same edit can simply be made again, and gives the state after exactly.
        const again = await runCliChild(bundle, ['--archive', dir, ...EDIT])
        expect(again.code, again.stderr).toBe(0)
        expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(afterCatalog)
        expect(readFileSync(join(dir, 'corrections.json'), 'utf8')).toBe(afterCorrections)
      } else {
        // Finished: making it again changes nothing (the entry is already there).
        await runCliChild(bundle, ['--archive', dir, ...EDIT])
        expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(afterCatalog)
      }
      rmSync(dir, { recursive: true, force: true })
    },
    60_000,
  )
})
