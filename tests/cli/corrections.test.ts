import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli as cli } from '../support/cli'
import { ArchiveService } from '../../src/node/archive-service'
import { sha256 } from '../../src/node/archive-dir'
import type { IssueView, SearchResponse } from '../../src/shared/types'
import { tempArchive, tempDir } from '../helpers'
import { snapshot } from '../support/snapshot'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

function setup(): string {
  const a = tempArchive()
  cleanups.push(a.cleanup)
  ArchiveService.open({ archiveDir: a.dir })
  return a.dir
}

const J1 = 'jiangbei-2023-07-13'
const X = 'xinyu-2022-07-15'

function view(dir: string, id: string): IssueView {
  return JSON.parse(cli(dir, ['--json', 'show', id]).out) as IssueView
}
function hits(dir: string, q: string): string[] {
  const r = JSON.parse(cli(dir, ['--json', 'search', q]).out) as SearchResponse
  return r.hits.map((h) => h.articleId)
}
const page1 = (dir: string, id = J1) => view(dir, id).pages[0]?.articles ?? []

describe('archive-reader edit', () => {
  it('every kind changes the articles, is logged, and the index follows', () => {
    const dir = setup()
    const before = page1(dir)
    const n = before.length

    // retype, with --dry-run first (nothing changes)
    const snap = snapshot(dir)
    const dry = cli(dir, ['edit', 'retype', `${J1}/p1/a2`, 'brief', '--dry-run'])
    expect(dry.code, dry.err).toBe(0)
    expect(dry.out).toMatch(/^Would add retype-/)
    expect(snapshot(dir)).toEqual(snap)
    expect(cli(dir, ['edit', 'retype', `${J1}/p1/a2`, 'brief']).code).toBe(0)
    expect(page1(dir)[1]?.type).toBe('brief')

    // merge a3 with a4
    expect(cli(dir, ['edit', 'merge', `${J1}/p1/a3`]).code).toBe(0)
    const merged = page1(dir)
    expect(merged).toHaveLength(n - 1)
    expect(merged[2]?.text).toContain('登康口腔')

    // split the 商务部 article (a6 now) before its second paragraph
    const s = cli(dir, [
      'edit',
      'split',
      `${J1}/p1/a6`,
      '--before',
      '重庆星光68广场',
      '--occurrence',
      '1',
    ])
    expect(s.code, s.err).toBe(0)
    const split = page1(dir)
    expect(split).toHaveLength(n)
    expect(split[6]?.text).toMatch(/^重庆星光68广场/)
    expect(split[6]?.corrections?.[0]?.kind).toBe('split')

    // retitle
    const t = cli(dir, [
      'edit',
      'retitle',
      `${J1}/p1/a7`,
      '--headline',
      '星光广场调研',
      '--kicker',
      '消费',
    ])
    expect(t.code, t.err).toBe(0)
    expect(page1(dir)[6]).toMatchObject({ headline: '星光广场调研', kicker: '消费' })
    expect(hits(dir, '星光广场调研')).toContain(`${J1}/p1/a7`)

    // unlink and link again
    expect(page1(dir)[0]?.continuations[0]?.targetArticleId).toBe(`${J1}/p2/a5`)
    expect(cli(dir, ['edit', 'unlink', `${J1}/p1/a1`]).code).toBe(0)
    expect(page1(dir)[0]?.continuations[0]?.targetArticleId).toBeUndefined()
    expect(page1(dir)[0]?.story).toBeUndefined()
    expect(cli(dir, ['edit', 'link', `${J1}/p1/a1`, `${J1}/p2/a5`]).code).toBe(0)
    expect(page1(dir)[0]?.story?.parts).toEqual([`${J1}/p1/a1`, `${J1}/p2/a5`])

    // fix-text: the corrected words and the words as printed are both found
    const f = cli(dir, [
      'edit',
      'fix-text',
      `${X}/p1/a4`,
      '--find',
      '大足英才"遴选',
      '--replace',
      '大足英才”遴选',
    ])
    expect(f.code, f.err).toBe(0)
    const fixed = page1(dir, X)[3]
    expect(fixed?.text).toContain('大足英才”遴选')
    expect(fixed?.corrections?.[0]).toMatchObject({ kind: 'fix-text', original: '大足英才"遴选' })
    expect(hits(dir, '"大足英才”遴选"')).toContain(`${X}/p1/a4`)
    expect(hits(dir, '"大足英才"遴选"')).toContain(`${X}/p1/a4`)

    const log = readFileSync(join(dir, 'archive.log'), 'utf8').trim().split('\n')
    expect(log.filter((l) => l.includes('"op":"correct"'))).toHaveLength(7)
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
      corrections: string
    }
    expect(catalog.corrections).toBe(sha256(readFileSync(join(dir, 'corrections.json'))))
    const list = cli(dir, ['corrections', 'list'])
    expect(list.code, list.out).toBe(0)
    expect(list.out).toMatch(/7 correction\(s\)/)
    expect(cli(dir, ['verify']).code).toBe(0)
  })

  it('refuses clearly and changes nothing: unknown block, outside its block, nothing to change', () => {
    const dir = setup()
    const snap = snapshot(dir)
    const unknown = cli(dir, ['edit', 'retype', `${J1}/p1/a99`, 'ad'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/unknown block "jiangbei-2023-07-13\/p1\/a99": page 1 .* has 10/)
    const outside = cli(dir, ['edit', 'split', `${J1}/p1/a1`, '--at', '999999'])
    expect(outside.err).toMatch(/outside its block/)
    expect(cli(dir, ['edit', 'retype', `${J1}/p1/a1`, 'article']).err).toMatch(/already of type/)
    expect(cli(dir, ['edit', 'fix-text', `${J1}/p1/a1`, '--find', '不存在的字']).code).toBe(2)
    expect(cli(dir, ['edit', 'frobnicate', `${J1}/p1/a1`]).code).toBe(2)
    expect(snapshot(dir)).toEqual(snap)
  })
})

