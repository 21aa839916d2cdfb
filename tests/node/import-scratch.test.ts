// The scratch folders of per-article import (src/node/import/scratch.ts) never outlive their
// import: a plan that is discarded in the app (the form closed), cancelled while it checks, or
// refused deletes its folder at once; and one left by a process that died (the app quit or
// crashed with the form open) is swept when the app starts — only folders of our own name form,
// never a link or another program's folder, never one of a live process.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runImportWorker } from '../../src/main/import-worker-body'
import type {
  ImportWorkerCommand,
  ImportWorkerMessage,
} from '../../src/main/import-worker-protocol'
import { planImport } from '../../src/node/import/plan'
import { makeScratch, SCRATCH_PREFIX, sweepStaleScratch } from '../../src/node/import/scratch'
import { FIXTURES, tempDir } from '../helpers'
import { scratchArchive } from '../support/cli'

const FOLDER = join(FIXTURES, 'import', 'per-article')

/** This process's scratch folders in the OS temp folder. */
const mine = (): string[] =>
  readdirSync(tmpdir()).filter((n) => n.startsWith(`${SCRATCH_PREFIX}${process.pid}-`))

/** A process id that is not alive: a child's, after it exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(r.stdout.toString())
}

describe('per-article scratch folders', () => {
  it('go when a plan is refused, or cancelled while the files are checked', () => {
    const { dir } = scratchArchive({ indexed: true })
    const before = mine()
    const refused = planImport({ archiveDir: dir, inputs: [FOLDER] }) // no paper: refused
    expect(refused.report.ok).toBe(false)
    refused.cleanup?.()
    expect(mine()).toEqual(before)
    expect(() =>
      planImport({ archiveDir: dir, inputs: [FOLDER], paper: 'nanan', shouldCancel: () => true }),
    ).toThrow(/cancel/i)
    expect(mine()).toEqual(before)
  })

  it('goes when the app discards the plan (the import form closed)', async () => {
    const { dir: bundled, work } = scratchArchive()
    const before = mine()
    const sent: ImportWorkerMessage[] = []
    let command: ((c: ImportWorkerCommand) => void) | undefined
    let closed = false
    runImportWorker(
      {
        op: 'plan',
        job: {
          libraryDir: join(work, 'library'),
          other: { label: 'the bundled archive', dir: bundled, indexPaths: [] },
          inputs: [FOLDER],
          overrides: [],
        },
        cancel: new SharedArrayBuffer(4),
      },
      {
        postMessage: (m) => sent.push(m),
        on: (_e, l) => (command = l),
        close: () => (closed = true),
      },
    )
    expect(sent.at(-1)?.type).toBe('planned')
    expect(mine().length).toBe(before.length + 1)
    command?.({ type: 'discard' })
    expect(closed).toBe(true)
    expect(mine()).toEqual(before)
  })

  it('of a dead process are swept; ours, a live one’s, links and other names are left', () => {
    const { dir: root } = tempDir()
    const dead = join(root, `${SCRATCH_PREFIX}${deadPid()}-abc123`)
    mkdirSync(join(dead, 'batch-x'), { recursive: true })
    writeFileSync(join(dead, 'batch-x', 'p1.txt'), 'text')
    const own = makeScratch(root)
    // The parent of this process is alive (the test runner).
    const live = join(root, `${SCRATCH_PREFIX}${process.ppid}-def456`)
    mkdirSync(live)
    // A live pid's folder of more than a day is swept all the same (ids are reused).
    const oldLive = join(root, `${SCRATCH_PREFIX}${process.ppid}-old789`)
    mkdirSync(oldLive)
    const twoDays = (Date.now() - 2 * 24 * 3600 * 1000) / 1000
    utimesSync(oldLive, twoDays, twoDays)
    const target = join(root, 'elsewhere')
    mkdirSync(target)
    writeFileSync(join(target, 'keep.txt'), 'keep')
    const link = join(root, `${SCRATCH_PREFIX}${deadPid()}-lnk000`)
    symlinkSync(target, link)
    const other = join(root, 'archive-reader-articles-notapid')
    mkdirSync(other)

    expect(sweepStaleScratch(root).sort()).toEqual([dead, oldLive].sort())
    expect(existsSync(dead)).toBe(false)
    for (const kept of [own, live, link, other, join(target, 'keep.txt')])
      expect(existsSync(kept)).toBe(true)
  })
})
