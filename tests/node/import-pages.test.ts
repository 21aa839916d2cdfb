// Issue 12, page numbers: a page's number comes from evidence (the manifest, a sidecar, the file
// name, the printed 第N版), conflicting evidence and a missing number are refused — never a page 2
// silently stored as page 1 with its （上接1版） "→p1 ✓" pointing at itself.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileReport, ImportReport } from '../../src/shared/archive/import-report'
import { planImport } from '../../src/node/import/plan'
import type { ImportOptions } from '../../src/node/import/plan'
import { indexedArchiveSetup } from '../support/indexed-archive'
import { snapshot } from '../support/snapshot'

const setup = indexedArchiveSetup()

function plan(o: Partial<ImportOptions> & { archiveDir: string; inputs: string[] }) {
  return planImport({ today: '2026-11-21', ...o }).report
}

const file = (r: ImportReport, name: string): FileReport => {
  const f = r.files.find((x) => x.file.endsWith(name))
  if (!f) throw new Error(`${name} not in the report`)
  return f
}
const problems = (f: FileReport, level: string) =>
  f.problems.filter((p) => p.level === level).map((p) => `${p.code}: ${p.message}`)

// A 渝中报 page 2 as extracted: no 第N版 in its header, an article continued from page 1.
const PAGE2 = `渝中报

（上接1版）区委书记在会上强调，要坚持以人民为中心的发展思想，扎实推进各项民生实事，
让群众有更多获得感、幸福感、安全感。会议还研究了下一阶段的重点工作。

本报讯（记者 李明）近日，解放碑街道开展社区志愿服务活动，组织志愿者走进老旧小区，
为居民提供义诊、理发、家电维修等便民服务，受到居民欢迎。
`

describe('page numbers from evidence', () => {
  it('refuses a page no source numbers, saying how to give one (not page 1 by default)', () => {
    const { dir, work } = setup()
    const f = join(work, 'yuzhong-2024-05-08.txt')
    writeFileSync(f, PAGE2)
    const before = snapshot(dir)
    const r = plan({ archiveDir: dir, inputs: [f] })
    expect(r.ok).toBe(false)
    expect(problems(file(r, 'yuzhong-2024-05-08.txt'), 'error')).toEqual([
      'missing-page: no page number: the file name, a sidecar, the manifest and the page itself (第N版) say none (its （上接1版） says only that it follows page 1); give it with --page N, a sidecar "page", the manifest\'s "number", or name the file SLUG-YYYY-MM-DD-pN.txt',
    ])
    expect(snapshot(dir)).toEqual(before)
  })

  it('numbers it from the file name, and its （上接1版） then points to page 1, not to itself', () => {
    const { dir, work } = setup()
    const f = join(work, 'yuzhong-2024-05-08-p2.txt')
    writeFileSync(f, PAGE2)
    const r = plan({ archiveDir: dir, inputs: [f] })
    const rep = file(r, 'yuzhong-2024-05-08-p2.txt')
    expect(rep.page).toEqual({ value: 2, source: 'filename' })
    expect(rep.continuations).toEqual([
      { marker: '（上接1版）', targetPage: 1, targetExists: false },
    ])
  })

  it('warns when a continuation marker points at its own page', () => {
    const { dir, work } = setup()
    const f = join(work, 'yuzhong-2024-05-08-p1.txt')
    writeFileSync(f, PAGE2)
    const rep = file(plan({ archiveDir: dir, inputs: [f] }), 'yuzhong-2024-05-08-p1.txt')
    expect(rep.continuations).toEqual([
      { marker: '（上接1版）', targetPage: 1, targetExists: false },
    ])
    expect(problems(rep, 'warning')).toContain(
      'continuation-self: （上接1版） points to page 1, this page itself: is its page number right?',
    )
  })

  it('refuses conflicting evidence, listing every source', () => {
    const { dir, work } = setup()
    const f = join(work, 'yuzhong-2024-05-08-p2.txt')
    writeFileSync(f, `第3版\n${PAGE2}`)
    writeFileSync(join(work, 'yuzhong-2024-05-08-p2.meta.json'), JSON.stringify({ page: 4 }))
    const r = plan({ archiveDir: dir, inputs: [f] })
    expect(problems(file(r, 'yuzhong-2024-05-08-p2.txt'), 'error')).toEqual([
      'page-evidence: which page is it? its sidecar says 4, the file name says 2, the page prints "第3版" (line 1) (page 3): correct the wrong one (or give the number with a sidecar "page" or the manifest\'s "number")',
    ])
  })

  it('checks --page order against each file’s evidence', () => {
    const { dir, work } = setup()
    const a = join(work, 'a.txt')
    const b = join(work, 'b.txt')
    writeFileSync(a, `第2版\n${PAGE2}`)
    writeFileSync(
      b,
      `第1版\n渝中报\n\n本报讯 另一个版面的报道，内容与第二版不同，记者走访了多个社区。\n`,
    )
    const r = plan({
      archiveDir: dir,
      inputs: [a, b],
      paper: 'yuzhong',
      date: '2024-05-08',
      firstPage: 1,
    })
    expect(problems(file(r, 'a.txt'), 'error')).toEqual([
      'page-evidence: --page numbers it 1 (files in order), but the page prints "第2版" (line 1) (page 2): put the files in page order, or leave --page out and let each file say its page',
    ])
    expect(problems(file(r, 'b.txt'), 'error')).toEqual([
      'page-evidence: --page numbers it 2 (files in order), but the page prints "第1版" (line 1) (page 1): put the files in page order, or leave --page out and let each file say its page',
    ])
    // In the right order, it passes.
    expect(
      plan({ archiveDir: dir, inputs: [b, a], paper: 'yuzhong', date: '2024-05-08', firstPage: 1 })
        .ok,
    ).toBe(true)
  })

  it('refuses two files that claim the same page', () => {
    const { dir, work } = setup()
    writeFileSync(join(work, 'yuzhong-2024-05-08-p2.txt'), PAGE2)
    writeFileSync(
      join(work, 'yuzhong_20240508_02.txt'),
      `渝中报\n\n本报讯 另一个版面的报道，内容与第二版不同，记者走访了多个社区。\n`,
    )
    const r = plan({ archiveDir: dir, inputs: [work] })
    expect(r.files.flatMap((f) => problems(f, 'error'))).toEqual([
      expect.stringMatching(
        /^page-conflict: page 2 of yuzhong-2024-05-08 is also .*yuzhong(-2024-05-08-p2|_20240508_02)\.txt$/,
      ),
    ])
  })
})
