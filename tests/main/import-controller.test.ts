// The in-app import's controller (picks, one job at a time, plan → commit, cancel) over real
// worker threads and over the in-thread stand-in (tests/support/import-controller-setup.ts).
// Its IPC handlers, binding and preload bridge are in import-ipc.test.ts.
import { cpSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES } from '../helpers'
import { inThreadWorker, realWorker, setup } from '../support/import-controller-setup'
import type { Setup } from '../support/import-controller-setup'
import { snapshot } from '../support/snapshot'

describe('ImportController with real worker threads', () => {
  it('picks, plans, refuses an unconfirmed commit, imports, and the library is searchable at once', async () => {
    const s = setup(realWorker)
    const selection = s.controller.select('folder', [s.batch])!
    expect(selection).toMatchObject({ kind: 'folder', label: 'batch', files: 6 })
    expect(JSON.stringify(selection)).not.toContain('/')
    const planned = await s.controller.plan(selection.id, [])
    expect(planned.report).toMatchObject({ ok: true, needsConfirmation: true })
    expect(s.progress.some((p) => p.phase === 'validate')).toBe(true)
    await expect(s.controller.commit(planned.planId, false)).rejects.toThrow(/confirm it/)
    // The refused commit kept the plan: confirmed, it goes through.
    const outcome = await s.controller.commit(planned.planId, true)
    expect(outcome.issues.map((i) => i.id).sort()).toEqual([
      'beibei-2024-05-07',
      'jiangbei-2024-05-06',
      'shapingba-2024-05-09',
      'yuzhong-2024-05-08',
    ])
    expect(outcome.index).toBe('extended')
    expect(s.changed).toBe(1)
    expect(verifyArchive(s.libraryDir).ok).toBe(true)
    expect((await s.composite.search({ q: '沙坪坝' })).total).toBeGreaterThan(0)
    expect((await s.controller.userIssues()).length).toBe(4)
    // The plan is used up.
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/out of date/)

    // Remove: only the library's issues.
    await expect(s.controller.removeIssue('jiangbei-2023-07-13')).rejects.toThrow(
      /comes with the app/,
    )
    await expect(s.controller.removeIssue('nanan-2020-01-01')).rejects.toThrow(
      /not in your library/,
    )
    const removed = await s.controller.removeIssue('shapingba-2024-05-09')
    expect(removed).toMatchObject({ issueId: 'shapingba-2024-05-09', pages: 2 })
    expect(s.changed).toBe(2)
    expect(await s.controller.userIssues()).not.toContain('shapingba-2024-05-09')
    expect((await s.composite.search({ q: '沙坪坝报' })).hits.map((h) => h.paper)).not.toContain(
      'shapingba',
    )
  }, 60_000)

  it('refuses a report with errors, and a plan while another runs', async () => {
    const s = setup(realWorker)
    cpSync(join(FIXTURES, 'encodings', 'broken.txt'), join(s.batch, 'jiangbei-2024-05-10-p1.txt'))
    const selection = s.controller.select('folder', [s.batch])!
    const first = s.controller.plan(selection.id, [])
    await expect(s.controller.plan(selection.id, [])).rejects.toThrow(/already running/)
    const planned = await first
    expect(planned.report.ok).toBe(false)
    const broken = planned.report.files.find((f) => f.file === 'batch/jiangbei-2024-05-10-p1.txt')
    expect(broken?.problems[0]?.code).toBe('decode')
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/1 error\(s\)/)
    expect(existsSync(s.libraryDir)).toBe(false)
    await expect(s.controller.plan('no-such-pick', [])).rejects.toThrow(/pick them again/)
    expect(s.controller.select('files', [])).toBeNull()
  }, 60_000)
})

describe('ImportController: cancel', () => {
  it('cancels a plan between two files', async () => {
    let s: Setup
    s = setup(inThreadWorker, {
      onProgress: (p) => {
        s.progress.push(p)
        if (p.phase === 'validate' && p.done === 0) s.controller.cancel()
      },
    })
    const selection = s.controller.select('folder', [s.batch])!
    const err = await s.controller.plan(selection.id, []).catch((e: Error) => e)
    expect(err).toMatchObject({ name: 'ImportCancelled' })
    expect(existsSync(s.libraryDir)).toBe(false)
    // A new plan after a cancel is not cancelled by the old flag.
    s = setup(inThreadWorker)
    const again = s.controller.select('folder', [s.batch])!
    expect((await s.controller.plan(again.id, [])).report.ok).toBe(true)
  })

  it('cancels a commit before its commit point: the library stays as it was', async () => {
    let armed = false
    const s: Setup = setup(inThreadWorker, {
      onProgress: (p) => {
        if (armed && p.phase === 'copy') s.controller.cancel()
      },
    })
    // A first import creates the library; the second is cancelled while it copies pages.
    const first = s.controller.select('files', [
      join(s.batch, 'spb-1.txt'),
      join(s.batch, 'spb-2.txt'),
    ])!
    const p1 = await s.controller.plan(first.id, [])
    await s.controller.commit(p1.planId, true)
    const before = snapshot(s.libraryDir)
    const rest = s.controller.select('files', [
      join(s.batch, 'jiangbei-2024-05-06-p1.txt'),
      join(s.batch, 'jiangbei-2024-05-06-p2.txt'),
    ])!
    const p2 = await s.controller.plan(rest.id, [])
    expect(p2.report.ok).toBe(true)
    armed = true
    const err = await s.controller.commit(p2.planId, true).catch((e: Error) => e)
    expect(err).toMatchObject({ name: 'ImportCancelled' })
    expect(snapshot(s.libraryDir)).toEqual(before)
    expect(verifyArchive(s.libraryDir).ok).toBe(true)
    expect(s.changed).toBe(1)
  })

  it('drops a plan that waits for its commit', async () => {
    const s = setup(inThreadWorker)
    const selection = s.controller.select('folder', [s.batch])!
    const planned = await s.controller.plan(selection.id, [])
    s.controller.cancel()
    await expect(s.controller.commit(planned.planId, true)).rejects.toThrow(/out of date/)
  })
})
