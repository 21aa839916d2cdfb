// Kill the CLI in the middle of an import, a remove or an export — at every fail point in turn
// (ARCHIVE_READER_CRASH_AT, see src/node/crash-point.ts) and at random moments — and check that
// the archive always verifies and is exactly the state before or the state after. The CLI runs
// as a real child process (built once into a single file) and dies by SIGKILL, as in a power cut.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readLog } from '../../src/node/archive-log'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { removeIssue } from '../../src/node/remove-issue'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { notIndex, SEEDS } from '../helpers'
import { writeBatch } from '../support/batch'
import { buildCliBundle, runCliChild } from '../support/crash-cli'
import type { ChildRun } from '../support/crash-cli'
import { snapshot } from '../support/snapshot'

/** Random kills per run; raise it to hunt (KILL_ITERATIONS=200 npx vitest run tests/cli/import-crash.test.ts). */
const RANDOM_KILLS = Number(process.env.KILL_ITERATIONS ?? 5)

let work: string
/** The CLI bundled into one file: a child starts in a third of tsx's time. */
let cliBundle: string
let base: string
let batch: string
let beforeCatalog: string
let afterImport: string
let afterRemove: string
let importMs = 0

/** Runs the CLI; `killAfter(ms)` kills it that long after its first progress line. */
function cli(
  args: string[],
  env: Record<string, string> = {},
  killAfter?: number,
): Promise<ChildRun> {
  return runCliChild(cliBundle, args, env, killAfter)
}

function fresh(name: string): string {
  const dir = join(work, name)
  cpSync(base, dir, { recursive: true })
  return dir
}

type State = 'before' | 'after'

/** The archive verifies, is the state before or after, and repairs to exactly that state. */
function check(dir: string, after: string): State {
  const catalog = readFileSync(join(dir, 'catalog.json'), 'utf8')
  const state: State | undefined =
    catalog === beforeCatalog ? 'before' : catalog === after ? 'after' : undefined
  expect(state, 'the catalog is the one before or the one after').toBeDefined()
  const v = verifyArchive(dir)
  expect(v.errors).toEqual([])
  expect(v.ok).toBe(true)
  repairArchive(dir)
  expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
  expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(catalog)
  if (state === 'before') {
    // Byte for byte what it was, index included.
    expect(snapshot(dir, (n) => n === 'archive.log')).toEqual(
      snapshot(base, (n) => n === 'archive.log'),
    )
  } else {
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult.index).toBe('loaded')
  }
  return state as State
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'import-crash-'))
  cliBundle = await buildCliBundle(join(work, 'cli'))
  base = join(work, 'base')
  cpSync(SEEDS, base, { recursive: true, filter: notIndex })
  ArchiveService.open({ archiveDir: base })
  batch = join(work, 'batch')
  writeBatch(batch, {
    issues: 3,
    pagesPerIssue: 2,
    chars: 1500,
    encodings: ['utf-8', 'gb18030', 'big5'],
    firstDate: '2015-03-01',
  })
  beforeCatalog = readFileSync(join(base, 'catalog.json'), 'utf8')
  const ref = fresh('reference')
  const t = performance.now()
  commitImport(planImport({ archiveDir: ref, inputs: [batch] }))
  importMs = performance.now() - t
  afterImport = readFileSync(join(ref, 'catalog.json'), 'utf8')
  const refRemove = fresh('reference-remove')
  removeIssue({ archiveDir: refRemove, issueId: 'jiangbei-2023-07-13' })
  afterRemove = readFileSync(join(refRemove, 'catalog.json'), 'utf8')
}, 60_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

const IMPORT_POINTS: [string, State][] = [
  ['after-lock', 'before'],
  ['atomic-before-rename:1', 'before'], // the journal's temp file
  ['after-journal', 'before'],
  ['after-page:1', 'before'],
  ['after-page:4', 'before'],
  ['after-page:6', 'before'], // the last page
  ['atomic-before-rename:2', 'before'], // the new index segment's temp file
  ['after-segments-written', 'before'], // the segment written, no index file names it yet
  ['after-index-staged', 'before'],
  ['before-commit', 'before'],
  ['atomic-before-rename:3', 'before'], // the new catalog's temp file
  ['after-commit', 'after'],
  ['after-index-install', 'after'],
  ['after-delete', 'after'],
  ['after-log', 'after'],
]

