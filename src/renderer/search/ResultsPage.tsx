// The results of the route's search in the main area: the status line, a timeline of hits by
// year and month, and the list with snippets and a pager. The filters stay in the sidebar,
// beside it. When a pane is open behind it, a button goes back to the reader.
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { LoadError } from '../ui/LoadError'
import { HitTimeline } from './HitTimeline'
import { SearchResults } from './SearchResults'
import { useRouteSearch } from './use-route-search'

export function ResultsPage({ route }: { route: AppRoute }) {
  const { t } = useI18n()
  const { response, loading, error, status } = useRouteSearch(route)
  const back = (): void => {
    const reading = { ...route }
    delete reading.resultsView
    navigate(reading)
  }
  return (
    <section className="results-page" data-testid="results-page" aria-label={t('resultsLabel')}>
      <header className="results-head">
        <h2 data-testid="results-heading">{status}</h2>
        {route.panes.length > 0 && (
          <button type="button" data-testid="back-to-reader" aria-keyshortcuts="r" onClick={back}>
            {t('backToReader')}
          </button>
        )}
      </header>
      {error && <LoadError error={error} />}
      {response && !response.error && <HitTimeline route={route} response={response} />}
      {response && !response.error && (
        <SearchResults route={route} response={response} stale={loading} />
      )}
    </section>
  )
}
