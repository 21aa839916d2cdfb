import {
  chmodSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  existsSync,
  appendFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService, NotFoundError } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { tempArchive } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})
function archive(): string {
  const t = tempArchive()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('ArchiveService', () => {
  it('builds and saves the index on first open, then loads it without rebuilding', () => {
    const dir = archive()
    const logs: string[] = []
    const first = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(first.openResult).toMatchObject({
      index: 'built',
      reason: 'no index yet',
      written: true,
    })
    expect(existsSync(join(dir, INDEX_FILE))).toBe(true)
    const second = ArchiveService.open({ archiveDir: dir })
    expect(second.openResult.index).toBe('loaded')
    expect(second.searchSync({ q: '发展和改革委员会' }).total).toBe(1)
    expect(logs).toEqual(['Rebuilding the search index: no index yet.'])
  })

  it('rebuilds a corrupt or truncated index with a clear message, never crashes', () => {
    const dir = archive()
    ArchiveService.open({ archiveDir: dir })
    // A flipped byte in the doc columns of the index's (one) segment file: checked at open (its
    // postings and text are checked when a search reads them: tests/faults/index.test.ts).
    const segDir = join(dir, `${INDEX_FILE}.segments`)
    const seg = join(segDir, readdirSync(segDir)[0]!)
    const bytes = readFileSync(seg)
    const headerLength = bytes.readUInt32LE(8)
    const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString()) as {
      sections: { name: string; offset: number }[]
    }
    const starts = header.sections.find((x) => x.name === 'starts')!.offset
    bytes[((12 + headerLength + 7) & ~7) + starts + 10]! ^= 0xff
    writeFileSync(seg, bytes)
    const file = join(dir, INDEX_FILE)
    const logs: string[] = []
    const s = ArchiveService.open({ archiveDir: dir, log: (m) => logs.push(m) })
    expect(s.openResult).toMatchObject({ index: 'built', written: true })
    expect(logs[0]).toMatch(/damaged or outdated \(section \w+: page 0 fails its checksum\)/)
    writeFileSync(file, readFileSync(file).subarray(0, 100))
    expect(ArchiveService.open({ archiveDir: dir }).openResult.reason).toMatch(/damaged/)
    expect(ArchiveService.open({ archiveDir: dir }).openResult.index).toBe('loaded')
  })

  it('removes the segments of the index a rebuild replaced (one of an older format, say)', () => {
    const dir = archive()
    ArchiveService.open({ archiveDir: dir })
    const segDir = join(dir, `${INDEX_FILE}.segments`)
    const [current] = readdirSync(segDir)
    // A whole archive's segment of an index this version no longer reads, and the manifest that
    // named it (an older format's): the rebuild writes a new one, and the old file goes.
    writeFileSync(join(segDir, 'seg-00000000000000ff.bin'), 'an older format')
    writeFileSync(join(dir, INDEX_FILE), 'an older format')
    const s = ArchiveService.open({ archiveDir: dir })
    expect(s.openResult).toMatchObject({ index: 'built', written: true })
    expect(readdirSync(segDir)).toEqual([current])
  })

  it('rebuilds when the archive changed since the index was built', () => {
    const dir = archive()
    ArchiveService.open({ archiveDir: dir })
    const catalog = join(dir, 'catalog.json')
    chmodSync(catalog, 0o644)
    writeFileSync(
      catalog,
      readFileSync(catalog, 'utf8').replace('重庆区县报样本档案', '重庆区县报档案'),
    )
    expect(ArchiveService.open({ archiveDir: dir }).openResult.reason).toBe(
      'the archive changed since the index was built',
    )
  })

  it('keeps the index in memory when it cannot be written, and says so', () => {
    const dir = archive()
    const logs: string[] = []
    const s = ArchiveService.open({
      archiveDir: dir,
      indexPath: join(dir, 'missing-dir', 'index.bin'),
      log: (m) => logs.push(m),
    })
    expect(s.openResult.written).toBe(false)
    expect(logs[1]).toMatch(/could not be saved .* kept in memory/)
    expect(s.searchSync({ q: '雷锋' }).total).toBeGreaterThan(0)
  })

  it('reports a malformed catalog naming the file', () => {
    const dir = archive()
    const catalog = join(dir, 'catalog.json')
    chmodSync(catalog, 0o644)
    appendFileSync(catalog, '}')
    expect(() => ArchiveService.open({ archiveDir: dir })).toThrow(/catalog\.json: not valid JSON/)
  })

  it('rebuilds each hit from its page alone, exactly as the reader shows the article', async () => {
    const s = ArchiveService.open({ archiveDir: archive() })
    const r = s.searchSync({ q: '发展', limit: 1000 })
    expect(r.total).toBeGreaterThan(10)
    for (const hit of r.hits) {
      const view = await s.getIssue(hit.issueId)
      const article = view.pages.flatMap((p) => p.articles).find((a) => a.id === hit.articleId)!
      expect(hit.headline).toBe(article.headline)
      const body = hit.snippet.replace(/^…|…$/g, '')
      expect(article.text.replace(/\n/g, ' ')).toContain(body)
    }
  })

  it('serves the contract: list, issue, page source, matches; unknown ids are NotFoundError', async () => {
    const s = ArchiveService.open({ archiveDir: archive() })
    const issues = await s.listIssues()
    expect(issues.find((i) => i.id === 'jiangbei-2023-07-13')?.pages.map((p) => p.number)).toEqual([
      1, 2,
    ])
    expect(issues.every((i) => i.pages.every((p) => p.articles > 0))).toBe(true)
    const view = await s.getIssue('jiangbei-2023-07-13')
    const a1 = view.pages[0]!.articles.find((a) => a.text.includes('发展和改革委员会'))!
    const m = await s.articleMatches(a1.id, '发展和改革委员会')
    expect(m.ranges).toHaveLength(1)
    expect(a1.text.slice(...m.ranges[0]!)).toBe('发展和改革委员会')
    const src = await s.getPageSource('jiangbei-2023-07-13', 1)
    expect(src.text.slice(...a1.sourceRange)).toContain('区发展和改革委员\n会获悉')
    await expect(s.getIssue('nope')).rejects.toBeInstanceOf(NotFoundError)
    await expect(s.getPageSource('jiangbei-2023-07-13', 9)).rejects.toThrow(/no page 9/)
    await expect(s.articleMatches('nope/p1/a1', 'x')).rejects.toThrow(/no issue/)
  })

  it('quick open shows an article with its byline as printed', () => {
    const s = ArchiveService.open({ archiveDir: archive() })
    const items = s.quickOpenSync('刘静').items.filter((i) => i.kind === 'article')
    expect(items.length).toBeGreaterThan(0)
    for (const i of items) expect(i.kind === 'article' && i.byline).toMatch(/刘静/)
  })

  it('a search answers without nearby queries; didYouMean counts them, at most 12 searches', () => {
    const s = ArchiveService.open({ archiveDir: archive() })
    expect(s.searchSync({ q: '低炭' })).not.toHaveProperty('didYouMean')
    const d = s.didYouMeanSync({ q: '低炭' })
    expect(d).toMatchObject({ query: '低炭', total: 0, offers: [{ q: '低碳' }] })
    expect(d.checked).toBeGreaterThan(0)
    expect(d.checked).toBeLessThanOrEqual(12)
    // A search that finds enough: nothing offered, nothing counted.
    expect(s.didYouMeanSync({ q: '发展' })).toMatchObject({ offers: [], checked: 0 })
  })
})
