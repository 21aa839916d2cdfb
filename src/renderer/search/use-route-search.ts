// The route's search as the panels read it: one memoized request per distinct search (so the
// data hook sees a stable value), its answer (or the previous one while a newer loads) and the
// status line.
import { useMemo } from 'react'
import { searchRequestFromParams, searchRequestToParams } from '../../shared/http'
import type { SearchRequest, SearchResponse } from '../../shared/types'
import { useSearch } from '../app/data'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { queryErrorText } from './query-error'

export interface RouteSearch {
  request: SearchRequest
  hasQuery: boolean
  response: SearchResponse | undefined
  loading: boolean
  error: Error | undefined
  status: string
}

/** The route's search request without the pager's offset: the key of "this search". */
export function requestOf(route: AppRoute): SearchRequest {
  return requestOfParams(searchRequestToParams(route.search).toString())
}

/** The search request of a route's search parameters (`searchRequestToParams`' text). */
export function requestOfParams(params: string): SearchRequest {
  return searchRequestFromParams(new URLSearchParams(params)) as unknown as SearchRequest
}

export function useRouteSearch(route: AppRoute): RouteSearch {
  const i18n = useI18n()
  const { t, number } = i18n
  const requestKey = searchRequestToParams(route.search).toString()
  const request = useMemo(() => requestOfParams(requestKey), [requestKey])
  const hasQuery = request.q.trim() !== ''
  const { entry, previous } = useSearch(hasQuery ? request : undefined)
  const response = entry?.status === 'ok' ? entry.data : hasQuery ? previous : undefined
  const loading = hasQuery && entry?.status !== 'ok' && entry?.status !== 'error'
  const error = entry?.status === 'error' ? entry.error : undefined

  let status: string
  if (!hasQuery) status = t('searchPrompt')
  else if (error) status = t('searchFailed')
  else if (loading || !response) status = t('searching')
  else if (response.error) status = queryErrorText(response.error, i18n)
  else
    status = t('resultCount', {
      n: number(response.total),
      count: response.total,
      q: response.query,
    })
  return { request, hasQuery, response, loading, error, status }
}
