// The archive's write lock against the attacks that lost imports before: two writers at the same
// moment (200 pairs of child processes, committing at a barrier), a process holding an empty or
// half-written lock file (the gap between creating a lock and writing its owner), and a release
// that would delete another writer's lock.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { removeIssue } from '../../src/node/remove-issue'
import { verifyArchive } from '../../src/node/verify'
import { ABANDONED_AGE_MS, acquireLock, LOCK_FILE, readLock } from '../../src/node/write/lock'
import { notIndex, ROOT, SEEDS, tempDir } from '../helpers'
import { writeBatch } from '../support/batch'
import { treeState } from '../support/tree'

/** Pairs of concurrent writers; raise to hunt (LOCK_PAIRS=1000 npx vitest run tests/faults/lock.test.ts). */
const PAIRS = Number(process.env.LOCK_PAIRS ?? 200)
const TODAY = '2026-11-21'

let cleanups: (() => void)[] = []
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
  for (const c of cleanups) c()
  cleanups = []
})

function work(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

function seedArchive(dir: string): void {
  cpSync(SEEDS, dir, { recursive: true, filter: notIndex })
  ArchiveService.open({ archiveDir: dir })
}

/** A child process that writes `content` as the lock file and keeps it (and itself) alive. */
function holdLock(dir: string, content: string): Promise<ChildProcess> {
  const file = join(dir, LOCK_FILE)
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(file)},'wx');fs.writeSync(fd,${JSON.stringify(content)});console.log('held');setInterval(()=>{},1000)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  children.push(child)
  return new Promise((done) => child.stdout?.once('data', () => done(child)))
}

describe('the lock gap: a process holding an empty or half-written lock file', () => {
  for (const [what, content] of [
    ['empty', ''],
    ['half-written', '{"pid": 12'],
  ] as const) {
    it(`${what}: add and remove are refused with "archive busy", nothing changes`, async () => {
      const root = work()
      const dir = join(root, 'archive')
      seedArchive(dir)
      const batch = join(root, 'batch')
      writeBatch(batch, { issues: 1, pagesPerIssue: 1, chars: 600, firstDate: '2016-04-01' })
      await holdLock(dir, content)
      const before = treeState(root)
      const plan = planImport({ archiveDir: dir, inputs: [batch], today: TODAY })
      expect(plan.report.ok).toBe(true)
      expect(() => commitImport(plan)).toThrow(/archive busy: .*no readable owner/)
      expect(() => removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })).toThrow(
        /archive busy/,
      )
      expect(treeState(root)).toEqual(before)
    })
  }

  it('an ownerless lock is taken over only once it is old (a writer killed while taking it)', () => {
    const dir = join(work(), 'archive')
    seedArchive(dir)
    writeFileSync(join(dir, LOCK_FILE), '')
    expect(() => acquireLock(dir, 'test')).toThrow(/archive busy/)
    const old = (Date.now() - ABANDONED_AGE_MS - 60_000) / 1000
    utimesSync(join(dir, LOCK_FILE), old, old)
    const release = acquireLock(dir, 'test')
    expect(readLock(dir)?.pid).toBe(process.pid)
    release()
  })
})

