import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  decodeTerm,
  editDistance,
  encodeTerm,
} from '../../../../src/shared/search/fields/term-code'

describe('term coding for the MiniSearch tree', () => {
  it('decodes what it encodes, and keeps prefixes prefixes (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ maxLength: 10 }),
        (a, b) => {
          expect(decodeTerm(encodeTerm(a))).toBe(a)
          expect(encodeTerm(a + b).startsWith(encodeTerm(a))).toBe(true)
        },
      ),
    )
  })

  it('writes every character with at most 128 + 512 distinct symbols, so no tree node has thousands of children', () => {
    const symbols = new Set<string>()
    for (let c = 0x4e00; c <= 0x9fff; c++)
      for (const s of encodeTerm(String.fromCharCode(c))) symbols.add(s)
    expect(symbols.size).toBeLessThanOrEqual(512)
    expect(encodeTerm('ab1')).toBe('ab1')
    expect(encodeTerm('低碳')).toHaveLength(4)
  })

  it('measures edit distance by characters, stopping past the bound', () => {
    expect(editDistance('低碳', '低碳')).toBe(0)
    expect(editDistance('低碳', '低炭')).toBe(1)
    expect(editDistance('低碳日', '低碳')).toBe(1)
    expect(editDistance('刘静', '刘晶晶', 1)).toBe(2)
  })
})
