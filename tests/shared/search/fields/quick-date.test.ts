import { describe, expect, it } from 'vitest'
import {
  chineseDate,
  dateMatches,
  typedDate,
} from '../../../../src/shared/search/fields/quick-date'

describe('dates as typed for quick open', () => {
  it.each([
    ['2023年7月13日', '2023-07-13'],
    ['2023-07-13', '2023-07-13'],
    ['2023/7/13', '2023-07-13'],
    ['２０２３．７．１３', '2023-07-13'],
    ['20230713', '2023-07-13'],
    ['7月13日', '--07-13'],
    ['7月13号', '--07-13'],
    ['2023年7月', '2023-07'],
    ['2023-07', '2023-07'],
    ['2023年', '2023'],
  ])('%s → %s', (text, value) => {
    expect(typedDate(text)?.value).toBe(value)
  })

  it('cuts the date out of the text and refuses impossible ones', () => {
    expect(typedDate('江北报 7月13日')).toEqual({ value: '--07-13', rest: '江北报' })
    expect(typedDate('江北报2023年7月13日')).toEqual({ value: '2023-07-13', rest: '江北报' })
    expect(typedDate('13月40日')).toBeUndefined()
    expect(typedDate('低碳')).toBeUndefined()
    expect(typedDate('约1500辆')).toBeUndefined()
  })

  it('matches issue dates and writes them the Chinese way', () => {
    expect(dateMatches('2023-07-13', '--07-13')).toBe(true)
    expect(dateMatches('2023-07-13', '2023-07')).toBe(true)
    expect(dateMatches('2023-07-13', '2022')).toBe(false)
    expect(chineseDate('2023-07-13')).toBe('2023年7月13日')
    expect(chineseDate('--07-13')).toBe('7月13日')
    expect(chineseDate('2023-07')).toBe('2023年7月')
  })
})
