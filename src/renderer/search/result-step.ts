// From an opened hit to the next or previous result of the route's search, across the pager's
// pages: the next page of results is loaded (or taken from the cache) when the step leaves the
// current one, and the route's offset follows, so "back to results" shows the right page.
import type { SearchResponse } from '../../shared/types'
import { loadSearch, PAGE_SIZE } from '../app/data'
import { openArticleId } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { requestOf } from './use-route-search'

export interface ResultPlace {
  /** 0-based over the whole result list. */
  at: number
  total: number
}

/** Where the article stands in this page of results, if it is one of them. */
export function placeOf(
  route: AppRoute,
  response: SearchResponse | undefined,
  articleId: string | undefined,
): ResultPlace | undefined {
  if (!response || !articleId) return undefined
  const i = response.hits.findIndex((h) => h.articleId === articleId)
  if (i < 0) return undefined
  return { at: (route.search.offset ?? 0) + i, total: response.total }
}

/** The route with result `at + dir` open in pane `index`; undefined at either end. */
export async function stepResult(
  route: AppRoute,
  index: 0 | 1,
  place: ResultPlace,
  dir: 1 | -1,
): Promise<AppRoute | undefined> {
  const target = place.at + dir
  if (target < 0 || target >= place.total) return undefined
  const offset = Math.floor(target / PAGE_SIZE) * PAGE_SIZE
  const search = { ...route.search }
  if (offset > 0) search.offset = offset
  else delete search.offset
  const moved: AppRoute = { ...route, search }
  const response = await loadSearch(requestOf(moved))
  const hit = response.hits[target - offset]
  if (!hit) return undefined
  return openArticleId(moved, hit.articleId, index, response.query)
}
