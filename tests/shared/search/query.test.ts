import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseQuery, QuerySyntaxError } from '../../../src/shared/search/query'

const texts = (q: string) => {
  const p = parseQuery(q)
  return { all: p.all.map((g) => g.map((t) => t.text)), none: p.none.map((t) => t.text) }
}

describe('parseQuery', () => {
  it('words are ANDed, quoted phrases kept whole, OR joins alternatives, - excludes', () => {
    expect(texts('绿色 低碳')).toEqual({ all: [['绿色'], ['低碳']], none: [] })
    expect(texts('"记者 刘静" 低碳')).toEqual({ all: [['记者刘静'], ['低碳']], none: [] })
    expect(texts('雷锋 OR 志愿 -北京')).toEqual({ all: [['雷锋', '志愿']], none: ['北京'] })
    expect(texts('“中文引号”')).toEqual({ all: [['中文引号']], none: [] })
    expect(texts('"unclosed phrase')).toEqual({ all: [['unclosed phrase']], none: [] })
  })

  it('normalizes terms like the text', () => {
    expect(texts('經濟 ＡＢＣ')).toEqual({ all: [['经济'], ['abc']], none: [] })
  })

  it('refuses a query of only exclusions', () => {
    expect(() => parseQuery('-低碳')).toThrow(QuerySyntaxError)
  })

  it('never throws anything else and terminates on any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (q) => {
        try {
          const p = parseQuery(q)
          for (const g of p.all) for (const t of g) expect(t.text.length).toBeGreaterThan(0)
        } catch (e) {
          expect(e).toBeInstanceOf(QuerySyntaxError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
