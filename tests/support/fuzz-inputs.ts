// Inputs for fuzzing the text pipeline with fast-check, built from newspaper pieces (markers,
// headings, bylines, quotes, OR, exclusions, surrogates, invisible characters, markup) and
// adversarial repetitions up to 100 KB, and the time bounds every fuzzed call is held to: nothing
// may hang. The fuzz tests are tests/shared/text/fuzz.test.ts (decoding, normalization),
// tests/shared/archive/segment-fuzz.test.ts and tests/shared/search/query-fuzz.test.ts; the
// properties about correctness on small inputs live beside them.
import fc from 'fast-check'
import { expect } from 'vitest'
import { cpuClock } from './cpu-time'

/** Upper bound for one call on up to 100 KB, in CPU milliseconds. A quadratic path or a
 * backtracking regex on 100 KB takes seconds to hours; a linear one tens of milliseconds. */
export const MAX_MS_LARGE = 2000
export const MAX_MS_SMALL = 250

/** Runs `fn` and fails when it used more than `limit` ms of CPU (tests/support/cpu-time.ts). */
export function timed<T>(what: string, limit: number, fn: () => T): T {
  const cpu = cpuClock()
  const result = fn()
  const ms = cpu()
  expect(ms, `${what} took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(limit)
  return result
}

export const PIECES = [
  '发展',
  '經濟',
  '低碳',
  '绿色',
  '，',
  '。',
  '“',
  '”',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\u3000',
  '\t',
  '本报讯 ',
  '新渝报讯',
  '（记者 王明）',
  '记者 刘静',
  '通讯员',
  '（下转2版）',
  '（上接1版）',
  '（详见3版）',
  '(转 4 版)',
  '# ',
  '## ',
  '###### ',
  '#######',
  '图为',
  '（张三 摄）',
  '编辑：李四',
  '星期三',
  '□',
  '■',
  '-',
  '－',
  'OR',
  ' OR ',
  '|',
  '"',
  '＂',
  'Ａ',
  'abc',
  'ABC',
  '123',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\ud800',
  '\udc00',
  '😀',
  '𠀋',
  '\u202e',
  '\u0000',
  '\u0001',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '（',
  '(',
  ')',
  '）',
  '版',
]

export const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
)

/** Page-like text: a few hundred pieces. */
export const pageText = fc.array(piece, { maxLength: 400 }).map((a) => a.join(''))

/** Up to 100 KB: a short random pattern repeated, the shape that exposes backtracking. */
export const largeText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 100_000 }))
  .map(([pattern, size]) => {
    const unit = pattern.join('') || '发'
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  })

export const queryText = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''))

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
