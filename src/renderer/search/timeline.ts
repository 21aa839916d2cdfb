// What the hit timeline shows for a search: the years hit, or — once the date filter lies within
// one year, or only one year has hits — that year's twelve months. Pure, so it is unit-tested.
import type { FacetCount, SearchFilters, SearchResponse } from '../../shared/types'

export interface TimelineBar {
  /** YYYY or YYYY-MM. */
  period: string
  count: number
  /** Whether the date filter is exactly this period. */
  selected: boolean
}

export type TimelineLevel =
  | { kind: 'year'; bars: TimelineBar[] }
  | { kind: 'month'; year: string; bars: TimelineBar[]; canGoUp: boolean }

type DateRange = Pick<SearchFilters, 'dateFrom' | 'dateTo'>

/** Gaps between the first and last year are drawn as empty bars, up to this span. */
const MAX_FILLED_YEARS = 300

export function yearRange(year: string): DateRange {
  return { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31` }
}

/** The first to the last day of a YYYY-MM month. */
export function monthRange(period: string): DateRange {
  const y = Number(period.slice(0, 4))
  const m = Number(period.slice(5, 7))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { dateFrom: `${period}-01`, dateTo: `${period}-${String(last).padStart(2, '0')}` }
}

const same = (a: DateRange, b: DateRange): boolean =>
  a.dateFrom === b.dateFrom && a.dateTo === b.dateTo

export function timelineLevel(
  filters: DateRange,
  facets: Pick<SearchResponse['facets'], 'year' | 'month'>,
): TimelineLevel | undefined {
  const years = [...facets.year].sort((a, b) => a.value.localeCompare(b.value))
  if (years.length === 0) return undefined
  const range: DateRange = { dateFrom: filters.dateFrom, dateTo: filters.dateTo }
  const from = filters.dateFrom?.slice(0, 4)
  const withinOneYear = !!from && from === filters.dateTo?.slice(0, 4)
  const year = withinOneYear ? from : years.length === 1 ? years[0]!.value : undefined
  if (year) {
    const counts = new Map((facets.month ?? []).map((f) => [f.value, f.count]))
    const bars = Array.from({ length: 12 }, (_, i) => {
      const period = `${year}-${String(i + 1).padStart(2, '0')}`
      return { period, count: counts.get(period) ?? 0, selected: same(range, monthRange(period)) }
    })
    return { kind: 'month', year, bars, canGoUp: !!(filters.dateFrom || filters.dateTo) }
  }
  return { kind: 'year', bars: yearBars(years, range) }
}

function yearBars(years: FacetCount[], range: DateRange): TimelineBar[] {
  const first = Number(years[0]!.value)
  const last = Number(years[years.length - 1]!.value)
  const counts = new Map(years.map((f) => [f.value, f.count]))
  const periods =
    Number.isInteger(first) && Number.isInteger(last) && last - first < MAX_FILLED_YEARS
      ? Array.from({ length: last - first + 1 }, (_, i) => String(first + i).padStart(4, '0'))
      : years.map((f) => f.value)
  return periods.map((period) => ({
    period,
    count: counts.get(period) ?? 0,
    selected: same(range, yearRange(period)),
  }))
}
