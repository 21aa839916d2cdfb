// Changing a search's filters: a route transformation (pure, tested) and the navigation that
// applies it. Each change is a new history entry, so back undoes it.
import type { SearchRequest } from '../../shared/types'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'

/** The route with `change` merged into its search, on the search tab, from the first result. */
export function withSearch(route: AppRoute, change: Partial<SearchRequest>): AppRoute {
  const search: SearchRequest = { ...route.search, ...change }
  delete search.offset // a new filter starts at the first result
  for (const k of Object.keys(search) as (keyof SearchRequest)[]) {
    const v = search[k]
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete search[k]
  }
  return { ...route, tab: 'search', search }
}

export function setSearch(route: AppRoute, change: Partial<SearchRequest>): void {
  navigate(withSearch(route, change))
}
