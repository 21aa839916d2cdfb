// Hits by year above the results, from the engine's year facet: a bar per year (its height the
// share of the busiest year) that filters the search to that year when clicked, and the same
// figures as a table for screen readers. Plain elements, no charting library: a few dozen bars.
import type { SearchResponse } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { setSearch } from './search-route'

interface Props {
  route: AppRoute
  response: SearchResponse
}

export function HitTimeline({ route, response }: Props) {
  const { t, number } = useI18n()
  const years = [...response.facets.year].sort((a, b) => a.value.localeCompare(b.value))
  if (years.length === 0) return null
  const max = Math.max(...years.map((y) => y.count))
  const s = route.search
  const selected = (y: string): boolean => s.dateFrom === `${y}-01-01` && s.dateTo === `${y}-12-31`
  const pick = (y: string): void =>
    setSearch(
      route,
      selected(y)
        ? { dateFrom: undefined, dateTo: undefined }
        : { dateFrom: `${y}-01-01`, dateTo: `${y}-12-31` },
    )
  return (
    <figure className="hit-timeline" data-testid="hit-timeline">
      <figcaption className="muted">{t('timelineCaption')}</figcaption>
      <div className="timeline-bars" role="group" aria-label={t('timelineCaption')}>
        {years.map((y) => (
          <button
            key={y.value}
            type="button"
            className={selected(y.value) ? 'bar selected' : 'bar'}
            data-testid="timeline-bar"
            data-year={y.value}
            title={t('timelineBar', { year: y.value, n: number(y.count), count: y.count })}
            aria-label={t('timelineBar', { year: y.value, n: number(y.count), count: y.count })}
            aria-pressed={selected(y.value)}
            onClick={() => pick(y.value)}
          >
            <span
              className="bar-fill"
              aria-hidden="true"
              style={{ height: `${Math.max(6, (y.count / max) * 100)}%` }}
            />
            <span className="bar-label">{y.value}</span>
          </button>
        ))}
      </div>
      {/* The same figures for screen readers, as a table. */}
      <table className="visually-hidden" data-testid="timeline-table">
        <caption>{t('timelineCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timelineYear')}</th>
            <th scope="col">{t('timelineHits')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.value}>
              <th scope="row">{y.value}</th>
              <td>{number(y.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
