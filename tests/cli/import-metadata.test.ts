// Issue 12, provenance and papers: the catalog records where an issue's date came from (given,
// manifest, sidecar, file name, printed), and list/show say it; a dated subtitle is not the
// masthead's date; one paper, one slug.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli as cli, scratchArchive } from '../support/cli'
import type { ImportReport } from '../../src/shared/archive/import-report'
import type { Catalog } from '../../src/shared/types'
import { pageText } from '../support/batch'
import { snapshot } from '../support/snapshot'

const setup = () => scratchArchive()

let seed = 100
/** A fresh page (its own text, so no duplicate of anything), numbered 第N版. */
function page(n = 1): string {
  return pageText({ paper: 'x', date: '2024-05-06', page: n, pages: 1, seed: seed++, chars: 400 })
}

function folder(work: string, files: Record<string, string>): string {
  const b = join(work, `b${seed++}`)
  mkdirSync(b)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(b, name), content)
  return b
}

const catalog = (dir: string): Catalog =>
  JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog
const dateSource = (dir: string, id: string) =>
  catalog(dir).issues.find((i) => i.id === id)?.dateSource

describe('dateSource is where the date came from', () => {
  it('given, manifest, sidecar, file name, printed — stored and shown by list and show', () => {
    const { dir, work } = setup()
    const ok = (args: string[]) => {
      // --yes: the page number is read from the text (第1版).
      const r = cli(dir, ['add', ...args, '--yes'])
      expect(r.code, r.out + r.err).toBe(0)
    }
    ok([folder(work, { 'a.txt': page() }), '--paper', 'jiangbei', '--date', '2024-05-01'])
    ok([folder(work, { 'jiangbei-2024-05-02-p1.txt': page() })])
    ok([
      folder(work, {
        'b.txt': page(),
        'b.meta.json': JSON.stringify({ paper: 'jiangbei', date: '2024-05-03', page: 1 }),
      }),
    ])
    ok([
      folder(work, {
        'c.txt': page(),
        'manifest.json': JSON.stringify({
          format: 'archive-reader/import-manifest',
          version: 1,
          issues: [
            { paper: 'jiangbei', date: '2024-05-04', pages: [{ file: 'c.txt', number: 1 }] },
          ],
        }),
      }),
    ])
    ok([
      folder(work, { 'd.txt': `江北报\n2024年5月6日 星期一\n${page()}` }),
      '--paper',
      'jiangbei',
      '--yes',
    ])
    expect(
      ['01', '02', '03', '04', '06'].map((d) => dateSource(dir, `jiangbei-2024-05-${d}`)),
    ).toEqual(['given', 'file-name', 'sidecar', 'manifest', 'printed'])
    const list = cli(dir, ['list']).out
    expect(list).toMatch(/jiangbei-2024-05-01 +江北报 {2}2024-05-01 \(date given at import\)/)
    expect(list).toMatch(/jiangbei-2024-05-02 +江北报 {2}2024-05-02 \(date from the file name\)/)
    expect(list).toMatch(/jiangbei-2024-05-03 +江北报 {2}2024-05-03 \(date from the sidecar\)/)
    expect(list).toMatch(/jiangbei-2024-05-04 +江北报 {2}2024-05-04 \(date from the manifest\)/)
    expect(list).toMatch(/jiangbei-2024-05-06 +江北报 {2}2024-05-06 {2}pages/)
    expect(cli(dir, ['show', 'jiangbei-2024-05-01']).out.split('\n')[0]).toBe(
      '江北报 2024-05-01 (date given at import)  [jiangbei-2024-05-01]',
    )
    expect(JSON.parse(cli(dir, ['--json', 'show', 'jiangbei-2024-05-02']).out)).toMatchObject({
      dateSource: 'file-name',
    })
    expect(cli(dir, ['verify']).code).toBe(0)
  })

  it('does not take a dated subtitle for the issue date (no date-disagrees warning)', () => {
    const { dir, work } = setup()
    const text = `江北报\n\n在全区经济工作会议上的讲话\n（2019年1月11日）\n\n${page()}`
    const r = cli(dir, [
      '--json',
      'add',
      folder(work, { 'jiangbei-2019-01-12-p1.txt': text }),
      '--dry-run',
    ])
    const report = JSON.parse(r.out) as ImportReport
    expect(report.files[0]?.problems.map((p) => p.code)).not.toContain('date-disagrees')
    expect(report.ok).toBe(true)
  })
})

