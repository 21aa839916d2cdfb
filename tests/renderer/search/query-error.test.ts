// The Chinese query-error line never shows the engine's English: each of the engine's own
// messages (made by running the engine, so a reworded one fails here) is said in Chinese.
import { describe, expect, it } from 'vitest'
import { makeI18n } from '../../../src/renderer/app/i18n'
import { queryErrorText } from '../../../src/renderer/search/query-error'
import { search } from '../../../src/shared/search/engine'
import { buildSearchIndex } from '../../../src/shared/search/search-index'

const LATIN = /[A-Za-z]/

function engineError(q: string): string {
  const index = buildSearchIndex([], [])
  const r = search(index, { q }, () => undefined)
  expect(r.error).toBeTruthy()
  return r.error as string
}

describe('queryErrorText', () => {
  const zh = makeI18n('zh-CN')
  const en = makeI18n('en')
  const cases: [string, RegExp][] = [
    ['-交通', /排除词/],
    ['字'.repeat(501), /501 个字符，最多 500 个/],
    [
      Array.from({ length: 40 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}`).join(' '),
      /\d+ 个不同的词，一次最多检索 32 个/,
    ],
  ]
  for (const [q, zhText] of cases) {
    it(`says ${JSON.stringify(q.slice(0, 12))}… in Chinese, with its figures`, () => {
      const message = engineError(q)
      const text = queryErrorText(message, zh)
      expect(text).toMatch(zhText)
      expect(text).not.toMatch(LATIN)
      expect(queryErrorText(message, en)).toContain(message)
    })
  }

  it('an engine message it does not know gets the summary alone in Chinese', () => {
    expect(queryErrorText('something new went wrong', zh)).toBe('无法解析检索式。')
  })
})
