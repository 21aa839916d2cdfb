// A synthetic day in the People's Daily crawler's layout (tests/support/per-article-oracle.ts:
// kicker, headline, subheadline lines — empty when absent —, then one indented paragraph a line,
// CRLF with an LF inside a paragraph, no-break and ideographic spaces, whitespace-only lines), as
// `npm run bench:import -- --people-daily` meets it in real days. Imported through the CLI, every
// article must come back exactly: its range in the stored page, its heading, its paragraphs.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/shared/types'
import { ArchiveService } from '../../src/node/archive-service'
import { planImport } from '../../src/node/import/plan'
import { runCli, scratchArchive } from '../support/cli'
import { compareDay, readSourceDay } from '../support/per-article-oracle'

const P = '\u3000\u3000' // a paragraph's indent
const NB = '\u00a0\u00a0'
const LONG = `${P}《规划纲要》全文如下。${'各地区各部门要结合实际认真贯彻落实，推动高质量发展。'.repeat(6)}\r\n`

/** File name → bytes (as text): every heading shape the layout has, and its body quirks. */
const DAY: Record<string, string> = {
  // No kicker, no subheadline; a dateline with no-break spaces; a letter's salutation on a line
  // of its own after an LF inside the paragraph; a line of ideographic spaces only.
  '20240301-01-01.txt': `\r\n南岸新区三条公交线路开通\r\n\r\n${P}本报南岸3月1日电${NB}（记者王敏）今天，三条公交线路开通。来信全文如下：\n“南岸报”全体读者：\r\n${P}你们好！\r\n${P}${P}\r\n${P}线路每日运营十六小时。\r\n`,
  // Kicker and headline; the body opens with an unindented line.
  '20240301-01-02.txt': `城市更新 民生为先\r\n老旧小区改造今年完成百个\r\n\r\n同志们，朋友们：\r\n${P}改造涉及居民两万户。\r\n`,
  // Headline and subheadline, with a trailing space on the subheadline.
  '20240301-01-03.txt': `\r\n在二〇二四年春节团拜会上的讲话\r\n（二〇二四年二月九日） \r\n${P}我们即将迎来农历甲辰年。\r\n${P}首先，向大家致以节日的问候。\r\n`,
  // All three title lines, then blank lines inside the body and at its end.
  '20240301-01-04.txt': `春运观察\r\n返程高峰平稳有序\r\n——来自南岸站的报告\r\n${P}今天是返程高峰。\r\n\r\n${P}车站增开临时列车十列。\r\n\r\n\r\n`,
  // A page-wide ad: a heading and nothing else.
  '20240301-02-01.txt': `\r\n广告\r\n\r\n`,
  // One document printed over pages 3 and 4, which the web edition gives whole on each.
  '20240301-03-01.txt': `\r\n南岸区发展规划纲要\r\n\r\n${LONG}`,
  '20240301-04-01.txt': `\r\n南岸区发展规划纲要\r\n\r\n${LONG}`,
}

function writeDay(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8')
  return dir
}

function importedPages(archive: string, id: string) {
  const s = ArchiveService.open({ archiveDir: archive })
  const pages = new Map<number, { text: string; articles: Article[] }>()
  for (const p of s.getIssueSync(id).pages)
    pages.set(p.number, {
      text: s.getPageSourceSync(id, p.number).text,
      articles: p.articles.map((a) => s.getArticleSync(a.id)),
    })
  return pages
}

describe('per-article import of a crawled day', () => {
  it('reproduces every article exactly: boundaries, kicker / headline / subheadline, paragraphs', () => {
    const { dir, work } = scratchArchive({ indexed: true })
    const day = writeDay(join(work, '20240301'), DAY)
    const add = runCli(dir, ['add', day, '--paper', 'nanan', '--paper-name', '南岸报', '--yes'])
    expect(add.code, add.out + add.err).toBe(0)
    // The same document on two pages of the day is the paper's, said and kept.
    expect(add.out).toMatch(/same-as-sibling.*another page of this issue/)

    const sources = readSourceDay(day)
    const r = compareDay(sources, importedPages(dir, 'nanan-2024-03-01'))
    expect(r.mismatches).toEqual([])
    expect(r).toMatchObject({ pages: 4, articles: 7, exact: 7 })
    // Spelled out, so that a drift in the oracle cannot hide one in the import.
    const pages = importedPages(dir, 'nanan-2024-03-01')
    const p1 = pages.get(1)?.articles ?? []
    expect(p1.map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([
      [undefined, '南岸新区三条公交线路开通', undefined],
      ['城市更新 民生为先', '老旧小区改造今年完成百个', undefined],
      [undefined, '在二〇二四年春节团拜会上的讲话', '（二〇二四年二月九日）'],
      ['春运观察', '返程高峰平稳有序', '——来自南岸站的报告'],
    ])
    expect(p1[0]?.text.split('\n\n')).toEqual([
      '本报南岸3月1日电（记者王敏）今天，三条公交线路开通。来信全文如下：',
      '“南岸报”全体读者：',
      '你们好！',
      '线路每日运营十六小时。',
    ])
    expect(p1[1]?.text.split('\n\n')[0]).toBe('同志们，朋友们：')
    expect(pages.get(2)?.articles.map((a) => [a.headline, a.text])).toEqual([['广告', '']])
  })

  it('still refuses the same page in another day’s folder: only pages of one day are siblings', () => {
    const { dir, work } = scratchArchive({ indexed: true })
    const a = writeDay(join(work, '20240301'), {
      '20240301-03-01.txt': DAY['20240301-03-01.txt'] as string,
    })
    const b = writeDay(join(work, '20240302'), {
      '20240302-03-01.txt': DAY['20240301-03-01.txt'] as string,
    })
    const p = planImport({ archiveDir: dir, inputs: [a, b], paper: 'nanan', paperName: '南岸报' })
    expect(p.report.ok).toBe(false)
    const messages = p.report.files.flatMap((f) => f.problems).map((x) => `${x.code}: ${x.message}`)
    expect(messages.join('\n')).toMatch(/duplicate: the same bytes as .*20240301-03-01\.txt/)
    p.cleanup?.()
  })
})