describe('an import killed at every step', () => {
  it.each(IMPORT_POINTS)(
    'killed at %s leaves the archive %s',
    async (point, expected) => {
      const dir = fresh(`import-${point.replace(':', '-')}`)
      const r = await cli(['--archive', dir, 'add', batch, '--yes'], {
        ARCHIVE_READER_CRASH_AT: point,
      })
      expect(r.signal, r.stderr).toBe('SIGKILL')
      expect(check(dir, afterImport)).toBe(expected)
      if (expected === 'after') {
        expect(readLog(dir).entries.filter((e) => e.op === 'import')).toHaveLength(1)
        const s = ArchiveService.open({ archiveDir: dir })
        expect(s.searchSync({ q: '本报讯', issueId: 'jiangbei-2015-03-01' }).total).toBeGreaterThan(
          0,
        )
      } else {
        // The import can simply be run again.
        const again = await cli(['--archive', dir, 'add', batch, '--yes'])
        expect(again.code, again.stderr).toBe(0)
        expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(afterImport)
      }
    },
    30_000,
  )
})

describe('a remove and an export killed at every step', () => {
  const REMOVE_POINTS: [string, State][] = [
    ['after-lock', 'before'],
    ['after-journal', 'before'],
    ['after-index-staged', 'before'],
    ['atomic-before-rename:2', 'before'],
    ['after-commit', 'after'],
    ['after-index-install', 'after'],
    ['after-delete', 'after'],
    ['after-log', 'after'],
  ]
  it.each(REMOVE_POINTS)(
    'remove killed at %s leaves the archive %s',
    async (point, expected) => {
      const dir = fresh(`remove-${point.replace(':', '-')}`)
      const r = await cli(['--archive', dir, 'remove', 'jiangbei-2023-07-13'], {
        ARCHIVE_READER_CRASH_AT: point,
      })
      expect(r.signal, r.stderr).toBe('SIGKILL')
      expect(check(dir, afterRemove)).toBe(expected)
      const files = readdirSync(dir)
      expect(files.includes('000_fc561b8f310ec55b.txt')).toBe(expected === 'before')
    },
    30_000,
  )

  // An export is a transaction on its target (runTransaction): killed before its commit point
  // the target is no archive yet (no catalog.json), after it the whole export.
  const EXPORT_POINTS: [string, 'no archive yet' | 'the whole export'][] = [
    ['after-lock', 'no archive yet'],
    ['after-journal', 'no archive yet'],
    ['export-page:2', 'no archive yet'],
    ['after-index-staged', 'no archive yet'],
    ['after-commit', 'the whole export'],
    ['after-log', 'the whole export'],
  ]
  it.each(EXPORT_POINTS)(
    'export killed at %s: the target holds %s, the source is untouched',
    async (point, expected) => {
      const dir = fresh(`export-${point.replace(':', '-')}`)
      const source = snapshot(dir)
      const out = join(work, `exported-${point.replace(':', '-')}`)
      const r = await cli(['--archive', dir, 'export', out], { ARCHIVE_READER_CRASH_AT: point })
      expect(r.signal, r.stderr).toBe('SIGKILL')
      expect(snapshot(dir)).toEqual(source)
      expect(existsSync(join(out, 'catalog.json'))).toBe(expected === 'the whole export')
      if (expected === 'the whole export') {
        // Committed: a reader sees it all; repair finishes what the kill cut short.
        expect(ArchiveService.open({ archiveDir: out }).listIssuesSync()).toHaveLength(4)
        repairArchive(out)
        expect(verifyArchive(out)).toMatchObject({ ok: true, warnings: [] })
        return
      }
      // What the killed export left does not stop the next one, which undoes it first.
      const again = await cli(['--archive', dir, 'export', out])
      expect(again.code, again.stderr).toBe(0)
      expect(verifyArchive(out)).toMatchObject({ ok: true, warnings: [] })
      expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([])
      const name = out.split('/').pop() as string
      expect(readdirSync(work).filter((n) => n.startsWith(`.${name}`))).toEqual([])
    },
    30_000,
  )
})

describe('an import killed at random moments', () => {
  it(
    `always leaves a verifiable archive, before or after (${RANDOM_KILLS} kills)`,
    async () => {
      const seen: Record<State, number> = { before: 0, after: 0 }
      // The child's work after its first progress line takes about importMs plus its exit.
      const window = Math.max(200, importMs * 1.5)
      for (let i = 0; i < RANDOM_KILLS; i++) {
        const dir = fresh(`random-${i}`)
        const delay = Math.round(Math.random() * window)
        await cli(['--archive', dir, 'add', batch, '--yes'], {}, delay)
        seen[check(dir, afterImport)]++
        rmSync(dir, { recursive: true, force: true })
      }
      expect(seen.before + seen.after).toBe(RANDOM_KILLS)
      console.log(`random kills: ${JSON.stringify(seen)} (window ${Math.round(window)} ms)`)
    },
    30_000 + RANDOM_KILLS * 3_000,
  )
})
