// Hits over time above the results, from the engine's year and month facets: a bar per year (its
// height the share of the busiest one) that filters the search to that year when clicked; with
// a year chosen (or only one year hit) the bars are that year's twelve months, and a month bar
// filters to the month. The same figures are a table for screen readers. Plain elements, no
// charting library: a few dozen bars.
import type { SearchResponse } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { setSearch } from './search-route'
import { timelineLevel, monthRange, yearRange } from './timeline'
import type { TimelineBar } from './timeline'

interface Props {
  route: AppRoute
  response: SearchResponse
}

export function HitTimeline({ route, response }: Props) {
  const { t, number, lang } = useI18n()
  const level = timelineLevel(route.search, response.facets)
  if (!level) return null
  const monthName = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' })
  const label = (b: TimelineBar): string =>
    level.kind === 'year'
      ? b.period
      : monthName.format(new Date(Date.UTC(Number(level.year), Number(b.period.slice(5)) - 1)))
  const describe = (b: TimelineBar): string =>
    level.kind === 'year'
      ? t('timelineBar', { year: b.period, n: number(b.count), count: b.count })
      : t('timelineMonthBar', {
          month: label(b),
          year: level.year,
          n: number(b.count),
          count: b.count,
        })
  const max = Math.max(1, ...level.bars.map((b) => b.count))
  const caption =
    level.kind === 'year' ? t('timelineCaption') : t('timelineMonthsCaption', { year: level.year })
  const pick = (b: TimelineBar): void => {
    if (level.kind === 'year')
      setSearch(
        route,
        b.selected ? { dateFrom: undefined, dateTo: undefined } : yearRange(b.period),
      )
    // A second click on the chosen month goes back to its year.
    else setSearch(route, b.selected ? yearRange(level.year) : monthRange(b.period))
  }
  return (
    <figure className="hit-timeline" data-testid="hit-timeline" data-level={level.kind}>
      <figcaption className="muted">
        {level.kind === 'month' && level.canGoUp && (
          <button
            type="button"
            className="small timeline-up"
            data-testid="timeline-up"
            onClick={() => setSearch(route, { dateFrom: undefined, dateTo: undefined })}
          >
            {t('timelineAllYears')}
          </button>
        )}
        {caption}
      </figcaption>
      <div className="timeline-bars" role="group" aria-label={caption}>
        {level.bars.map((b) => (
          <button
            key={b.period}
            type="button"
            className={b.selected ? 'bar selected' : 'bar'}
            data-testid="timeline-bar"
            data-period={b.period}
            data-count={b.count}
            title={describe(b)}
            aria-label={describe(b)}
            aria-pressed={b.selected}
            disabled={b.count === 0}
            onClick={() => pick(b)}
          >
            <span
              className="bar-fill"
              aria-hidden="true"
              style={{ height: b.count ? `${Math.max(6, (b.count / max) * 100)}%` : '0' }}
            />
            <span className="bar-label">{label(b)}</span>
          </button>
        ))}
      </div>
      {/* The same figures for screen readers, as a table. */}
      <table className="visually-hidden" data-testid="timeline-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{level.kind === 'year' ? t('timelineYear') : t('timelineMonth')}</th>
            <th scope="col">{t('timelineHits')}</th>
          </tr>
        </thead>
        <tbody>
          {level.bars.map((b) => (
            <tr key={b.period}>
              <th scope="row">{level.kind === 'year' ? b.period : label(b)}</th>
              <td>{number(b.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
