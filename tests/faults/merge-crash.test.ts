// A crash during a merge of the index's segments loses nothing. Eight single-issue imports leave
// the seed archive's index in nine small segments; the ninth import makes the tenth, and the
// merge policy folds all ten into one inside that import's transaction. Killed (SIGKILL) right
// after the merged segment is written — before any index file names it — the archive is the
// one before (it answers as before; recovery takes the import and the unnamed segment away, byte
// for byte), and the next change merges as if nothing had happened.
import { spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { loadIndexFile, segmentDirName } from '../../src/node/index-store'
import { repairArchive, verifyArchive } from '../../src/node/verify'
import { MERGE_FACTOR } from '../../src/shared/search/merge'
import { ROOT, tempArchive, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'
import { snapshot } from '../support/snapshot'

const QUERIES = ['本报讯', '发展', '重庆 经济', '记者 OR 通讯员', '雷锋']
let work: { dir: string; cleanup: () => void }
let seeds: { dir: string; cleanup: () => void }
const batches: string[] = []

function answers(dir: string): unknown[] {
  const s = ArchiveService.open({ archiveDir: dir })
  expect(s.openResult.index).toBe('loaded')
  return QUERIES.map((q) => ({ ...s.searchSync({ q, limit: 100 }), tookMs: 0 }))
}

function importInto(dir: string, batch: string): void {
  commitImport(planImport({ archiveDir: dir, inputs: [batch], today: '2025-01-01' }))
}

const segmentsOf = (dir: string) => loadIndexFile(join(dir, INDEX_FILE)).index.segments.length
const segmentFiles = (dir: string) => readdirSync(join(dir, segmentDirName(INDEX_FILE))).sort()

beforeAll(() => {
  work = tempDir()
  seeds = tempArchive()
  ArchiveService.open({ archiveDir: seeds.dir })
  for (let k = 0; k < MERGE_FACTOR - 1; k++) {
    const batch = join(work.dir, `batch-${k}`)
    writeBatch(batch, {
      issues: 1,
      pagesPerIssue: 1,
      chars: 600,
      papers: ['jiangbei'],
      firstDate: `2016-01-${String(k + 1).padStart(2, '0')}`,
      seed: k + 1,
    })
    batches.push(batch)
  }
  for (const b of batches.slice(0, -1)) importInto(seeds.dir, b)
}, 120_000)

afterAll(() => {
  seeds?.cleanup()
  work?.cleanup()
})

describe('a merge killed half-way', () => {
  it('leaves the archive as it was, and the next change merges as if nothing happened', () => {
    expect(segmentsOf(seeds.dir)).toBe(MERGE_FACTOR - 1)
    const last = batches.at(-1) as string
    // Uninterrupted, the last import merges everything into one segment.
    const clean = join(work.dir, 'clean')
    cpSync(seeds.dir, clean, { recursive: true })
    importInto(clean, last)
    expect(segmentsOf(clean)).toBe(1)
    const merged = answers(clean)

    const dir = join(work.dir, 'killed')
    cpSync(seeds.dir, dir, { recursive: true })
    const before = answers(dir)
    const files = segmentFiles(dir)
    const state = snapshot(dir, (n) => n === 'archive.log')
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), '--archive', dir, 'add', last, '--yes'],
      {
        cwd: ROOT,
        env: { ...process.env, ARCHIVE_READER_CRASH_AT: 'after-segments-written' },
        encoding: 'utf8',
      },
    )
    expect(run.signal, run.stderr).toBe('SIGKILL')
    // The merged segment is on disk, but no index file names it: the index is the one before.
    const after = segmentFiles(dir)
    expect(after.length).toBe(files.length + 1)
    expect(after).toEqual(expect.arrayContaining(files))
    expect(answers(dir)).toEqual(before)
    expect(verifyArchive(dir).errors).toEqual([])
    // Recovery undoes the import (its page, its journal) and deletes the unnamed segment.
    const recovery = repairArchive(dir)
    expect(recovery.actions.join('\n')).toMatch(/deleted the index segment seg-[0-9a-f]+\.bin/)
    expect(snapshot(dir, (n) => n === 'archive.log')).toEqual(state)
    expect(segmentFiles(dir)).toEqual(files)

    // The same import again: recovery drops the leftover, the merge runs, nothing was lost.
    importInto(dir, last)
    expect(segmentsOf(dir)).toBe(1)
    expect(answers(dir)).toEqual(merged)
    expect(segmentFiles(dir)).toEqual(segmentFiles(clean))
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(
      readFileSync(join(clean, 'catalog.json'), 'utf8'),
    )
  }, 120_000)
})
