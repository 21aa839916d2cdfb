// Filters of a search: scope ladder, sort, papers and dates with facet counts. Each change is a
// new history entry, so back undoes it.
import { isValidIsoDate } from '../../shared/archive/catalog'
import type { SearchResponse, SortOrder } from '../../shared/types'
import { useIssues } from '../app/data'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { groupByPaper } from '../library/papers'
import { DateField } from './DateField'
import { ScopeLadder } from './ScopeLadder'
import { setSearch } from './search-route'

interface Props {
  route: AppRoute
  response: SearchResponse | undefined
}

export function SearchFilters({ route, response }: Props) {
  const { t, number, paper } = useI18n()
  const { entry } = useIssues()
  const issues = entry?.status === 'ok' ? entry.data : []
  const papers = groupByPaper(issues)
  const s = route.search
  const counts = new Map(response?.facets.paper.map((f) => [f.value, f.count]))
  const togglePaper = (slug: string, on: boolean): void => {
    const set = new Set(s.papers ?? [])
    if (on) set.add(slug)
    else set.delete(slug)
    setSearch(route, { papers: [...set].sort(), issueId: undefined, page: undefined })
  }
  const setDate = (field: 'dateFrom' | 'dateTo', v: string | undefined): void => {
    if (v === undefined || isValidIsoDate(v)) setSearch(route, { [field]: v })
  }
  const active =
    (s.papers?.length ?? 0) + (s.dateFrom ? 1 : 0) + (s.dateTo ? 1 : 0) + (s.issueId ? 1 : 0)
  return (
    <details className="search-filters" data-testid="search-filters" open>
      <summary>
        {t('filters')}
        {active > 0 && <span className="badge">{number(active)}</span>}
      </summary>
      <ScopeLadder route={route} />
      <div className="filter-row">
        <label>
          <span className="label">{t('sortBy')}</span>
          <select
            data-testid="sort-select"
            value={s.sort ?? 'relevance'}
            onChange={(e) =>
              setSearch(route, {
                sort: e.target.value === 'relevance' ? undefined : (e.target.value as SortOrder),
              })
            }
          >
            <option value="relevance">{t('sortRelevance')}</option>
            <option value="date-desc">{t('sortNewest')}</option>
            <option value="date-asc">{t('sortOldest')}</option>
          </select>
        </label>
      </div>
      <div className="filter-row" role="group" aria-label={t('papers')} data-testid="paper-facets">
        <span className="label">{t('papers')}</span>
        {papers.map((p) => {
          const n = counts.get(p.slug) ?? 0
          return (
            <label key={p.slug} className={n === 0 ? 'chip empty' : 'chip'}>
              <input
                type="checkbox"
                data-testid="paper-facet"
                data-paper={p.slug}
                checked={s.papers?.includes(p.slug) ?? false}
                onChange={(e) => togglePaper(p.slug, e.target.checked)}
              />
              {paper({ paperName: p.name, paperNameEn: p.nameEn })}
              {response && (
                <span className="count" data-testid="facet-count">
                  {number(n)}
                </span>
              )}
            </label>
          )
        })}
      </div>
      <div
        className="filter-row dates"
        role="group"
        aria-label={t('dates')}
        data-testid="date-filter"
      >
        <span className="label">{t('dates')}</span>
        <DateField
          testId="date-from"
          edge="start"
          label={t('dateFrom')}
          value={s.dateFrom}
          onChange={(v) => setDate('dateFrom', v)}
        />
        <span aria-hidden="true">–</span>
        <DateField
          testId="date-to"
          edge="end"
          label={t('dateTo')}
          value={s.dateTo}
          onChange={(v) => setDate('dateTo', v)}
        />
        {(s.dateFrom || s.dateTo) && (
          <button
            type="button"
            className="small"
            data-testid="clear-dates"
            onClick={() => setSearch(route, { dateFrom: undefined, dateTo: undefined })}
          >
            {t('clearDates')}
          </button>
        )}
      </div>
      {response && response.facets.year.length > 0 && (
        <div className="filter-row" role="group" aria-label={t('years')}>
          <span className="label">{t('years')}</span>
          {response.facets.year.map((y) => (
            <button
              key={y.value}
              type="button"
              className="chip"
              data-testid="year-facet"
              aria-pressed={s.dateFrom === `${y.value}-01-01` && s.dateTo === `${y.value}-12-31`}
              onClick={() =>
                setSearch(route, { dateFrom: `${y.value}-01-01`, dateTo: `${y.value}-12-31` })
              }
            >
              {y.value} <span className="count">{number(y.count)}</span>
            </button>
          ))}
        </div>
      )}
    </details>
  )
}
