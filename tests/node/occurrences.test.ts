// Issue 12, occurrences: one definition of "the query's occurrences in an article" (kicker,
// headline, subheadline, body, each once; a derived headline's matches are the body's) for
// search, the matches API and the reader's n / total.
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { articleOccurrences } from '../../src/shared/search/matches'
import { normalize } from '../../src/shared/text/normalize'
import { tempArchive } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups) c()
  cleanups = []
})

describe('articleOccurrences', () => {
  const terms = [normalize('故宫')]
  it('counts a match in the kicker and the subheadline (search finds the article by them)', () => {
    const o = articleOccurrences(
      {
        kicker: '故宫六百年',
        headline: '紫禁城的春天',
        subheadline: '故宫博物院开放新展区',
        text: '记者走进故宫。故宫的春天很美。',
      },
      terms,
    )
    expect([o.kicker.length, o.headline.length, o.subheadline.length, o.text.length]).toEqual([
      1, 0, 1, 2,
    ])
    expect(o.total).toBe(4)
  })

  it('counts a derived headline’s match once, in the body', () => {
    const o = articleOccurrences(
      { headline: '记者走进故宫', headlineDerived: true, text: '记者走进故宫。故宫的春天很美。' },
      terms,
    )
    expect(o.headline).toEqual([[4, 6]])
    expect(o.total).toBe(2)
  })
})

describe('search, the matches API and n / total agree', () => {
  it('on the seeds: an article is a hit exactly when its matches total is not 0', async () => {
    const t = tempArchive()
    cleanups.push(t.cleanup)
    const s = ArchiveService.open({ archiveDir: t.dir })
    const articles = s
      .listIssuesSync()
      .flatMap((i) => s.getIssueSync(i.id).pages.flatMap((p) => p.articles))
    for (const q of ['江北', '发展', '雷锋', '记者', '区委', '重庆', '活动']) {
      const hits = new Set(s.searchSync({ q, limit: 1000 }).hits.map((h) => h.articleId))
      for (const a of articles) {
        const m = await s.articleMatches(a.id, q)
        const title =
          m.kickerRanges.length +
          m.subheadlineRanges.length +
          (a.headlineDerived ? 0 : m.headlineRanges.length)
        expect(m.total, `${q} in ${a.id}`).toBe(title + m.ranges.length)
        expect(m.total > 0, `${q} in ${a.id}: hit ${hits.has(a.id)}, total ${m.total}`).toBe(
          hits.has(a.id),
        )
      }
    }
  })
})
