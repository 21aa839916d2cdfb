// The search tab of the sidebar: the status line and the filters. The results themselves fill
// the main area (ResultsPage); while a hit is read, a compact list of them stays here, so the
// next result is a click away.
import { useI18n } from '../app/i18n'
import { showsResults } from '../app/route'
import type { AppRoute } from '../app/route'
import { LoadError } from '../ui/LoadError'
import { RecentSearches } from '../bookmarks/RecentSearches'
import { SearchFilters } from './SearchFilters'
import { SearchResults } from './SearchResults'
import { useRouteSearch } from './use-route-search'

export function SearchPanel({ route }: { route: AppRoute }) {
  const { t } = useI18n()
  const { hasQuery, response, loading, error, status } = useRouteSearch(route)
  const inMain = showsResults(route)
  return (
    <section className="search-panel" data-testid="search-panel" aria-label={t('tabSearch')}>
      <p className="result-count" role="status" aria-live="polite" data-testid="result-count">
        {status}
      </p>
      <SearchFilters route={route} response={hasQuery ? response : undefined} />
      {error && <LoadError error={error} />}
      {hasQuery && response && !response.error && !inMain && (
        <SearchResults route={route} response={response} stale={loading} compact />
      )}
      {!hasQuery && <RecentSearches />}
    </section>
  )
}
