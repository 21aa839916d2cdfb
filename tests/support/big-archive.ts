// A hostile archive of oversized pages, written straight into an archive folder (as a folder
// from elsewhere would arrive, never through `add`, which refuses such pages): a 1 MB article
// on one line, and a 4.5 MB page of 100,000 short lines. Generated when a test or bench needs
// it, so no megabytes sit in the repository.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { serializeCatalog } from '../../src/shared/archive/catalog'
import { sha256 } from '../../src/node/archive-dir'
import type { Catalog } from '../../src/shared/types'

export const LONG_LINE_ISSUE = 'big-2024-03-01'
export const MANY_LINES_ISSUE = 'big-2024-03-02'

const PHRASES = ['发展和改革委员会', '本报记者', '城市建设', '文化活动', '居民生活', '交通出行']

/** `n` characters of varied Chinese prose without a line break (deterministic). */
function prose(n: number, seed: number): string {
  let s = ''
  for (let i = 0; s.length < n; i++) {
    s += PHRASES[(i * 7 + seed) % PHRASES.length]
    s += i % 9 === 8 ? '。' : '，'
  }
  return s.slice(0, n)
}

export interface BigArchive {
  dir: string
  /** Bytes of each page file. */
  sizes: Record<string, number>
}

/** Writes the big archive into `dir` (created); `scale` < 1 makes the pages smaller. */
export function writeBigArchive(dir: string, scale = 1): BigArchive {
  mkdirSync(dir, { recursive: true })
  // 1 MB of UTF-8 = ~350k CJK characters, one line after a headline.
  const longLine = `长文测试\n\n${prose(Math.round(350_000 * scale), 1)}\n`
  const lines: string[] = []
  const count = Math.round(100_000 * scale)
  // Each line is a 本报讯 lead closed by a （完） sign-off, so every line is an article of its own
  // (≈ 55 bytes each): the segmenter joins lead-only lines into one article.
  for (let i = 0; i < count; i++) lines.push(`本报讯 ${prose(9, i)}${i}。（完）`)
  const manyLines = `${lines.join('\n')}\n`
  const pages = [
    { issue: LONG_LINE_ISSUE, date: '2024-03-01', text: longLine },
    { issue: MANY_LINES_ISSUE, date: '2024-03-02', text: manyLines },
  ]
  const sizes: Record<string, number> = {}
  const catalog: Catalog = {
    format: 'archive-reader/catalog',
    version: 1,
    title: 'Big pages',
    papers: [{ slug: 'big', name: '大报' }],
    issues: pages.map((p) => {
      const source = `${p.issue}-p1.txt`
      const bytes = Buffer.from(p.text, 'utf8')
      writeFileSync(join(dir, source), bytes)
      sizes[p.issue] = bytes.length
      return {
        id: p.issue,
        paper: 'big',
        date: p.date,
        dateSource: 'printed' as const,
        pages: [{ number: 1, source, sha256: sha256(bytes), encoding: 'utf-8' as const }],
      }
    }),
  }
  writeFileSync(join(dir, 'catalog.json'), serializeCatalog(catalog))
  return { dir, sizes }
}
