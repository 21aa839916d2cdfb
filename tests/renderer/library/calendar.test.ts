// The coverage calendar's arithmetic: month lengths (leap years too) and the gaps between issues,
// independent of the reader's time zone.
import { describe, expect, it } from 'vitest'
import { daySpan, daysIn, gapDays, pad2 } from '../../../src/renderer/library/calendar'

describe('calendar arithmetic', () => {
  it('knows the length of every month, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysIn(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysIn(2024, 2)).toBe(29)
    expect(daysIn(1900, 2)).toBe(28)
    expect(daysIn(2000, 2)).toBe(29)
  })

  it('counts whole days between dates across months and years', () => {
    expect(daySpan('2023-07-13', '2023-07-13')).toBe(0)
    expect(daySpan('2023-02-28', '2023-03-01')).toBe(1)
    expect(daySpan('2023-12-31', '2024-01-01')).toBe(1)
    expect(daySpan('2024-01-01', '2025-01-01')).toBe(366)
  })

  it('counts the days without an issue between the first and the last', () => {
    expect(gapDays([])).toBe(0)
    expect(gapDays(['2023-07-13'])).toBe(0)
    expect(gapDays(['2023-07-13', '2023-07-14'])).toBe(0)
    expect(gapDays(['2023-07-13', '2023-07-20'])).toBe(6)
    expect(gapDays(['2023-02-27', '2023-03-01', '2023-03-02'])).toBe(1)
  })

  it('pads months and days to two digits', () => {
    expect([pad2(1), pad2(9), pad2(10), pad2(31)]).toEqual(['01', '09', '10', '31'])
  })
})