describe('archive-reader corrections', () => {
  it('export and import round-trip; a batch with one bad entry is refused whole', () => {
    const dir = setup()
    cli(dir, ['edit', 'retype', `${J1}/p1/a2`, 'brief'])
    cli(dir, ['edit', 'fix-text', `${X}/p1/a4`, '--find', '遴选及资助', '--replace', '遴选和资助'])
    const w = tempDir()
    cleanups.push(w.cleanup)
    const file = join(w.dir, 'c.json')
    expect(cli(dir, ['corrections', 'export', file]).code).toBe(0)

    const other = setup()
    const dry = cli(other, ['corrections', 'import', file, '--dry-run'])
    expect(dry.out).toMatch(/Would add .*fix-text/)
    expect(cli(other, ['corrections', 'import', file]).code).toBe(0)
    expect(page1(other)[1]?.type).toBe('brief')
    expect(hits(other, '遴选和资助')).toEqual([`${X}/p1/a4`])
    // Importing it again changes nothing.
    expect(cli(other, ['corrections', 'import', file]).out).toMatch(/already there/)

    // One stale entry in a batch: nothing from the batch is applied, the entry is named.
    const batch = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown>[] }
    const good = { ...batch.entries[0], id: 'good-1', kind: 'retype', type: 'ad' }
    const stale = {
      ...batch.entries[1],
      id: 'stale-1',
      anchor: { start: 5, end: 9, hash: '00000000', head: '无此文字' },
    }
    writeFileSync(file, JSON.stringify({ ...batch, entries: [good, stale] }))
    const third = setup()
    const snap = snapshot(third)
    const r = cli(third, ['corrections', 'import', file])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/"stale-1" \(fix-text\): stale anchor/)
    expect(r.err).not.toMatch(/good-1/)
    expect(snapshot(third)).toEqual(snap)
  })

  it('verify reports a correction gone stale (its page text changed under it)', () => {
    const dir = setup()
    cli(dir, ['edit', 'fix-text', `${X}/p1/a4`, '--find', '遴选及资助', '--replace', '遴选和资助'])
    const path = join(dir, 'corrections.json')
    const c = JSON.parse(readFileSync(path, 'utf8')) as { entries: { anchor: { hash: string } }[] }
    ;(c.entries[0] as { anchor: { hash: string } }).anchor.hash = '00000000'
    const json = JSON.stringify(c)
    writeFileSync(path, json)
    const catalogPath = join(dir, 'catalog.json')
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as { corrections: string }
    catalog.corrections = sha256(json)
    writeFileSync(catalogPath, JSON.stringify(catalog, null, 2) + '\n')
    const v = cli(dir, ['verify'])
    expect(v.err).toMatch(
      /"fix-text-[0-9a-f]{8}-xinyu-2022-07-15-p1" \(fix-text, xinyu-2022-07-15 p1\) is stale/,
    )
    expect(cli(dir, ['corrections', 'list']).code).toBe(1)
    // The reader still opens the issue, without the stale fix.
    expect(page1(dir, X)[3]?.text).toContain('遴选及资助')
  })
})
