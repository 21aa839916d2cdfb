import { describe, expect, it } from 'vitest'
import { parseDateInput } from '../../../src/renderer/search/date-input'

describe('parseDateInput', () => {
  it('reads ISO dates, years and months in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      expect(parseDateInput('2023-07-13', lang, 'start')).toBe('2023-07-13')
      expect(parseDateInput(' 2023-7-3 ', lang, 'start')).toBe('2023-07-03')
      expect(parseDateInput('2023', lang, 'start')).toBe('2023-01-01')
      expect(parseDateInput('2023', lang, 'end')).toBe('2023-12-31')
      expect(parseDateInput('2024-02', lang, 'end')).toBe('2024-02-29')
      expect(parseDateInput('２０２３－０７－１３', lang, 'start')).toBe('2023-07-13') // full-width
    }
  })

  it('reads the Chinese forms in the Chinese UI', () => {
    expect(parseDateInput('2023年7月13日', 'zh-CN', 'start')).toBe('2023-07-13')
    expect(parseDateInput('2023 年 7 月 13 号', 'zh-CN', 'start')).toBe('2023-07-13')
    expect(parseDateInput('2023年7月', 'zh-CN', 'end')).toBe('2023-07-31')
    expect(parseDateInput('2023年', 'zh-CN', 'start')).toBe('2023-01-01')
    expect(parseDateInput('2023/7/13', 'zh-CN', 'start')).toBe('2023-07-13')
    expect(parseDateInput('2023.07.13', 'zh-CN', 'start')).toBe('2023-07-13')
    expect(parseDateInput('13 July 2023', 'zh-CN', 'start')).toBeUndefined()
  })

  it('reads day-month-year and month-day-year with the month in words in the English UI', () => {
    expect(parseDateInput('13 July 2023', 'en', 'start')).toBe('2023-07-13')
    expect(parseDateInput('13 Jul. 2023', 'en', 'start')).toBe('2023-07-13')
    expect(parseDateInput('July 13, 2023', 'en', 'start')).toBe('2023-07-13')
    expect(parseDateInput('sept 2023', 'en', 'end')).toBe('2023-09-30')
    expect(parseDateInput('2023年7月13日', 'en', 'start')).toBeUndefined()
  })

  it('refuses impossible and ambiguous dates', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const bad of [
        '2023-02-30',
        '2023-13-01',
        '07/13/2023',
        '13/07/2023',
        '23-7-13',
        'July',
        'x',
        '',
      ]) {
        expect(parseDateInput(bad, lang, 'start'), bad).toBeUndefined()
      }
    }
    expect(parseDateInput('Ju 13, 2023', 'en', 'start')).toBeUndefined()
  })
})
