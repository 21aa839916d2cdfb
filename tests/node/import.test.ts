import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileReport, ImportReport } from '../../src/shared/archive/import-report'
import { ArchiveService } from '../../src/node/archive-service'
import { commitImport } from '../../src/node/import/commit'
import { ImportCancelled, planImport } from '../../src/node/import/plan'
import type { ImportOptions } from '../../src/node/import/plan'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES, SEEDS } from '../helpers'
import { encode } from '../support/batch'
import { indexedArchiveSetup } from '../support/indexed-archive'
import { snapshot } from '../support/snapshot'

/** A copy of the seed archive with its index built, and an empty folder for batches. */
const setup = indexedArchiveSetup()

const MIXED = join(FIXTURES, 'import', 'mixed')
const TODAY = '2026-11-21'

function mixedBatch(work: string, withBroken: boolean): string {
  const batch = join(work, 'batch')
  cpSync(MIXED, batch, { recursive: true })
  if (withBroken)
    cpSync(join(FIXTURES, 'encodings', 'broken.txt'), join(batch, 'jiangbei-2024-05-10-p1.txt'))
  return batch
}

const file = (r: ImportReport, name: string): FileReport => {
  const f = r.files.find((x) => x.file.endsWith(name))
  if (!f) throw new Error(`${name} not in the report`)
  return f
}
const codes = (f: { problems: { level: string; code: string }[] }, level?: string) =>
  f.problems.filter((p) => !level || p.level === level).map((p) => p.code)

function plan(o: Partial<ImportOptions> & { archiveDir: string; inputs: string[] }) {
  return planImport({ today: TODAY, ...o })
}

describe('batch import: the issue’s acceptance case', () => {
  it('refuses a mixed UTF-8/GB18030/Big5 folder with one broken file, naming it; the archive stays byte-identical', () => {
    const { dir, work } = setup()
    const before = snapshot(dir)
    const p = plan({ archiveDir: dir, inputs: [mixedBatch(work, true)] })
    expect(p.report.ok).toBe(false)
    expect(p.report.summary.errors).toBe(1)
    const broken = file(p.report, 'jiangbei-2024-05-10-p1.txt')
    expect(broken.problems[0]).toMatchObject({ level: 'error', code: 'decode' })
    expect(broken.problems[0]!.message).toMatch(
      /cannot tell the encoding: not UTF-8 \(bad bytes at byte 25\)/,
    )
    expect(() => commitImport(p)).toThrow(/1 error\(s\); nothing was imported/)
    expect(snapshot(dir)).toEqual(before)
  })

  it('imports the folder without the broken file; every new issue is searchable at once', () => {
    const { dir, work } = setup()
    const p = plan({ archiveDir: dir, inputs: [mixedBatch(work, false)] })
    expect(p.report).toMatchObject({ ok: true, needsConfirmation: true })
    expect(p.report.issues.map((i) => `${i.id}:${i.pages.join(',')}`)).toEqual([
      'beibei-2024-05-07:1',
      'jiangbei-2024-05-06:1,2',
      'shapingba-2024-05-09:1,2',
      'yuzhong-2024-05-08:3',
    ])
    expect(
      Object.fromEntries(p.report.files.map((f) => [f.file.split('/').pop(), f.encoding])),
    ).toEqual({
      'beibei-a.txt': 'big5',
      'jiangbei-2024-05-06-p1.txt': 'utf-8',
      'jiangbei-2024-05-06-p2.txt': 'gb18030',
      'spb-1.txt': 'gb18030',
      'spb-2.txt': 'big5',
      'yuzhong-scan-0003.txt': 'utf-8',
    })
    const result = commitImport(p)
    expect(result).toMatchObject({ index: 'extended', pages: 6 })
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult.index).toBe('loaded')
    const hit = (q: string) => s.searchSync({ q }).hits.map((h) => h.issueId)
    expect(hit('区科技创新大会')).toEqual(['jiangbei-2024-05-06'])
    expect(hit('悦读江北')).toEqual(['jiangbei-2024-05-06'])
    expect(hit('缙云山森林防火')).toEqual(['beibei-2024-05-07'])
    expect(hit('五月消费季')).toEqual(['yuzhong-2024-05-08'])
    expect(hit('磁器口古镇')).toEqual(['shapingba-2024-05-09'])
    expect(hit('雷锋').length).toBeGreaterThan(0)
    expect(s.listIssuesSync().find((i) => i.id === 'shapingba-2024-05-09')?.paperName).toBe(
      '沙坪坝报',
    )
    // 下转2版 on page 1 leads to the 上接1版 article on page 2, across encodings.
    const p1 = s.getIssueSync('jiangbei-2024-05-06').pages[0]!.articles[0]!
    expect(p1.continuations[0]).toMatchObject({ targetPage: 2, targetExists: true })
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [], warnings: [] })
    const log = readFileSync(join(dir, 'archive.log'), 'utf8').trim().split('\n')
    expect(log).toHaveLength(1)
    expect(JSON.parse(log[0]!)).toMatchObject({ op: 'import', txn: result.txn, pages: 6 })
  })
})

