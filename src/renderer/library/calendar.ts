// Date arithmetic of the coverage calendar, in UTC so that a reader's time zone never moves an
// issue to another day.

export const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Days in `month` (1–12) of `year`. */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whole days from ISO date `a` to ISO date `b`. */
export function daySpan(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

/** Days without an issue between the first and the last of `dates` (sorted, distinct ISO dates). */
export function gapDays(dates: readonly string[]): number {
  const first = dates[0]
  const last = dates[dates.length - 1]
  return first && last ? daySpan(first, last) + 1 - dates.length : 0
}