describe('one paper, one slug', () => {
  it('refuses README’s old example: 新渝报 under a second slug, naming the slug to use', () => {
    const { dir, work } = setup()
    const b = folder(work, { 'p.txt': page() })
    const args = [
      'add',
      b,
      '--yes',
      '--paper',
      'dazu',
      '--paper-name',
      '新渝报',
      '--date',
      '2022-07-16',
    ]
    const before = snapshot(dir)
    const r = cli(dir, ['--json', ...args])
    expect(r.code).toBe(1)
    expect(snapshot(dir)).toEqual(before)
    const errors = (JSON.parse(r.out) as ImportReport).files[0]?.problems.filter(
      (p) => p.level === 'error',
    )
    expect(errors?.map((p) => p.message)).toEqual([
      '新渝报 is already in the archive as the paper "xinyu": use --paper xinyu (or, for a different paper of the same name, add --allow-same-name)',
    ])
    // Also in traditional characters; and allowed on purpose.
    expect(cli(dir, [...args.slice(0, -3), '新渝報', '--date', '2022-07-16']).code).toBe(1)
    expect(cli(dir, [...args, '--allow-same-name']).code).toBe(0)
    expect(
      catalog(dir)
        .papers.filter((p) => p.name === '新渝报')
        .map((p) => p.slug),
    ).toEqual(['dazu', 'xinyu'])
  })

  it('refuses a second name for a slug the archive has', () => {
    const { dir, work } = setup()
    const r = cli(dir, [
      '--json',
      'add',
      folder(work, { 'jiangbei-2024-05-09-p1.txt': page() }),
      '--paper-name',
      '新渝报',
    ])
    expect(r.code).toBe(1)
    expect(
      (JSON.parse(r.out) as ImportReport).files[0]?.problems
        .filter((p) => p.level === 'error')
        .map((p) => p.message),
    ).toEqual([
      'the paper "jiangbei" is 江北报 in the archive, but --paper-name names it 新渝报: leave the name out, give the other paper its own slug, or rename on purpose with --allow-same-name',
    ])
    // Its own name (here in traditional characters) is fine.
    const same = cli(dir, [
      'add',
      folder(work, { 'jiangbei-2024-05-09-p1.txt': page() }),
      '--paper-name',
      '江北報',
    ])
    expect(same.code, same.out).toBe(0)
  })
})

describe('smaller items', () => {
  it('search --limit says how many of the hits it shows', () => {
    const { dir } = setup()
    const all = cli(dir, ['search', '发展'])
    const total = Number(/^(\d+) hit\(s\)/.exec(all.out)?.[1])
    expect(total).toBeGreaterThan(3)
    expect(cli(dir, ['search', '发展', '--limit', '3']).out.split('\n')[0]).toMatch(
      new RegExp(
        `^${total} hit\\(s\\) for "发展" in [\\d.]+ ms; 3 shown \\(--limit N and --offset N page through them\\)$`,
      ),
    )
    expect(all.out.split('\n')[0]).not.toContain('shown')
  })

  it('verify (and --repair) on a folder that is not an archive says so, and writes nothing', () => {
    const { work } = setup()
    const before = snapshot(work)
    for (const args of [['verify'], ['verify', '--repair']]) {
      const r = cli(work, args)
      expect(r.code).toBe(1)
      expect(r.out + r.err).toContain(
        `${work} is not an archive folder (it has no catalog.json); give --archive DIR for the folder that holds one`,
      )
      expect(r.out + r.err).not.toContain('restore the archive folder from a copy')
    }
    expect(snapshot(work)).toEqual(before)
    expect(cli(join(work, 'nope'), ['verify']).err).toContain(
      `${join(work, 'nope')}: no such folder; give --archive DIR for an archive folder`,
    )
  })
})

describe('remove ISSUE --page N', () => {
  it('takes one page out (catalog, file, index, fingerprints); refuses an unknown or only page', () => {
    const { dir, work } = setup()
    // An import first, so fingerprints.json exists and must follow.
    expect(
      cli(dir, ['add', folder(work, { 'jiangbei-2024-05-06-p1.txt': page() }), '--yes']).code,
    ).toBe(0)
    const before = snapshot(dir)
    const none = cli(dir, ['remove', 'jiangbei-2023-07-13', '--page', '7'])
    expect(none.code).toBe(1)
    expect(none.err).toContain('remove: jiangbei-2023-07-13 has no page 7; it has 1, 2')
    const only = cli(dir, ['remove', 'jiangbei-2024-05-06', '--page', '1'])
    expect(only.err).toContain(
      'remove: page 1 is the only page of jiangbei-2024-05-06; remove the issue itself ("remove jiangbei-2024-05-06")',
    )
    expect(snapshot(dir)).toEqual(before)

    const r = cli(dir, ['remove', 'jiangbei-2023-07-13', '--page', '2'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/^Removed page 2 of jiangbei-2023-07-13 \(jiangbei 2023-07-13\)/)
    const issue = catalog(dir).issues.find((i) => i.id === 'jiangbei-2023-07-13')
    expect(issue?.pages.map((p) => p.number)).toEqual([1])
    const hits = (q: string) => JSON.parse(cli(dir, ['--json', 'search', q]).out).total as number
    expect(hits('区政法委员会')).toBe(0) // page 2's text
    expect(hits('发展和改革委员会')).toBe(1) // page 1's
    const fp = JSON.parse(readFileSync(join(dir, 'fingerprints.json'), 'utf8')) as {
      pages: { issue: string; page: number }[]
    }
    expect(fp.pages.filter((e) => e.issue === 'jiangbei-2023-07-13').map((e) => e.page)).toEqual([
      1,
    ])
    const v = cli(dir, ['verify'])
    expect(v.code, v.err).toBe(0)
    expect(v.err).toBe('')
  })
})
