import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../src/shared/search/query'
import { composeQuery, EMPTY_FIELDS, readQuery } from '../../../src/renderer/search/query-compose'
import type { QueryFields } from '../../../src/renderer/search/query-compose'

const fields = (f: Partial<QueryFields>): QueryFields => ({ ...EMPTY_FIELDS, ...f })

describe('composeQuery', () => {
  it('is empty for an empty form', () => {
    expect(composeQuery(EMPTY_FIELDS)).toBe('')
  })

  it('writes each field in the query syntax', () => {
    expect(
      composeQuery(
        fields({
          all: ' 低碳  发展 ',
          phrase: '国际消费中心城市',
          any: '北碚 江北',
          none: '交通',
          headline: '城市',
          byline: '刘静',
          paper: 'jiangbei',
          type: 'photo',
        }),
      ),
    ).toBe(
      '低碳 发展 "国际消费中心城市" 北碚 OR 江北 headline:城市 byline:刘静 paper:jiangbei type:photo -交通',
    )
  })

  it('keeps the alternatives one OR group after the other words', () => {
    const q = composeQuery(fields({ all: '低碳', any: '北碚 江北 渝中' }))
    expect(q).toBe('低碳 北碚 OR 江北 OR 渝中')
    expect(parseQuery(q).all.map((g) => g.map((t) => t.text))).toEqual([
      ['低碳'],
      ['北碚', '江北', '渝中'],
    ])
  })

  it('quotes what the parser would read as an operator, and drops quote characters', () => {
    expect(composeQuery(fields({ all: 'OR -x a:b' }))).toBe('"OR" "-x" "a:b"')
    expect(composeQuery(fields({ phrase: '记者 "刘静"' }))).toBe('"记者 刘静"')
    expect(composeQuery(fields({ none: 'OR' }))).toBe('-"OR"')
  })

  it('quotes a fielded value with a space', () => {
    expect(composeQuery(fields({ paper: '  江北 报 ' }))).toBe('paper:"江北 报"')
  })

  it('writes one fielded term per headline or byline word', () => {
    expect(composeQuery(fields({ headline: '低碳 城市', byline: '刘静 王' }))).toBe(
      'headline:低碳 headline:城市 byline:刘静 byline:王',
    )
  })

  it('gives a query the parser accepts with the words it was given', () => {
    const q = composeQuery(fields({ all: '发展', phrase: '记者 刘静', none: '北京 上海' }))
    const parsed = parseQuery(q)
    expect(parsed.all.map((g) => g.map((t) => t.raw))).toEqual([['发展'], ['记者 刘静']])
    expect(parsed.none.map((t) => t.raw)).toEqual(['北京', '上海'])
  })
})

describe('readQuery', () => {
  it('reads a composed query back into the same fields', () => {
    const f = fields({
      all: '低碳 发展',
      phrase: '国际消费中心城市',
      any: '北碚 江北',
      none: '交通 北京',
      headline: '城市',
      byline: '刘静',
      paper: 'jiangbei',
      type: 'photo',
    })
    expect(readQuery(composeQuery(f))).toEqual({ fields: f, exact: true })
  })

  it('reads a typed query in any order', () => {
    expect(readQuery('-交通 byline:刘静 低碳 "记者 刘静"')).toEqual({
      fields: fields({ all: '低碳', phrase: '记者 刘静', none: '交通', byline: '刘静' }),
      exact: true,
    })
  })

  it('reads the field aliases title: and author:', () => {
    expect(readQuery('title:低碳 author:刘静')).toEqual({
      fields: fields({ headline: '低碳', byline: '刘静' }),
      exact: true,
    })
  })

  it('is empty and exact for an empty query', () => {
    expect(readQuery('  ')).toEqual({ fields: EMPTY_FIELDS, exact: true })
  })

  it('says when the form cannot hold the query', () => {
    expect(readQuery('"a b" "c d"').exact).toBe(false)
    expect(readQuery('a OR b c OR d').exact).toBe(false)
    expect(readQuery('paper:a paper:b').exact).toBe(false)
    expect(readQuery('type:poem').exact).toBe(false)
    expect(readQuery('headline:a OR b').exact).toBe(false)
  })

  it('keeps what it can of a query it cannot hold', () => {
    const { fields: f } = readQuery('"a b" "c d" e')
    expect(f.phrase).toBe('a b')
    expect(f.all).toContain('e')
  })
})
