// Search results with their filters. The request is the route's, so a search is a link.
import { useMemo } from 'react'
import { searchRequestFromParams, searchRequestToParams } from '../../shared/http'
import type { SearchRequest } from '../../shared/types'
import { useSearch } from '../app/data'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { LoadError } from '../ui/LoadError'
import { RecentSearches } from '../bookmarks/RecentSearches'
import { SearchFilters } from './SearchFilters'
import { SearchResults } from './SearchResults'

export function SearchPanel({ route }: { route: AppRoute }) {
  const { t, number } = useI18n()
  const requestKey = searchRequestToParams(route.search).toString()
  // One object per distinct request, so the data hook sees a stable value.
  const request = useMemo(
    () => searchRequestFromParams(new URLSearchParams(requestKey)) as unknown as SearchRequest,
    [requestKey],
  )
  const hasQuery = request.q.trim() !== ''
  const { entry, previous } = useSearch(hasQuery ? request : undefined)
  const response = entry?.status === 'ok' ? entry.data : hasQuery ? previous : undefined
  const loading = hasQuery && entry?.status !== 'ok' && entry?.status !== 'error'

  let status: string
  if (!hasQuery) status = t('searchPrompt')
  else if (entry?.status === 'error') status = t('searchFailed')
  else if (loading || !response) status = t('searching')
  else if (response.error) status = t('queryError', { error: response.error })
  else status = t('resultCount', { n: number(response.total), q: response.query })

  return (
    <section className="search-panel" data-testid="search-panel" aria-label={t('tabSearch')}>
      <p className="result-count" role="status" aria-live="polite" data-testid="result-count">
        {status}
      </p>
      <SearchFilters route={route} response={hasQuery ? response : undefined} />
      {entry?.status === 'error' && <LoadError error={entry.error} />}
      {hasQuery && response && !response.error && (
        <SearchResults route={route} response={response} stale={loading} />
      )}
      {!hasQuery && <RecentSearches />}
    </section>
  )
}