describe('batch import: the validation report', () => {
  it('says where each piece of metadata came from and what the file is', () => {
    const { dir, work } = setup()
    const r = plan({ archiveDir: dir, inputs: [mixedBatch(work, false)] }).report
    const p1 = file(r, 'jiangbei-2024-05-06-p1.txt')
    expect(p1).toMatchObject({
      encoding: 'utf-8',
      encodingSource: 'detected',
      bom: true,
      lineEndings: 'crlf',
      articles: 1,
      paper: { value: 'jiangbei', source: 'filename' },
      date: { value: '2024-05-06', source: 'filename' },
      page: { value: 1, source: 'filename' },
      source: 'jiangbei-2024-05-06-p1.txt',
      continuations: [{ marker: '（下转2版）', targetPage: 2, targetExists: true }],
    })
    expect(p1.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(p1.textHash).toMatch(/^[0-9a-f]{64}$/)
    expect(file(r, 'beibei-a.txt')).toMatchObject({
      paper: { source: 'sidecar' },
      date: { source: 'sidecar' },
    })
    expect(file(r, 'spb-1.txt')).toMatchObject({
      encodingSource: 'declared',
      page: { source: 'manifest' },
    })
    const yz = file(r, 'yuzhong-scan-0003.txt')
    expect(yz).toMatchObject({
      paper: { value: 'yuzhong', source: 'text' },
      date: { value: '2024-05-08', source: 'text', evidence: '2024年5月8日 星期三 (line 2)' },
      page: { value: 3, source: 'text' },
    })
    expect(r.issues.find((i) => i.id === 'yuzhong-2024-05-08')?.problems).toEqual([
      expect.objectContaining({ level: 'warning', code: 'page-gap' }),
    ])
  })

  it('refuses files without metadata, saying what is missing', () => {
    const { dir, work } = setup()
    const f = join(work, 'scan0001.txt')
    writeFileSync(f, '会议召开\n\n本报讯（记者 张三）会议召开。\n')
    const r = plan({ archiveDir: dir, inputs: [f] }).report
    expect(r.ok).toBe(false)
    expect(r.files[0]!.problems).toEqual([
      expect.objectContaining({
        code: 'missing-metadata',
        message: expect.stringMatching(
          /missing the paper .*--paper SLUG.*; and the date .*--date YYYY-MM-DD/,
        ),
      }),
    ])
    const guessed = join(work, 'scan0002.txt')
    writeFileSync(guessed, '□大足日报讯（记者 张三）2024年5月8日 星期三，会议召开。\n')
    const g = plan({ archiveDir: dir, inputs: [guessed] }).report.files[0]!
    expect(g.problems[0]!.message).toMatch(
      /the text names 大足日报.*--paper SLUG --paper-name 大足日报/,
    )
    // Naming the paper's slug is enough then: its name is taken from the text, to be confirmed.
    const named = plan({ archiveDir: dir, inputs: [guessed], paper: 'dazu', firstPage: 1 }).report
    expect(named).toMatchObject({ ok: true, needsConfirmation: true })
    expect(named.files[0]!.paperName).toMatchObject({ value: '大足日报', source: 'text' })
  })

  it('finds duplicates of existing pages: same paper+date+page, same bytes, same text in another encoding', () => {
    const { dir, work } = setup()
    const seed = readFileSync(join(SEEDS, '000_fc561b8f310ec55b.txt'), 'utf8')
    const reencoded = join(work, 'jiangbei-2024-01-02-p1.txt')
    writeFileSync(reencoded, encode(seed.replace(/\n/g, '\r\n'), 'gb18030'))
    const sameBytes = join(work, 'jiangbei-2024-01-03-p1.txt')
    cpSync(join(SEEDS, '001_496bd8901b2cf08b.txt'), sameBytes)
    const samePage = join(work, 'jiangbei-2023-07-13-p2.txt')
    writeFileSync(samePage, '新的文字\n\n本报讯 另一篇报道的内容。\n')
    const r = plan({ archiveDir: dir, inputs: [reencoded, sameBytes, samePage] }).report
    expect(file(r, 'jiangbei-2024-01-02-p1.txt').problems).toContainEqual(
      expect.objectContaining({
        code: 'duplicate',
        message: expect.stringMatching(
          /same text \(after normalization, ignoring line breaks and spaces\) is already in the archive as page 1 of jiangbei-2023-07-13/,
        ),
      }),
    )
    expect(codes(file(r, 'jiangbei-2024-01-03-p1.txt'), 'error')).toEqual(['duplicate'])
    expect(file(r, 'jiangbei-2023-07-13-p2.txt').problems).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-page',
        message: expect.stringMatching(/already has a page 2/),
      }),
    )
  })

  it('finds duplicates and page clashes within the batch', () => {
    const { dir, work } = setup()
    const a = join(work, 'jiangbei-2024-02-01-p1.txt')
    // Pages long enough to be checked (short ones, ads and blanks, repeat legitimately).
    writeFileSync(a, `甲文\n\n本报讯 第一篇报道。${'今天天气晴朗，市民纷纷出门。'.repeat(10)}\n`)
    cpSync(a, join(work, 'jiangbei-2024-02-02-p1.txt'))
    writeFileSync(
      join(work, 'jiangbei-2024-02-01_01.txt'),
      `乙文\n\n本报讯 第二篇报道。${'会议研究部署下一阶段工作。'.repeat(10)}\n`,
    )
    const r = plan({ archiveDir: dir, inputs: [work] }).report
    expect(codes(file(r, 'jiangbei-2024-02-02-p1.txt'), 'error')).toEqual(['duplicate'])
    expect(r.files.flatMap((f) => codes(f, 'error'))).toContain('page-conflict')
  })

  it('checks dates: impossible, future, too early, wrong weekday, later events in the text', () => {
    const { dir, work } = setup()
    const put = (name: string, text: string) => {
      writeFileSync(join(work, name), text)
      return join(work, name)
    }
    const r = plan({
      archiveDir: dir,
      inputs: [
        put('jiangbei-2023-02-30-p1.txt', '甲\n\n本报讯 二月三十日。\n'),
        put('jiangbei-2099-01-01-p1.txt', '乙\n\n本报讯 未来。\n'),
        put('jiangbei-1800-01-01-p1.txt', '丙\n\n本报讯 过去。\n'),
        put('jiangbei-2023-06-10-p1.txt', '2023年6月10日 星期五\n\n本报讯 丁。\n'),
        put('jiangbei-2023-06-11-p1.txt', '戊\n\n本报讯 2023年6月20日将举行活动。\n'),
      ],
    }).report
    expect(codes(file(r, '2023-02-30-p1.txt'))).toContain('bad-date')
    expect(codes(file(r, '2099-01-01-p1.txt'))).toContain('future-date')
    expect(codes(file(r, '1800-01-01-p1.txt'))).toContain('early-date')
    expect(file(r, '2023-06-10-p1.txt').problems).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        code: 'weekday',
        message: expect.stringMatching(/2023-06-10 was a 星期六/),
      }),
    )
    expect(codes(file(r, '2023-06-11-p1.txt'), 'warning')).toEqual(['later-date'])
  })

  it('reports content problems per file: encodings refused by the core, empty pages, 锟斤拷, missing continuation targets', () => {
    const { dir, work } = setup()
    const enc = (n: string) => join(FIXTURES, 'encodings', n)
    const put = (name: string, data: string | Buffer) => {
      writeFileSync(join(work, name), data)
      return join(work, name)
    }
    const r = plan({
      archiveDir: dir,
      paper: 'jiangbei',
      date: '2024-03-01',
      firstPage: 1,
      inputs: [
        enc('mojibake-latin1.txt'),
        enc('binary.bin.txt'),
        enc('empty.txt'),
        put('blank.txt', '  \n\n  '),
        put('kun.txt', '标题\n\n本报讯 锟斤拷锟斤拷的文字。\n'),
        put('marker.txt', '标题\n\n（上接9版）本报讯 文字。\n'),
      ],
    }).report
    expect(codes(file(r, 'mojibake-latin1.txt'))).toEqual(['decode'])
    expect(file(r, 'binary.bin.txt').problems[0]!.message).toMatch(/binary data/)
    expect(codes(file(r, 'empty.txt'))).toEqual(['decode'])
    expect(codes(file(r, 'blank.txt'))).toEqual(['empty'])
    expect(codes(file(r, 'kun.txt'), 'error')).toEqual(['mojibake'])
    expect(file(r, 'marker.txt').problems).toContainEqual(
      expect.objectContaining({
        code: 'continuation',
        message: '（上接9版） points to page 9, which is not in jiangbei-2024-03-01',
      }),
    )
  })

  it('rejects a malformed manifest or sidecar with the file and the key', () => {
    const { dir, work } = setup()
    writeFileSync(join(work, 'p.txt'), '标题\n\n本报讯 文字。\n')
    writeFileSync(
      join(work, 'p.meta.json'),
      JSON.stringify({ paper: 'jiangbei', dat: '2024-01-01' }),
    )
    const r1 = plan({ archiveDir: dir, inputs: [work] }).report
    expect(file(r1, 'p.txt').problems[0]!.message).toMatch(
      /p\.meta\.json: not a valid sidecar.*Unrecognized key.*dat/,
    )
    writeFileSync(
      join(work, 'manifest.json'),
      JSON.stringify({
        format: 'archive-reader/import-manifest',
        version: 1,
        issues: [{ paper: 'Bad', date: '2024-01-01', pages: [] }],
      }),
    )
    const r2 = plan({ archiveDir: dir, inputs: [work] }).report
    expect(r2.problems.find((p) => p.code === 'manifest')?.message).toMatch(
      /manifest\.json: not a valid import manifest: issues\.0\.paper: a paper slug/,
    )
  })

  it('starts a new archive in an empty folder', () => {
    const { work } = setup()
    const dir = join(work, 'new-archive')
    const batch = mixedBatch(work, false)
    const p = plan({ archiveDir: dir, inputs: [batch], title: '新档案' })
    // Papers the new archive does not know need names: those from the manifest are declared.
    expect(p.report.ok).toBe(false)
    expect(p.report.files.flatMap((f) => codes(f, 'error'))).toEqual(
      expect.arrayContaining(['unknown-paper']),
    )
    const only = plan({
      archiveDir: dir,
      inputs: [join(batch, 'spb-1.txt'), join(batch, 'spb-2.txt')],
      title: '新档案',
    })
    expect(only.report.ok).toBe(true)
    commitImport(only)
    expect(verifyArchive(dir)).toMatchObject({ ok: true, issues: 1, pages: 2, warnings: [] })
    expect(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).title).toBe('新档案')
  })
})

