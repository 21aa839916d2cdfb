import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { FIELD_FILE_SUFFIX } from '../../src/node/field-store'
import { commitImport } from '../../src/node/import/commit'
import { planImport } from '../../src/node/import/plan'
import { removeIssue } from '../../src/node/remove-issue'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES, SEEDS } from '../helpers'

const work = mkdtempSync(join(tmpdir(), 'field-store-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function fresh(name: string): string {
  const dir = join(work, name)
  cpSync(SEEDS, dir, { recursive: true, filter: (s) => !/index\.bin/.test(s) })
  return dir
}

function open(dir: string): { service: ArchiveService; logs: string[] } {
  const logs: string[] = []
  const service = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
  return { service, logs }
}

describe('the field index kept beside the search index', () => {
  it('is written at first use, loaded the next time, and answers the same', () => {
    const dir = fresh('a')
    const first = open(dir)
    const answer = first.service.suggestSync('发')
    const file = join(dir, `index.bin${FIELD_FILE_SUFFIX}`)
    expect(existsSync(file)).toBe(true)
    // Made with the new index, which said so already.
    expect(first.logs).toEqual(['Rebuilding the search index: no index yet.'])
    const second = open(dir)
    expect(second.service.suggestSync('发')).toEqual(answer)
    expect(second.logs.join('\n')).not.toContain('suggestions index')
  })

  it('damaged, truncated or foreign: rebuilt with a message, never a crash', () => {
    const dir = fresh('b')
    open(dir).service.suggestSync('发')
    const file = join(dir, `index.bin${FIELD_FILE_SUFFIX}`)
    const good = readFileSync(file)
    const damaged = Buffer.from(good)
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff
    for (const [bytes, why] of [
      [damaged, 'checksum mismatch'],
      [good.subarray(0, good.length - 100), 'truncated'],
      [Buffer.from('not a field index at all'), 'not a field index'],
    ] as const) {
      // (The search index is loaded: only the field index is rebuilt, and says why.)
      writeFileSync(file, bytes)
      const r = open(dir)
      expect(r.service.suggestSync('发').suggestions.length).toBeGreaterThan(0)
      expect(r.logs.join('\n')).toContain(why)
    }
  })

  it('a change deletes it in its transaction (remove, add); the next open builds it from the new index', () => {
    const dir = fresh('c')
    const file = join(dir, `index.bin${FIELD_FILE_SUFFIX}`)
    const before = open(dir).service
    expect(before.suggestSync('byline:刘').suggestions.map((s) => s.text)).toContain('刘静')
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [], fields: 'current' })
    removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })
    // Not left behind, made from the index the remove replaced.
    expect(existsSync(file)).toBe(false)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [], fields: 'missing' })
    const after = open(dir)
    const names = after.service.suggestSync('byline:刘').suggestions.map((s) => s.text)
    expect(names).not.toContain('刘静')
    expect(after.logs.join('\n')).toContain('no field index yet')
    expect(verifyArchive(dir).fields).toBe('current')
    const added = planImport({
      archiveDir: dir,
      inputs: [join(FIXTURES, 'import/mixed/jiangbei-2024-05-06-p1.txt')],
      today: '2024-06-01',
    })
    expect(added.report.ok).toBe(true)
    commitImport(added)
    expect(existsSync(file)).toBe(false)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [], fields: 'missing' })
  })

  it('verify: current, stale (another state of the index, another version) or damaged', () => {
    const dir = fresh('d')
    const file = join(dir, `index.bin${FIELD_FILE_SUFFIX}`)
    open(dir).service.suggestSync('发')
    const good = readFileSync(file)
    removeIssue({ archiveDir: dir, issueId: 'jiangbei-2023-07-13' })
    // A field index of the index before the remove (as a reader of it might write, or a copy).
    writeFileSync(file, good)
    const stale = verifyArchive(dir)
    expect(stale).toMatchObject({ ok: true, fields: 'stale' })
    expect(stale.warnings.join('\n')).toMatch(
      /index\.bin\.fields: out of date \(made from another state/,
    )
    open(dir).service.suggestSync('发')
    const current = readFileSync(file)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, warnings: [], fields: 'current' })
    const damaged = Buffer.from(current)
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff
    writeFileSync(file, damaged)
    const bad = verifyArchive(dir)
    expect(bad).toMatchObject({ ok: false, fields: 'damaged' })
    expect(bad.errors.join('\n')).toMatch(/index\.bin\.fields: damaged \(checksum mismatch\)/)
    // Another format version: sound, but not this program's (as long: the header's length stays).
    const text = current.toString('latin1')
    const other = text.replace(
      /"version":(\d+)/,
      (_, v: string) => `"version":${v[0] === '1' ? '2' : '1'}${v.slice(1)}`,
    )
    writeFileSync(file, Buffer.from(other, 'latin1'))
    expect(verifyArchive(dir)).toMatchObject({ ok: true, fields: 'stale' })
  })
})
