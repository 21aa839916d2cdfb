// Continued stories (下转 / 上接): one story, judged as a whole by a boolean query, while a hit
// still points at the part that has the term; the reader and citations know all its pages.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import { normalize } from '../../../src/shared/text/normalize'
import { articleTitle } from '../../../src/shared/search/search-index'
import { deserializeSegment } from '../../../src/shared/search/index-file'
import { serializeSegment } from '../../../src/shared/search/segment-write'
import type { SearchRequest } from '../../../src/shared/types'
import { seedArchive } from './seed-index'
import { io } from './segment-io'

const { index, articles, views } = seedArchive()
const byId = new Map(articles.map((a) => [a.id, a]))
const run = (request: SearchRequest) =>
  search(index, request, (id) => {
    const a = byId.get(id)
    return a && { headline: a.headline, title: articleTitle(a), text: a.text }
  })
const ids = (q: string, extra: Partial<SearchRequest> = {}) =>
  run({ q, limit: 1000, ...extra })
    .hits.map((h) => h.articleId)
    .sort()
const has = (id: string, term: string): boolean => {
  const a = byId.get(id)!
  return normalize(articleTitle(a)).includes(normalize(term)) || normalize(a.text).includes(term)
}

const jb = views.find((v) => v.id === 'jiangbei-2023-07-13')!
const front = jb.pages[0]!.articles.find((a) => a.text.includes('发展和改革委员会'))!
const back = byId.get(front.continuations.find((c) => c.kind === 'continued-on')!.targetArticleId!)!
// A phrase only the page-1 half has, and one only the page-2 half has.
const ONLY_FRONT = '发展和改革委员会'
const ONLY_BACK = '绿色低碳转型升级'

describe('a story continued from page 1 to page 2', () => {
  it('is one story in the issue view, with both pages', () => {
    expect(front.story).toEqual({ parts: [front.id, back.id], pages: [1, 2] })
    expect(back.story).toEqual(front.story)
    const alone = jb.pages[0]!.articles.find((a) => a.continuations.length === 0)!
    expect(alone.story).toBeUndefined()
  })

  it('the test phrases are each in one half only', () => {
    expect([has(front.id, ONLY_FRONT), has(back.id, ONLY_FRONT)]).toEqual([true, false])
    expect([has(front.id, ONLY_BACK), has(back.id, ONLY_BACK)]).toEqual([false, true])
  })

  it('an AND across the halves finds the story: each half that has a term is a hit', () => {
    expect(ids(`${ONLY_FRONT} ${ONLY_BACK}`)).toEqual([front.id, back.id].sort())
  })

  it('an exclusion in one half excludes the other half too (the story has the word)', () => {
    expect(ids(ONLY_BACK)).toEqual([back.id])
    expect(ids(`${ONLY_BACK} -${ONLY_FRONT}`)).toEqual([])
    expect(ids(`低碳 OR 环保 -${ONLY_FRONT}`)).not.toContain(back.id)
  })

  it('scope picks which half is returned, not whether the story matches', () => {
    expect(ids(`${ONLY_FRONT} ${ONLY_BACK}`, { page: 2 })).toEqual([back.id])
    expect(ids(`${ONLY_BACK} -${ONLY_FRONT}`, { page: 2 })).toEqual([])
  })

  it('articles on their own are judged alone, as before', () => {
    // Every hit of an AND query either has both terms itself or is part of a story that has them.
    const hits = ids('区 发展')
    for (const id of hits) {
      const a = byId.get(id)!
      const parts = a.story?.parts ?? [a.id]
      expect(parts.some((p) => has(p, '区')) && parts.some((p) => has(p, '发展'))).toBe(true)
      expect(has(id, '区') || has(id, '发展')).toBe(true)
    }
  })

  it('the persisted index keeps the stories, and refuses a story column that points forward', () => {
    const seg = index.segments[0]!.seg
    const bytes = serializeSegment(seg, io)
    expect(Array.from(deserializeSegment(bytes, io).docs.story)).toEqual(
      Array.from(index.docs.story),
    )
    const story = Uint32Array.from(seg.docs.story)
    story[0] = 1
    const bad = serializeSegment({ ...seg, docs: { ...seg.docs, story } }, io)
    expect(() => deserializeSegment(bad, io)).toThrow(/inconsistent/)
  })

  it('any query: exactly the parts with a positive term of the stories that satisfy it as a whole', () => {
    // Terms drawn from the two halves and from elsewhere, so queries cross the halves.
    const pool = [front.text, back.text, jb.pages[0]!.articles[2]!.text]
      .flatMap((t) => {
        const n = normalize(t)
        return Array.from({ length: 40 }, (_, k) =>
          n.slice((k * 37) % (n.length - 3), ((k * 37) % (n.length - 3)) + 2 + (k % 3)),
        )
      })
      .filter((t) => /^[\u4e00-\u9fff]{2,}$/.test(t))
    const term = fc.constantFrom(...pool)
    fc.assert(
      fc.property(
        fc.array(term, { minLength: 1, maxLength: 3 }),
        fc.array(term, { maxLength: 1 }),
        (all, none) => {
          const q = [...all, ...none.map((t) => `-${t}`)].join(' ')
          const partsOf = (id: string) => byId.get(id)!.story?.parts ?? [id]
          const expected = articles
            .filter((a) => {
              const parts = partsOf(a.id)
              return (
                all.some((t) => has(a.id, t)) &&
                all.every((t) => parts.some((p) => has(p, t))) &&
                !none.some((t) => parts.some((p) => has(p, t)))
              )
            })
            .map((a) => a.id)
            .sort()
          expect(ids(q)).toEqual(expected)
        },
      ),
      { numRuns: 150, seed: 20261202 },
    )
  })
})