describe('batch import: safety', () => {
  it('a cancelled import leaves the archive as it was', () => {
    const { dir, work } = setup()
    const before = snapshot(dir)
    const p = plan({ archiveDir: dir, inputs: [mixedBatch(work, false)] })
    let n = 0
    expect(() => commitImport(p, { shouldCancel: () => ++n > 3 })).toThrow(ImportCancelled)
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses to commit when the archive changed after the check, or a file changed', () => {
    const { dir, work } = setup()
    const batch = mixedBatch(work, false)
    const p = plan({ archiveDir: dir, inputs: [batch] })
    const q = plan({ archiveDir: dir, inputs: [join(batch, 'beibei-a.txt')] })
    commitImport(q)
    expect(() => commitImport(p)).toThrow(/the archive changed since the batch was checked/)
    const r = plan({
      archiveDir: dir,
      inputs: [join(batch, 'spb-1.txt'), join(batch, 'spb-2.txt')],
    })
    writeFileSync(join(batch, 'spb-2.txt'), readFileSync(join(batch, 'spb-2.txt')).subarray(0, 40))
    const before = snapshot(dir)
    expect(() => commitImport(r)).toThrow(/spb-2\.txt: the file changed since it was checked/)
    expect(snapshot(dir)).toEqual(before)
  })

  it('leaves no temp, journal or lock files behind', () => {
    const { dir, work } = setup()
    commitImport(plan({ archiveDir: dir, inputs: [mixedBatch(work, false)] }))
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([])
    expect(existsSync(join(dir, 'index.bin'))).toBe(true)
  })
})
