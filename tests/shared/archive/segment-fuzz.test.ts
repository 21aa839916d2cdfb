// Fuzzing segmentation and reflow (inputs: tests/support/fuzz-inputs.ts): ordered,
// non-overlapping articles in bounded time on any page, including the shapes that defeat
// regular expressions and the cases fuzzing found.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pageArticles } from '../../../src/shared/archive/articles'
import { segmentPage } from '../../../src/shared/archive/segment'
import { reflow } from '../../../src/shared/text/reflow'
import { largeText, MAX_MS_LARGE, MAX_MS_SMALL, pageText, timed } from '../../support/fuzz-inputs'

describe('segmentation (fuzz)', () => {
  function checkSegments(text: string, limit: number): void {
    const drafts = timed('segmentPage', limit, () => segmentPage(text))
    let previousEnd = 0
    for (const d of drafts) {
      expect(d.start).toBeLessThanOrEqual(d.bodyStart)
      expect(d.bodyStart).toBeLessThanOrEqual(d.end)
      expect(d.end).toBeLessThanOrEqual(text.length)
      expect(d.start, 'articles do not overlap').toBeGreaterThanOrEqual(previousEnd)
      expect(d.end).toBeGreaterThan(d.start)
      previousEnd = d.end
      // Every title piece is made of the page's own characters, in order.
      const squashed = text.replace(/\s+/g, '')
      for (const piece of [d.kicker, d.headline, d.subheadline]) {
        if (piece === undefined) continue
        expect(piece.length).toBeGreaterThan(0)
        for (const part of piece.split(/\s+/)) expect(squashed.includes(part)).toBe(true)
      }
    }
    const articles = timed('pageArticles', limit, () => pageArticles('fuzz-2024-01-01', 3, text))
    expect(articles.length).toBe(drafts.length)
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
    articles.forEach((a, i) => {
      expect(a.id).toBe(`fuzz-2024-01-01/p3/a${i + 1}`)
      expect(a.page).toBe(3)
      expect(a.sourceRange[0]).toBeGreaterThanOrEqual(0)
      expect(a.sourceRange[1]).toBeLessThanOrEqual(text.length)
      for (const c of a.continuations) {
        expect(c.range[0]).toBeLessThan(c.range[1])
        expect(c.range[1]).toBeLessThanOrEqual(a.text.length)
        expect(a.text.slice(c.range[0], c.range[1])).toBe(c.marker)
        expect(c.targetPage).toBeGreaterThan(0)
      }
    })
  }

  it('an article resumed after page furniture spans it: no block overlaps another', () => {
    // Found by the property below (seed -231710906): a folio line between two runs of text.
    checkSegments('版\r\n　星期三\r\n\t）', MAX_MS_SMALL)
    const page =
      '低碳生活新风尚\n　　本报讯（记者 刘静）近日，我区开展了低碳生活宣传活动，吸引了众多市民参与。\n' +
      '　星期三\n　　市民们纷纷表示，将从身边小事做起，践行绿色生活方式。\n'
    checkSegments(page, MAX_MS_SMALL)
    const [article] = segmentPage(page)
    expect(article?.headline).toBe('低碳生活新风尚')
    expect(page.slice(article?.bodyStart, article?.end)).toContain('践行绿色生活方式')
  })

  it('splits newspaper-like pages into ordered, non-overlapping articles', () => {
    fc.assert(
      fc.property(pageText, (t) => checkSegments(t, MAX_MS_SMALL)),
      { numRuns: 1500 },
    )
  })

  it('does so in bounded time on large repetitive pages (up to 100 KB)', () => {
    fc.assert(
      fc.property(largeText, (t) => checkSegments(t, MAX_MS_LARGE)),
      { numRuns: 40 },
    )
  })

  it('leaves no empty article when a trailing headline is given back (found by fuzzing)', () => {
    const articles = pageArticles('fuzz-2024-01-01', 1, '新渝报讯（详见3版）\n本报讯 ')
    expect(articles.map((a) => a.text)).toEqual(['新渝报讯（详见3版）'])
  })

  it('handles the shapes that defeat regular expressions', () => {
    const shapes = [
      `（${' '.repeat(100_000)}`,
      '（ '.repeat(50_000),
      '#'.repeat(100_000),
      '# '.repeat(50_000),
      '\n'.repeat(100_000),
      '记者'.repeat(50_000),
      `记者 王明${' x'.repeat(50_000)}`,
      ('记者 王明 ' + 'x '.repeat(10) + '\n').repeat(3000),
      '发'.repeat(100_000),
      '（下转2版）'.repeat(16_000),
      '（上接1版）\n'.repeat(14_000),
      '本报讯'.repeat(33_000),
      `${'图为'.repeat(20_000)}摄`,
      '\r'.repeat(100_000),
    ]
    for (const s of shapes) checkSegments(s, MAX_MS_LARGE)
  })

  it('reflow keeps its map inside the input', () => {
    fc.assert(
      fc.property(pageText, (t) => {
        const { text, map } = timed('reflow', MAX_MS_SMALL, () => reflow(t))
        expect(map[text.length]).toBe(t.length)
        for (let i = 0; i < text.length; i++) {
          const m = map[i] as number
          expect(m >= 0 && m < t.length).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})
