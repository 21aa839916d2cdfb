import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addIssue } from '../../src/node/add-issue'
import { ArchiveService } from '../../src/node/archive-service'
import { verifyArchive } from '../../src/node/verify'
import { FIXTURES, SEEDS, tempArchive, tempDir } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})
const mk = () => {
  const a = tempArchive()
  const f = tempDir()
  cleanups.push(a.cleanup, f.cleanup)
  ArchiveService.open({ archiveDir: a.dir })
  return { dir: a.dir, files: f.dir }
}
/** Every file's bytes, to prove a refused add changed nothing. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir).map((n) => [n, readFileSync(join(dir, n)).toString('base64')]),
  )
const enc = (name: string) => join(FIXTURES, 'encodings', name)

describe('add', () => {
  it('adds a GB18030 page and a Big5 page as one issue; the index is extended and searchable at once', () => {
    const { dir } = mk()
    const r = addIssue({
      archiveDir: dir,
      files: [enc('simplified.gb18030.txt'), enc('traditional.big5.txt')],
      paper: 'test-paper',
      paperName: '测试报',
      date: '2024-05-06',
      today: '2026-11-21',
    })
    expect(r).toMatchObject({ issueId: 'test-paper-2024-05-06', index: 'extended' })
    expect(r.pages.map((p) => p.encoding)).toEqual(['gb18030', 'big5'])
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult.index).toBe('loaded')
    const hits = s.searchSync({ q: '委员会获悉', issueId: 'test-paper-2024-05-06' }).hits
    expect(hits.map((h) => h.page).sort()).toEqual([1, 2])
    expect(verifyArchive(dir)).toMatchObject({ ok: true, errors: [] })
    // The copied page keeps the original bytes; the catalog records the encoding.
    expect(readFileSync(join(dir, 'test-paper-2024-05-06-p1.txt'))).toEqual(
      readFileSync(enc('simplified.gb18030.txt')),
    )
  })

  it('refuses bad input with a specific message and leaves the archive exactly as it was', () => {
    const { dir, files } = mk()
    const before = snapshot(dir)
    const good = enc('simplified.gb18030.txt')
    const big = join(files, 'big.txt')
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41))
    const twin = join(files, 'twin.txt')
    writeFileSync(twin, readFileSync(good))
    const base = { archiveDir: dir, paper: 'jiangbei', date: '2024-01-02', today: '2026-11-21' }
    const cases: [Partial<Parameters<typeof addIssue>[0]>, RegExp][] = [
      [{ files: [enc('empty.txt')] }, /empty\.txt: the file is empty/],
      [
        { files: [enc('binary.bin.txt')] },
        /binary\.bin\.txt: binary data \(a NUL byte\) at byte 0/,
      ],
      [{ files: [big] }, /big\.txt: the file is 50\.0 MB/],
      [
        { files: [enc('broken.txt')] },
        /broken\.txt: cannot tell the encoding: not UTF-8 \(bad bytes at byte 25\)/,
      ],
      [{ files: [enc('mojibake-latin1.txt')] }, /mojibake/],
      [
        { files: [join(SEEDS, '000_fc561b8f310ec55b.txt')] },
        /already in the archive as page 1 of jiangbei-2023-07-13/,
      ],
      [{ files: [good], date: '2023-02-30' }, /the date 2023-02-30 \(--date\) is not a real date/],
      [{ files: [good], date: '2099-01-01' }, /in the future/],
      [{ files: [good], date: '2023-07-13', page: 1 } as never, /already has a page 1/],
      [{ files: [good], paper: 'Bad Slug' }, /is not a slug/],
      [
        { files: [good], paper: 'unknown' },
        /"unknown" is not in the archive; give its name with --paper-name/,
      ],
      [{ files: [good], encoding: 'latin1' }, /unknown --encoding "latin1"/],
      [
        { files: [good], encoding: 'utf-8' },
        /declared utf-8, but the bytes do not read as utf-8: as utf-8, 99 undecodable byte sequence\(s\), the first at byte 0; as gb18030, 0 of 64 Han characters are rare and 0 private-use — declare --encoding gb18030/,
      ],
      [{ files: [good, enc('empty.txt')] }, /empty\.txt: the file is empty/],
      [{ files: [join(files, 'nope.txt')] }, /nope\.txt: no such file/],
      [
        { files: [good, twin] },
        /twin\.txt: the same bytes as .*simplified\.gb18030\.txt in this batch/,
      ],
    ]
    for (const [opts, message] of cases) {
      const o = { ...base, files: [], ...opts } as Parameters<typeof addIssue>[0]
      if ((opts as { page?: number }).page) o.firstPage = (opts as { page?: number }).page
      expect(() => addIssue(o), String(message)).toThrow(message)
      expect(snapshot(dir)).toEqual(before)
    }
  })

  it('adds a page to an existing issue after its last page', () => {
    const { dir } = mk()
    const r = addIssue({
      archiveDir: dir,
      files: [enc('traditional.utf8.txt')],
      paper: 'jiangbei',
      date: '2023-07-13',
      firstPage: 3,
      today: '2026-11-21',
    })
    expect(r.pages[0]).toMatchObject({ number: 3, encoding: 'utf-8' })
    const s = ArchiveService.open({ archiveDir: dir })
    expect(
      s
        .listIssuesSync()
        .find((i) => i.id === 'jiangbei-2023-07-13')!
        .pages.map((p) => p.number),
    ).toEqual([1, 2, 3])
    expect(s.searchSync({ q: '深入贯彻生态文明思想', page: 3 }).total).toBe(1)
  })

  it('writes the catalog atomically (no temp files left behind)', () => {
    const { dir } = mk()
    addIssue({
      archiveDir: dir,
      files: [enc('simplified.utf8-bom-crlf.txt')],
      paper: 'jiangbei',
      date: '2023-07-14',
      today: '2026-11-21',
    })
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(statSync(join(dir, 'catalog.json')).size).toBeGreaterThan(0)
  })
})
