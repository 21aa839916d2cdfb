// A query's cost depends on what it asks, not on how often it says it, and is bounded: repeats
// are dropped, distinct terms are capped, and the postings walked are counted and capped.
import { describe, expect, it } from 'vitest'
import { docFilter, evaluate } from '../../../src/shared/search/evaluate'
import { search } from '../../../src/shared/search/engine'
import {
  checkQuerySize,
  MAX_QUERY_TERMS,
  parseQuery,
  QueryTooBroadError,
  WorkBudget,
} from '../../../src/shared/search/query'
import { MAX_QUERY_LENGTH } from '../../../src/shared/rules'
import { seedArchive } from './seed-index'

const { index } = seedArchive()
const anyDoc = docFilter(index, {}, () => true)
const noSource = (): undefined => undefined

function work(q: string): { used: number; docs: number[] } {
  const budget = new WorkBudget()
  const m = evaluate(index, parseQuery(q), anyDoc, budget)
  return { used: budget.used, docs: Array.from(m.docs) }
}

const texts = (q: string) => {
  const p = parseQuery(q)
  return { all: p.all.map((g) => g.map((t) => t.text)), none: p.none.map((t) => t.text) }
}

describe('query cost', () => {
  it('drops repeated terms, groups and exclusions; matching is unchanged', () => {
    expect(texts('的 的 的')).toEqual({ all: [['的']], none: [] })
    expect(texts('的 發展 的 发展')).toEqual({ all: [['的'], ['发展']], none: [] })
    expect(texts('雷锋 OR 志愿 志愿 OR 雷锋 雷锋 OR 雷锋')).toEqual({
      all: [['雷锋', '志愿'], ['雷锋']],
      none: [],
    })
    expect(texts('发展 -北京 -北京 -北京')).toEqual({ all: [['发展']], none: ['北京'] })
  })

  it('的 ×250 costs exactly what one 的 costs and finds the same articles', () => {
    const one = work('的')
    expect(one.used).toBeGreaterThan(0)
    expect(one.docs.length).toBeGreaterThan(10)
    expect(work('的 '.repeat(250).trim())).toEqual(one)
    expect(work('"的" 的 的 OR 的 的')).toEqual(one)
  })

  it(`refuses more than ${MAX_QUERY_TERMS} distinct terms as too broad, naming the limit`, () => {
    // 38 distinct common characters (without 发 and 展, which the query below adds).
    const chars = [
      ...'的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会',
    ]
    const ok = chars.slice(0, MAX_QUERY_TERMS).join(' ')
    expect(() => checkQuerySize(parseQuery(ok))).not.toThrow()
    const tooMany = `${ok} 发展`
    expect(() => checkQuerySize(parseQuery(tooMany))).toThrow(QueryTooBroadError)
    const r = search(index, { q: tooMany }, noSource)
    expect(r).toMatchObject({ total: 0, hits: [] })
    expect(r.error).toBe(
      `query too broad: ${MAX_QUERY_TERMS + 1} different words; at most ${MAX_QUERY_TERMS} can be searched at once`,
    )
    // Exclusions count too: each is a pass over postings.
    const excl = `发展 ${chars
      .slice(0, MAX_QUERY_TERMS)
      .map((c) => `-${c}`)
      .join(' ')}`
    expect(search(index, { q: excl }, noSource).error).toMatch(/^query too broad/)
  })

  it('stops an evaluation that walks more postings than its budget', () => {
    const needed = work('的 发展').used
    expect(() =>
      evaluate(index, parseQuery('的 发展'), anyDoc, new WorkBudget(needed - 1)),
    ).toThrow(QueryTooBroadError)
    expect(() =>
      evaluate(index, parseQuery('的 发展'), anyDoc, new WorkBudget(needed)),
    ).not.toThrow()
  })

  it('caps the query length for every caller, not only the HTTP schema', () => {
    const r = search(index, { q: '的'.repeat(MAX_QUERY_LENGTH + 1) }, noSource)
    expect(r.error).toBe(
      `query too long: ${MAX_QUERY_LENGTH + 1} characters; at most ${MAX_QUERY_LENGTH}`,
    )
    expect(search(index, { q: '的'.repeat(MAX_QUERY_LENGTH) }, noSource).error).toBeUndefined()
  })
})
