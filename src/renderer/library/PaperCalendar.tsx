// One year of one paper as a coverage calendar: a row per month, a column per day of the month.
// Days with an issue are links; the empty cells are the gaps. Compact enough for the sidebar yet
// every day of the year is visible at once.
import type { IssueSummary } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { openRef } from '../app/navigation'
import { formatRoute } from '../app/route'
import type { AppRoute } from '../app/route'
import { daysIn, gapDays, pad2 } from './calendar'

interface Props {
  route: AppRoute
  year: number
  paperName: string
  /** Issues of this paper in `year`. */
  issues: readonly IssueSummary[]
}

const DAYS = Array.from({ length: 31 }, (_, d) => d + 1)
const MONTHS = Array.from({ length: 12 }, (_, m) => m + 1)

export function PaperCalendar({ route, year, paperName, issues }: Props) {
  const { t, lang, date, number } = useI18n()
  const byDate = new Map(issues.map((i) => [i.date, i]))
  const dates = [...byDate.keys()].sort()
  const gaps = gapDays(dates)
  const monthLabel = (m: number): string =>
    lang === 'zh-CN'
      ? `${m}月`
      : new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
          new Date(Date.UTC(year, m - 1, 1)),
        )
  return (
    <section className="calendar" data-testid="calendar">
      <table className="year-grid">
        <caption>
          {t('calendarLabel', { paper: paperName, year })}
          <span className="muted calendar-summary" data-testid="calendar-summary">
            {t('calendarSummary', {
              count: dates.length,
              issues: number(dates.length),
              gaps: number(gaps),
            })}
          </span>
        </caption>
        <thead>
          <tr>
            <td />
            {DAYS.map((d) => (
              <th key={d} scope="col" aria-hidden={d % 5 !== 0 && d !== 1}>
                {d === 1 || d % 5 === 0 ? d : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MONTHS.map((m) => {
            const inMonth = daysIn(year, m)
            return (
              <tr key={m}>
                <th scope="row">{monthLabel(m)}</th>
                {DAYS.map((d) => {
                  if (d > inMonth) return <td key={d} className="void" aria-hidden="true" />
                  const iso = `${year}-${pad2(m)}-${pad2(d)}`
                  const issue = byDate.get(iso)
                  if (!issue)
                    return <td key={d} className="gap" title={date(iso)} aria-hidden="true" />
                  return (
                    <td key={d} className="has-issue">
                      <a
                        data-testid="calendar-day"
                        data-date={iso}
                        href={formatRoute(openRef(route, { issueId: issue.id }))}
                        title={date(iso)}
                        aria-label={t('calendarIssue', { paper: paperName, date: date(iso) })}
                      />
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
