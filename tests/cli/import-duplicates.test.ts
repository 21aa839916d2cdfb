// Issue 12, duplicates: by content, independent of segmentation and layout. A re-wrapped copy of
// an archived page, the same text in Big5 and UTF-8, a slightly corrected copy are refused; a
// batch of identical tiny ad pages is not blocked; fingerprints.json is kept by the transaction.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli as cli, scratchArchive } from '../support/cli'
import type { ImportReport } from '../../src/shared/archive/import-report'
import { readFingerprintFile, FINGERPRINTS_FILE } from '../../src/node/fingerprints'
import { SEED_FILES, seedText } from '../helpers'
import { encode, pageText, traditional } from '../support/batch'
import { snapshot } from '../support/snapshot'

const setup = () => scratchArchive()

function batch(work: string, files: Record<string, string | Buffer>): string {
  const b = join(work, `b${Math.random().toString(36).slice(2, 8)}`)
  mkdirSync(b)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(b, name), content)
  return b
}

function refused(dir: string, args: string[]): ImportReport {
  const before = snapshot(dir)
  const r = cli(dir, ['--json', ...args])
  expect(r.code, r.err).toBe(1)
  expect(snapshot(dir)).toEqual(before)
  return JSON.parse(r.out) as ImportReport
}

const messages = (r: ImportReport, level: string, code?: string): string[] =>
  r.files.flatMap((f) =>
    f.problems.filter((p) => p.level === level && (!code || p.code === code)).map((p) => p.message),
  )

/** The page's paragraphs re-wrapped at `width` characters, with a stray space here and there. */
function rewrap(text: string, width: number): string {
  return text
    .split(/\n\s*\n/)
    .map((para) => {
      const flat = para.replace(/\s+/g, '')
      const lines: string[] = []
      for (let i = 0; i < flat.length; i += width) lines.push(flat.slice(i, i + width))
      return lines.join(i(lines.length) ? '\n' : ' \n')
    })
    .join('\n\n')
  function i(n: number): boolean {
    return n % 2 === 0
  }
}

