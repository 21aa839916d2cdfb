import { describe, expect, it } from 'vitest'
import {
  CorrectionsError,
  makeAnchor,
  parseCorrections,
  serializeCorrections,
  emptyCorrections,
} from '../../../src/shared/archive/corrections'
import type { CorrectionEntry } from '../../../src/shared/archive/corrections'
import { correctPage } from '../../../src/shared/archive/corrections-apply'
import {
  makeFixText,
  makeMerge,
  makeRetitle,
  makeRetype,
  makeSplit,
} from '../../../src/shared/archive/corrections-make'
import type { EditPage } from '../../../src/shared/archive/corrections-make'
import { correctedPageArticles, pageArticles } from '../../../src/shared/archive/articles'
import { segmentPage } from '../../../src/shared/archive/segment'
import type { ArticleDraft } from '../../../src/shared/archive/segment-work'
import { issueDocInputs } from '../../../src/shared/search/search-index'
import type { CatalogIssue } from '../../../src/shared/types'

const A = '甲报讯 第一篇文章的正文写在这里，说的是第一件事情。\n第一篇的第二行，仍然是第一件事。'
const B = '乙报讯 第二篇文章讲的是另外一件事情，与第一篇无关。\n第二篇的第二行在此结束。'
const TEXT = `${A}\n\n${B}\n`
const ISSUE = 'test-2024-01-01'

/** Two drafts by hand: the "segmenter" of these tests, so a test can change it. */
function drafts(text: string, cuts: number[]): ArticleDraft[] {
  const bounds = [0, ...cuts, text.length]
  return bounds.slice(0, -1).map((s, i) => ({
    type: 'article',
    captions: [],
    start: s,
    bodyStart: s,
    end: bounds[i + 1] as number,
  }))
}

function page(text: string): EditPage {
  return { issue: ISSUE, page: 1, text, articles: pageArticles(ISSUE, 1, text) }
}

describe('corrections.json format', () => {
  it('round-trips, reports a bad entry by id and keeps the others', () => {
    const p = page(TEXT)
    const good = makeRetype(p, p.articles[0]?.id as string, 'brief')
    const file = { ...emptyCorrections(), entries: [good] }
    const json = JSON.parse(serializeCorrections(file)) as { entries: unknown[] }
    json.entries.push({ ...good, id: 'bad-1', type: 'poem' })
    json.entries.push({ ...good })
    const r = parseCorrections(JSON.stringify(json))
    expect(r.file.entries).toEqual([good])
    expect(r.rejected.map((x) => x.id)).toEqual(['bad-1', good.id])
    expect(r.rejected[1]?.problem).toMatch(/used twice/)
  })

  it('refuses a file of another format as a whole', () => {
    expect(() => parseCorrections('{"format":"x","version":1,"entries":[]}')).toThrow(
      CorrectionsError,
    )
    expect(() => parseCorrections('not json')).toThrow(/not valid JSON/)
  })
})

