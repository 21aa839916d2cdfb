// The per-article check of `npm run bench:import -- --people-daily`: real days of the People's
// Daily (February 2019, bench/lib/people-daily.ts), in the crawler's own layout — one folder a
// day of YYYYMMDD-PP-NN.txt files — imported by the product's CLI (`archive-reader add`, the
// librarian's path) into a new archive in a temp folder, and every imported article compared
// with its file (tests/support/per-article-oracle.ts): boundaries, headings, body. Issue 13's
// "a per-article import of a day of a daily reproduces its article boundaries exactly".
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article } from '../../src/shared/types'
import { run } from '../../src/cli/main'
import { ArchiveService } from '../../src/node/archive-service'
import { verifyArchive } from '../../src/node/verify'
import { compareDay, emptyDayCheck, readSourceDay } from '../../tests/support/per-article-oracle'
import type { DayCheck } from '../../tests/support/per-article-oracle'
import { ensureRaw } from './people-daily'

export interface PerArticleFigures extends DayCheck {
  days: number
  /** Days of the month left out: a page's files are not numbered 01, 02, … without a gap. */
  gapped: number
  importMs: number
  verified: boolean
}

function hasGap(dir: string): boolean {
  const pages = new Map<string, number[]>()
  for (const n of readdirSync(dir)) {
    const m = /^\d{8}-(\d{2})-(\d{2})\.txt$/.exec(n)
    if (m) pages.set(m[1] as string, [...(pages.get(m[1] as string) ?? []), Number(m[2])])
  }
  return [...pages.values()].some((ns) => Math.max(...ns) !== new Set(ns).size)
}

/** Imports `days` days (0: the whole month) and compares them; a string says why it could not. */
export function peopleDailyPerArticle(cache: string, days: number): PerArticleFigures | string {
  const reason = ensureRaw(cache)
  if (reason) return reason
  const month = join(cache, 'raw', '2019年2月')
  const all = readdirSync(month)
    .filter((d) => /^\d{8}$/.test(d))
    .sort()
  // Days the crawler lacks a file of (a gap in a page's numbering) are refused by the import, as
  // they should be: they are left out and counted.
  const complete = all.filter((d) => !hasGap(join(month, d)))
  const gapped = all.length - complete.length
  const dirs = (days > 0 ? complete.slice(0, days) : complete).map((d) => join(month, d))
  const work = mkdtempSync(join(tmpdir(), 'bench-per-article-'))
  try {
    const archive = join(work, 'archive')
    let log = ''
    const say = (s: string): void => void (log += `${s}\n`)
    const t0 = performance.now()
    const code = run(
      ['--archive', archive, 'add', ...dirs, '--paper', 'rmrb', '--paper-name', '人民日报'].concat([
        '--title',
        'People’s Daily check',
        '--yes',
      ]),
      say,
      say,
    )
    const importMs = Math.round(performance.now() - t0)
    if (code !== 0)
      return `archive-reader add failed (${code}):\n${log
        .split('\n')
        .filter((l) => /error|refus/i.test(l))
        .slice(0, 20)
        .join('\n')}`
    const s = ArchiveService.open({ archiveDir: archive })
    const total: PerArticleFigures = {
      ...emptyDayCheck(),
      days: dirs.length,
      gapped,
      importMs,
      verified: verifyArchive(archive).ok,
    }
    for (const dir of dirs) {
      const day = dir.slice(-8)
      const id = `rmrb-${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`
      const pages = new Map<number, { text: string; articles: Article[] }>()
      for (const p of s.getIssueSync(id).pages)
        pages.set(p.number, {
          text: s.getPageSourceSync(id, p.number).text,
          articles: p.articles.map((a) => s.getArticleSync(a.id)),
        })
      const r = compareDay(readSourceDay(dir), pages)
      for (const k of ['pages', 'articles', 'exact', 'boundaries', 'headings', 'bodies'] as const)
        total[k] += r[k]
      total.mismatches.push(...r.mismatches.map((m) => ({ ...m, file: `${day}/${m.file}` })))
    }
    return total
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