describe('duplicates by content', () => {
  it('refuses an archived page re-wrapped at another width, naming the page it copies', () => {
    const { dir, work } = setup()
    const copy = rewrap(seedText(SEED_FILES.jiangbei2), 17)
    expect(copy).not.toBe(seedText(SEED_FILES.jiangbei2))
    const b = batch(work, { 'jiangbei-2023-07-20-p1.txt': copy })
    const report = refused(dir, ['add', b])
    expect(messages(report, 'error')).toEqual([
      'the same text (after normalization, ignoring line breaks and spaces) is already in the archive as page 2 of jiangbei-2023-07-13: the same page in another encoding or layout? Leave this file out',
    ])
  })

  it('refuses the same text in Big5 that the archive has in UTF-8 (traditional characters folded)', () => {
    const { dir, work } = setup()
    const text = pageText({
      paper: 'hk',
      date: '2024-05-08',
      page: 1,
      pages: 1,
      seed: 7,
      chars: 2000,
    })
    const first = batch(work, { 'hk-2024-05-08-p1.txt': text })
    const added = cli(dir, ['add', first, '--paper-name', '港报', '--yes'])
    expect(added.code, added.out).toBe(0)
    // In traditional characters, in Big5, re-wrapped: other bytes, the same content.
    const b = batch(work, { 'hk-2024-05-09-p1.txt': encode(rewrap(traditional(text), 24), 'big5') })
    const report = refused(dir, ['add', b, '--yes'])
    expect(report.files[0]?.encoding).toBe('big5')
    expect(messages(report, 'error')).toEqual([
      'the same text (after normalization, ignoring line breaks and spaces) is already in the archive as page 1 of hk-2024-05-08: the same page in another encoding or layout? Leave this file out',
    ])
  })

  it('refuses a copy with a few characters changed, warns about a page that shares most of its text', () => {
    const { dir, work } = setup()
    const text = seedText(SEED_FILES.jiangbei2)
    // One character in a thousand changed: the same page, corrected.
    const chars = [...text]
    for (let k = 500; k < chars.length; k += 1000)
      if (/\p{Script=Han}/u.test(chars[k] ?? '')) chars[k] = '鑫'
    const corrected = batch(work, { 'jiangbei-2023-07-20-p1.txt': chars.join('') })
    const a = refused(dir, ['add', corrected])
    expect(messages(a, 'error')).toHaveLength(1)
    expect(messages(a, 'error')[0]).toMatch(
      /^nearly the same text as page 2 of jiangbei-2023-07-13 in the archive \(similarity 0\.9[89]|1\.00, refused from 0\.98\): a corrected or re-exported copy\? Keep one of them$/,
    )
    // The first 92% of the page and a new paragraph: imported, with a warning naming the page.
    const cut =
      text.slice(0, Math.round(text.length * 0.92)) + '\n\n本报讯 新的一段文字，与原页不同。'
    const b = batch(work, { 'jiangbei-2023-07-21-p1.txt': cut })
    const r = cli(dir, ['--json', 'add', b])
    expect(r.code, r.err).toBe(0)
    const warned = messages(JSON.parse(r.out) as ImportReport, 'warning', 'near-duplicate')
    expect(warned).toHaveLength(1)
    expect(warned[0]).toMatch(
      /^much of the text is the same as page 2 of jiangbei-2023-07-13 in the archive \(similarity 0\.9\d, flagged from 0\.9\): check that it is not a copy$/,
    )
  })

  it('does not let 50 identical 10-byte 广告 pages block a batch; they are listed as exempt', () => {
    const { dir, work } = setup()
    const files: Record<string, Buffer | string> = {}
    for (let p = 1; p <= 50; p++)
      files[`jiangbei-2024-05-06-p${p}.txt`] = encode('广告\n广告\n', 'gb18030')
    expect(files['jiangbei-2024-05-06-p1.txt']).toHaveLength(10)
    files['jiangbei-2024-05-06-p51.txt'] = pageText({
      paper: 'jiangbei',
      date: '2024-05-06',
      page: 51,
      pages: 51,
      seed: 9,
      chars: 1500,
    })
    const b = batch(work, files)
    const r = cli(dir, ['--json', 'add', b, '--dry-run'])
    const report = JSON.parse(r.out) as ImportReport
    expect(r.code, messages(report, 'error').join('\n')).toBe(0)
    expect(messages(report, 'info', 'short-page')).toHaveLength(50)
    expect(messages(report, 'info', 'short-page')[0]).toBe(
      'only 4 character(s) of text (under 100): not checked for duplicates, since ads and blank pages repeat',
    )
  })

  it('keeps fingerprints.json in step: written by add, shrunk by remove, rebuilt by verify --repair', () => {
    const { dir, work } = setup()
    const b = batch(work, {
      'jiangbei-2024-05-06-p1.txt': rewrap(seedText(SEED_FILES.yuzhong), 30).replace(/渝/g, '江'),
    })
    expect(cli(dir, ['add', b]).code).toBe(0)
    const after = readFingerprintFile(dir)
    expect(after.state).toBe('ok')
    expect(after.entries.map((e) => `${e.issue}:${e.page}`)).toContain('jiangbei-2024-05-06:1')
    expect(after.entries).toHaveLength(6)
    expect(cli(dir, ['verify']).err).not.toContain(FINGERPRINTS_FILE)

    expect(cli(dir, ['remove', 'jiangbei-2024-05-06']).code).toBe(0)
    expect(readFingerprintFile(dir).entries).toHaveLength(5)

    // Damaged: verify fails, naming it; repair rebuilds it from the pages.
    const file = join(dir, FINGERPRINTS_FILE)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"chars":\d+/, '"chars":7'))
    const v = cli(dir, ['verify'])
    expect(v.code).toBe(1)
    expect(v.err).toContain(
      `error: ${file}: damaged (its checksum does not match its entries); run "verify --repair" to rebuild it`,
    )
    const repaired = cli(dir, ['verify', '--repair'])
    expect(repaired.code, repaired.err).toBe(0)
    expect(repaired.err).toContain(
      `repaired: wrote ${FINGERPRINTS_FILE} (5 page(s), 5 fingerprint(s) computed`,
    )
    expect(readFingerprintFile(dir).state).toBe('ok')

    // Missing (an older archive): not a problem; the next import computes the fingerprints from
    // the pages, still finds the copy, and writes the file.
    rmSync(file)
    expect(cli(dir, ['verify']).err).not.toContain(FINGERPRINTS_FILE)
    const again = batch(work, {
      'jiangbei-2023-07-20-p1.txt': rewrap(seedText(SEED_FILES.jiangbei1), 21),
    })
    expect(messages(refused(dir, ['add', again]), 'error', 'duplicate')).toHaveLength(1)
    const fresh = batch(work, {
      'jiangbei-2024-05-07-p1.txt': pageText({
        paper: 'jiangbei',
        date: '2024-05-07',
        page: 1,
        pages: 1,
        seed: 3,
        chars: 800,
      }),
    })
    expect(cli(dir, ['add', fresh]).code).toBe(0)
    expect(readFingerprintFile(dir).entries).toHaveLength(6)
  })
})
