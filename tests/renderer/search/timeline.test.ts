import { describe, expect, it } from 'vitest'
import { monthRange, timelineLevel, yearRange } from '../../../src/renderer/search/timeline'

const facets = {
  year: [
    { value: '2024', count: 1 },
    { value: '2021', count: 4 },
    { value: '2023', count: 3 },
  ],
  month: [
    { value: '2021-02', count: 4 },
    { value: '2023-06', count: 1 },
    { value: '2023-07', count: 2 },
    { value: '2024-03', count: 1 },
  ],
}

describe('timelineLevel', () => {
  it('shows the years, the gaps between them as empty bars', () => {
    const level = timelineLevel({}, facets)
    expect(level?.kind).toBe('year')
    expect(level?.bars.map((b) => [b.period, b.count])).toEqual([
      ['2021', 4],
      ['2022', 0],
      ['2023', 3],
      ['2024', 1],
    ])
  })

  it('drills into the twelve months of the year the date filter lies in', () => {
    const level = timelineLevel(yearRange('2023'), facets)
    expect(level).toMatchObject({ kind: 'month', year: '2023', canGoUp: true })
    expect(level?.bars).toHaveLength(12)
    expect(level?.bars.filter((b) => b.count).map((b) => [b.period, b.count])).toEqual([
      ['2023-06', 1],
      ['2023-07', 2],
    ])
    expect(level?.bars.some((b) => b.selected)).toBe(false)
    const july = timelineLevel(monthRange('2023-07'), facets)
    expect(july?.bars.find((b) => b.selected)?.period).toBe('2023-07')
  })

  it('shows months straight away when only one year has hits', () => {
    const level = timelineLevel({}, { year: [{ value: '2023', count: 3 }], month: facets.month })
    expect(level).toMatchObject({ kind: 'month', year: '2023', canGoUp: false })
  })

  it('marks the chosen year', () => {
    const level = timelineLevel({ dateFrom: '2021-01-01', dateTo: '2024-12-31' }, facets)
    expect(level?.kind).toBe('year')
    expect(level?.bars.some((b) => b.selected)).toBe(false)
  })

  it('has nothing to show without hits', () => {
    expect(timelineLevel({}, { year: [], month: [] })).toBeUndefined()
  })
})

describe('monthRange', () => {
  it('ends on the month’s last day, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ dateFrom: '2024-02-01', dateTo: '2024-02-29' })
    expect(monthRange('2023-02').dateTo).toBe('2023-02-28')
    expect(monthRange('2023-12').dateTo).toBe('2023-12-31')
  })
})