describe('lock ownership', () => {
  it('the lock never exists without its owner, and release removes only its own lock', () => {
    const dir = join(work(), 'archive')
    seedArchive(dir)
    const release = acquireLock(dir, 'test')
    const mine = readFileSync(join(dir, LOCK_FILE), 'utf8')
    expect(JSON.parse(mine)).toMatchObject({ pid: process.pid, host: hostname(), op: 'test' })
    // Someone else's lock in its place (as a writer that broke it would leave): release keeps it.
    const theirs = JSON.stringify({
      pid: 1,
      host: hostname(),
      op: 'import',
      started: 'now',
      token: 'x',
    })
    writeFileSync(join(dir, LOCK_FILE), theirs)
    release()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(theirs)
  })

  it('a live writer on another host, or a live process here, is never taken over', () => {
    const dir = join(work(), 'archive')
    seedArchive(dir)
    for (const holder of [
      { pid: 999_999_999, host: 'elsewhere' },
      { pid: process.ppid, host: hostname() },
    ]) {
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({ ...holder, op: 'import', started: 'then' }),
      )
      expect(() => acquireLock(dir, 'test')).toThrow(/archive busy/)
    }
  })

  it('a dead writer’s lock is taken over (after its short age)', () => {
    const dir = join(work(), 'archive')
    seedArchive(dir)
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 999_999_999, host: hostname(), op: 'import', started: 'then' }),
    )
    const release = acquireLock(dir, 'test')
    expect(readLock(dir)?.pid).toBe(process.pid)
    release()
  })
})

interface Outcome {
  round: number
  writer: string
  outcome: 'landed' | 'busy' | 'changed' | 'other'
  message: string
}

function runWriter(args: string[]): Promise<Outcome[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests', 'support', 'lock-writer.ts'), ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    children.push(child)
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => {
      if (code !== 0) fail(new Error(`writer exited ${code}: ${err}`))
      else
        done(
          out
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Outcome),
        )
    })
  })
}

describe(`${PAIRS} pairs of concurrent writers (child processes)`, () => {
  it('every issue lands exactly once or is refused with a clear message; none is lost', async () => {
    // Each round's archive starts empty (the first commit creates it), so a round costs little
    // more than the two commits racing for its lock.
    const root = work()
    const batchA = join(root, 'batch-a')
    const batchB = join(root, 'batch-b')
    writeBatch(batchA, {
      issues: 1,
      pagesPerIssue: 1,
      chars: 400,
      firstDate: '2016-04-01',
      papers: ['jiangbei'],
    })
    writeBatch(batchB, {
      issues: 1,
      pagesPerIssue: 1,
      chars: 400,
      firstDate: '2016-04-01',
      papers: ['yuzhong'],
      seed: 2,
    })
    const [a, b] = await Promise.all([
      runWriter([root, 'a', 'b', batchA, String(PAIRS), '江北报']),
      runWriter([root, 'b', 'a', batchB, String(PAIRS), '渝中报']),
    ])
    const all = [...(a as Outcome[]), ...(b as Outcome[])]
    const count = (o: string): number => all.filter((x) => x.outcome === o).length
    let lost = 0
    let double = 0
    for (let r = 0; r < PAIRS; r++) {
      const dir = join(root, `archive-${r}`)
      const ids = (
        JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { issues: { id: string }[] }
      ).issues.map((i) => i.id)
      for (const [writer, id] of [
        ['a', 'jiangbei-2016-04-01'],
        ['b', 'yuzhong-2016-04-01'],
      ] as const) {
        const landed = all.find((x) => x.round === r && x.writer === writer)?.outcome === 'landed'
        const times = ids.filter((i) => i === id).length
        if (landed && times === 0) lost++
        if (times > 1) double++
        expect(times, `round ${r}: ${id}`).toBe(landed ? 1 : 0)
      }
      expect(verifyArchive(dir).ok, `round ${r} verifies`).toBe(true)
    }
    console.log(
      `lock: ${PAIRS} pairs: ${count('landed')} landed, ${count('busy')} refused "archive busy", ${count('changed')} refused "changed since checked", ${lost} lost, ${double} double`,
    )
    expect(all).toHaveLength(2 * PAIRS)
    expect(all.filter((x) => x.outcome === 'other').map((x) => x.message)).toEqual([])
    expect(lost).toBe(0)
    expect(double).toBe(0)
    // At least one of each pair lands: a refusal is always because the other one is writing.
    for (let r = 0; r < PAIRS; r++)
      expect(
        all.some((x) => x.round === r && x.outcome === 'landed'),
        `round ${r}`,
      ).toBe(true)
  }, 600_000)
})