describe('applying corrections', () => {
  it('split, merge, retype, retitle and fix-text change the articles; originals are kept', () => {
    const p = page(TEXT)
    expect(p.articles).toHaveLength(2)
    const [a1, a2] = p.articles.map((a) => a.id) as [string, string]
    const entries: CorrectionEntry[] = [
      makeSplit(p, a1, { before: '第一篇的第二行' }),
      makeRetitle(p, a2, { headline: '第二件事', kicker: '本地' }),
      makeFixText(p, a2, '另外一件', '另一件'),
    ]
    const r = correctedPageArticles(ISSUE, 1, TEXT, undefined, entries)
    expect(r.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied'])
    expect(r.articles).toHaveLength(3)
    expect(r.articles[1]?.text).toMatch(/^第一篇的第二行/)
    const third = r.articles[2]
    expect(third?.headline).toBe('第二件事')
    expect(third?.kicker).toBe('本地')
    expect(third?.text).toContain('讲的是另一件事情')
    expect(third?.corrections?.find((c) => c.kind === 'fix-text')).toMatchObject({
      original: '另外一件',
      replacement: '另一件',
    })
    const merged = correctedPageArticles(ISSUE, 1, TEXT, undefined, [makeMerge(p, a1)])
    expect(merged.articles).toHaveLength(1)
    expect(merged.articles[0]?.text).toContain('第二篇的第二行')
  })

  it('the index finds the corrected words and the words as printed', () => {
    const p = page(TEXT)
    const fix = makeFixText(p, p.articles[1]?.id as string, '另外一件', '另一件')
    const issue: CatalogIssue = {
      id: ISSUE,
      paper: 'test',
      date: '2024-01-01',
      dateSource: 'printed',
      pages: [{ number: 1, source: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8' }],
    }
    const docs = issueDocInputs(0, issue, [TEXT], undefined, [fix])
    expect(docs[1]?.text).toContain('另一件事情')
    expect(docs[1]?.text).toContain('另外一件')
  })

  it('holds when a new segmenter moves the boundaries (the page text stays)', () => {
    const p = page(TEXT)
    const cut = TEXT.indexOf('乙报讯')
    const fix = makeFixText(p, p.articles[1]?.id as string, '另外一件', '另一件')
    const retype = makeRetype(p, p.articles[1]?.id as string, 'notice')
    const split = makeSplit(p, p.articles[0]?.id as string, { before: '第一篇的第二行' })
    // "Version 4" cuts elsewhere: the blank line is kept with the second block, and it has
    // already split the first article where the librarian did.
    const v4 = drafts(TEXT, [TEXT.indexOf('第一篇的第二行'), cut - 2])
    const r = correctPage(TEXT, v4, [split, retype, fix])
    expect(r.outcomes.map((o) => o.status)).toEqual(['redundant', 'applied', 'applied'])
    expect(r.drafts.map((d) => d.type)).toEqual(['article', 'article', 'notice'])
    expect(r.drafts[2]?.fixes).toHaveLength(1)
    // And one that sees the whole page as one block still gets the split.
    const one = correctPage(TEXT, drafts(TEXT, []), [split])
    expect(one.drafts).toHaveLength(2)
  })

  it('re-anchors by its text when offsets move, and is stale by id when the text is gone', () => {
    const p = page(TEXT)
    const fix = makeFixText(p, p.articles[1]?.id as string, '另外一件', '另一件')
    const moved = `版头\n\n${TEXT}`
    const r = correctPage(moved, segmentPage(moved), [fix])
    expect(r.outcomes[0]?.status).toBe('reanchored')
    const gone = TEXT.replace('另外一件', '别的一件')
    const s = correctPage(gone, segmentPage(gone), [fix])
    expect(s.outcomes[0]).toMatchObject({ id: fix.id, status: 'stale' })
    expect(s.outcomes[0]?.problem).toMatch(/stale anchor/)
  })

  it('refuses overlapping text fixes and spans outside the page; the others still apply', () => {
    const p = page(TEXT)
    const id = p.articles[1]?.id as string
    const a = makeFixText(p, id, '另外一件', '另一件')
    const b = { ...makeFixText(p, id, '一件事情', '一桩事'), id: 'b' }
    const outside = { ...a, id: 'far', anchor: { ...makeAnchor(TEXT, 0, 3), start: 900, end: 903 } }
    const retype = makeRetype(p, id, 'brief')
    const r = correctPage(TEXT, segmentPage(TEXT), [a, b, outside, retype])
    const by = new Map(r.outcomes.map((o) => [o.id, o]))
    expect(by.get('b')?.problem).toMatch(new RegExp(`overlaps entry "${a.id}"`))
    expect(by.get(retype.id)?.status).toBe('applied')
    expect(by.get(a.id)?.status).toBe('applied')
    // Its text is elsewhere on the page: re-anchored there, not lost.
    expect(by.get('far')?.status).toBe('reanchored')
    const lost = {
      ...outside,
      id: 'lost',
      anchor: { start: 900, end: 903, hash: '00000000', head: 'xyz' },
    }
    const q = correctPage(TEXT, segmentPage(TEXT), [lost])
    expect(q.outcomes[0]?.problem).toMatch(/outside its page/)
  })
})
