import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalize, normalizeMapped } from '../../../src/shared/text/normalize'
import { foldTable, foldToSimplified } from '../../../src/shared/text/fold'

describe('normalize', () => {
  it('removes whitespace and line breaks next to CJK, keeps one space between Latin words', () => {
    expect(normalize('7月 12日是 2023年')).toBe('7月12日是2023年')
    expect(normalize('区发展和改革委员\n会获悉')).toBe('区发展和改革委员会获悉')
    expect(normalize('Hello   World\n again')).toBe('hello world again')
    expect(normalize('百姓 hua望江')).toBe('百姓hua望江')
    expect(normalize('  前后空白  ')).toBe('前后空白')
  })

  it('folds full-width forms, case and traditional characters', () => {
    expect(normalize('ＡＢＣ１２３')).toBe('abc123')
    expect(normalize('中環万象城')).toBe('中环万象城')
    expect(normalize('經濟發展 營商環境')).toBe('经济发展营商环境')
  })

  it('drops invisible characters and replaces lone surrogates', () => {
    expect(normalize('发\u200b展\ufeff')).toBe('发展')
    expect(normalize('a\ud800b')).toBe('a\ufffdb')
  })

  it('maps every output character back to its source', () => {
    const src = '记者从区发展和改革委员\n会获悉'
    const { text, map } = normalizeMapped(src)
    const at = text.indexOf('委员会')
    expect(src.slice(map[at], (map[at + 2] as number) + 1)).toBe('委员\n会')
    expect(map[text.length]).toBe(src.length)
  })

  it('keeps astral characters whole', () => {
    expect(normalize('𠀋 字')).toBe('𠀋字')
  })

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const once = normalize(s)
        expect(normalize(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('is idempotent on CJK-heavy text with spaces and line breaks (property)', () => {
    const cjk = fc.constantFrom(
      ...'发展和改革委员會經濟綠色低碳７月 12日\n\u3000ＡＢ，。“”abc123 '.split(''),
    )
    fc.assert(
      fc.property(fc.array(cjk, { maxLength: 80 }), (chars) => {
        const once = normalize(chars.join(''))
        expect(normalize(once)).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('traditional → simplified folding', () => {
  it('is character by character and keeps the length', () => {
    expect(foldToSimplified('臺灣經濟')).toHaveLength(4)
    expect(foldToSimplified('發展')).toBe('发展')
  })

  it('is a fixpoint: folding a folded character changes nothing', () => {
    const t = foldTable()
    for (const to of t.values()) expect(t.get(to) ?? to).toBe(to)
  })
})
