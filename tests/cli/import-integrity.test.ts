// What an import must never get silently wrong (issue 12): encodings (HKSCS, wrong
// declarations, truncation, private use). Every refusal leaves the archive byte-identical.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli as cli, scratchArchive } from '../support/cli'
import type { ImportReport } from '../../src/shared/archive/import-report'
import { snapshot } from '../support/snapshot'
import { ENCODING_SET } from '../support/encoding-fixtures'

const setup = () => scratchArchive({ indexed: true })

/** A batch folder holding copies of fixture-set files under the given names. */
function batchOf(work: string, files: Record<string, string>): string {
  const batch = join(work, `batch-${Object.keys(files).join('-').length}-${Date.now()}`)
  mkdirSync(batch, { recursive: true })
  for (const [name, from] of Object.entries(files))
    copyFileSync(join(ENCODING_SET, from), join(batch, name))
  return batch
}

/** Runs a refused add and checks that the archive did not change by a byte. */
function refused(dir: string, args: string[]): { out: string; err: string; report: ImportReport } {
  const before = snapshot(dir)
  const r = cli(dir, ['--json', ...args])
  expect(r.code, r.err).toBe(1)
  expect(snapshot(dir)).toEqual(before)
  return { ...r, report: JSON.parse(r.out) as ImportReport }
}

function errors(report: ImportReport): string[] {
  return report.files.flatMap((f) =>
    f.problems.filter((p) => p.level === 'error').map((p) => p.message),
  )
}

describe('encodings on import', () => {
  it('imports Big5-HKSCS text without loss: 深水埗 is searchable and verify passes', () => {
    const { dir, work } = setup()
    const batch = batchOf(work, { 'hongkong-2024-05-08-p1.txt': 'big5-hkscs.txt' })
    const r = cli(dir, ['add', batch, '--paper-name', '香港街坊報', '--yes'])
    expect(r.code, r.err + r.out).toBe(0)
    const s = cli(dir, ['--json', 'search', '深水埗'])
    const hits = JSON.parse(s.out) as { total: number; hits: { snippet: string }[] }
    expect(hits.total).toBeGreaterThan(0)
    expect(hits.hits.map((h) => h.snippet).join('')).toContain('深水埗')
    const v = cli(dir, ['verify'])
    expect(v.code, v.out + v.err).toBe(0)
  })

  it('reports a declared big5-hkscs, cp950 or gbk as declared, by that name', () => {
    const { dir, work } = setup()
    for (const [file, label, page] of [
      ['big5-hkscs-declared.txt', 'big5-hkscs', 1],
      ['cp950-declared.txt', 'cp950', 3],
      ['gbk-declared.txt', 'gbk', 2],
    ] as const) {
      // Named with the page each prints (第3版, 第2版; the HKSCS one prints none).
      const batch = batchOf(work, { [`hk-2024-05-08-p${page}.txt`]: file })
      const r = cli(dir, ['add', batch, '--paper-name', '报', '--encoding', label, '--dry-run'])
      expect(r.code, r.out).toBe(0)
      expect(r.out).toContain(`${label} (declared)`)
    }
  })

  it('refuses a GB18030 page declared big5 with both figures and the right declaration', () => {
    const { dir, work } = setup()
    const batch = batchOf(work, { 'jiangbei-2024-05-08-p2.txt': 'gb18030-declared-big5-reads.txt' })
    const { report } = refused(dir, ['add', batch, '--encoding', 'big5'])
    expect(errors(report)).toEqual([
      'declared big5, but the bytes do not read as big5: as big5, 58 of 153 Han characters are rare and 0 private-use; as gb18030, 0 of 164 Han characters are rare and 0 private-use — declare --encoding gb18030 (or leave the encoding undeclared)',
    ])
  })

  it('names a truncated file as cut short, declared or not', () => {
    const { dir, work } = setup()
    const batch = batchOf(work, { 'jiangbei-2024-05-08-p2.txt': 'truncated-gb18030.txt' })
    const a = refused(dir, ['add', batch])
    expect(errors(a.report)).toEqual([
      'the file ends in the middle of a character at byte 380 (it reads as gb18030 up to there): it was cut short; copy or export it again',
    ])
    const b = refused(dir, ['add', batch, '--encoding', 'gbk'])
    expect(errors(b.report)).toEqual([
      'the file ends in the middle of a character at byte 380 (it reads as gb18030 up to there): it was cut short; copy or export it again',
    ])
  })

  it('refuses private-use characters with their byte offsets unless they are allowed', () => {
    const { dir, work } = setup()
    const batch = batchOf(work, { 'jiangbei-2024-05-08-p2.txt': 'private-use.txt' })
    const { report } = refused(dir, ['add', batch])
    expect(errors(report)).toEqual([
      '1 private-use character(s) when read as utf-8 (bytes at 572): the encoding has no standard character for them; fix the source, declare the right encoding, or allow them explicitly (--allow-private-use)',
    ])
    const ok = cli(dir, ['add', batch, '--allow-private-use'])
    expect(ok.code, ok.out).toBe(0)
    const v = cli(dir, ['verify'])
    expect(v.code, v.out + v.err).toBe(0)
  })

  it('verify names a page that was let in under a wrong declaration', () => {
    const { dir, work } = setup()
    const batch = batchOf(work, { 'jiangbei-2024-05-08-p1.txt': 'big5.txt' })
    expect(cli(dir, ['add', batch]).code).toBe(0)
    // As an older version would have catalogued it: big5 bytes recorded as gb18030.
    const catalog = join(dir, 'catalog.json')
    const text = readFileSync(catalog, 'utf8')
    const patched = text.replace(
      /("source": "jiangbei-2024-05-08-p1\.txt",\s*"sha256": "[0-9a-f]+",\s*"encoding": )"big5"/,
      '$1"gb18030"',
    )
    expect(patched).not.toBe(text)
    writeFileSync(catalog, patched)
    const v = cli(dir, ['verify'])
    expect(v.code).toBe(1)
    expect(v.out + v.err).toContain('declared gb18030, but the bytes do not read as gb18030')
  })
})
