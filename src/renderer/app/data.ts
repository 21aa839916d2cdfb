// Typed hooks over the resource cache, one per archive verb. Keys are exported so commands can
// `peek` at what is already on screen without loading anything.
import { useCallback } from 'react'
import { api } from './api'
import { importApi } from '../import/import-api'
import { ensure, invalidate, peek, useResource } from '../ui/resource'
import type { ResourceState } from '../ui/resource'
import type {
  Article,
  ArticleMatches,
  DidYouMeanResponse,
  IssueSummary,
  IssueView,
  PageSource,
  SearchRequest,
  SearchResponse,
} from '../../shared/types'
import { isPreview } from '../../shared/archive/issue-preview'
import { searchRequestToParams } from '../../shared/http'

export const keys = {
  issues: 'issues',
  issue: (id: string) => `issue:${id}`,
  article: (id: string) => `article:${id}`,
  source: (id: string, page: number) => `source:${id}:${page}`,
  search: (r: SearchRequest) => `search:${searchRequestToParams(r).toString()}`,
  didYouMean: (r: SearchRequest) => `dym:${searchRequestToParams(r).toString()}`,
  matches: (articleId: string, q: string) => `matches:${articleId}:${q}`,
  userIssues: 'user-issues',
}

const loadUserIssues = async (): Promise<string[]> => (importApi ? importApi.userIssues() : [])

/** Ids of the issues in the user's own library (none without the in-app import). */
export function useUserIssues(): ResourceState<string[]> {
  return useResource(importApi ? keys.userIssues : null, loadUserIssues)
}

/**
 * After an import or a remove: the library, every search and the changed issues load again
 * (issues that did not change stay cached).
 */
export function refreshAfterChange(changedIssues: readonly string[]): void {
  const changed = new Set(changedIssues)
  invalidate((key) => {
    if (key === keys.issues || key === keys.userIssues) return true
    if (key.startsWith('search:') || key.startsWith('dym:')) return true
    const m = /^(?:issue|source|matches):([^:/]+)/.exec(key)
    return m !== null && changed.has(m[1] as string)
  })
}

const loadIssues = (): Promise<IssueSummary[]> => api.listIssues()

export function useIssues(): ResourceState<IssueSummary[]> {
  return useResource(keys.issues, loadIssues)
}

/** Starts loading the library before React renders, ahead of the font requests. */
export function prefetchIssues(): void {
  ensure(keys.issues, loadIssues).catch(() => {})
}

export function peekIssues(): IssueSummary[] | undefined {
  return peek(keys.issues)
}

export function useIssue(id: string | undefined): ResourceState<IssueView> {
  const load = useCallback(() => api.getIssue(id as string), [id])
  return useResource(id ? keys.issue(id) : null, load)
}

export function peekIssue(id: string): IssueView | undefined {
  return peek(keys.issue(id))
}

/** The whole article when the issue carried only the start of its text; else `article`. */
export function useFullArticle(article: Article): { article: Article; loading: boolean } {
  const cut = isPreview(article)
  const load = useCallback(() => api.getArticle(article.id), [article.id])
  const { entry } = useResource(cut ? keys.article(article.id) : null, load)
  if (!cut) return { article, loading: false }
  if (entry?.status === 'ok') return { article: entry.data, loading: false }
  return { article, loading: entry?.status !== 'error' }
}

export function usePageSource(
  id: string,
  page: number,
  enabled: boolean,
): ResourceState<PageSource> {
  const load = useCallback(() => api.getPageSource(id, page), [id, page])
  return useResource(enabled ? keys.source(id, page) : null, load)
}

export const PAGE_SIZE = 20

/** `request` must be memoized by the caller. */
export function useSearch(request: SearchRequest | undefined): ResourceState<SearchResponse> {
  const load = useCallback(
    () => api.search({ ...(request as SearchRequest), limit: PAGE_SIZE }),
    [request],
  )
  return useResource(request?.q.trim() ? keys.search(request) : null, load, 'search')
}

/** One page of results (from the cache when it is there), for stepping from hit to hit. */
export function loadSearch(request: SearchRequest): Promise<SearchResponse> {
  return ensure(keys.search(request), () => api.search({ ...request, limit: PAGE_SIZE }), 'search')
}

export function peekSearch(request: SearchRequest): SearchResponse | undefined {
  return peek(keys.search(request))
}

/**
 * Nearby queries for a search that answered with few hits; asked only when `request` is given
 * (DidYouMean.tsx decides), never as part of the search. `request` must be memoized.
 */
export function useDidYouMean(
  request: SearchRequest | undefined,
): ResourceState<DidYouMeanResponse> {
  const load = useCallback(() => api.didYouMean(request as SearchRequest), [request])
  return useResource(request?.q.trim() ? keys.didYouMean(request) : null, load)
}

export function useArticleMatches(
  articleId: string | undefined,
  q: string | undefined,
): ResourceState<ArticleMatches> {
  const load = useCallback(
    () => api.articleMatches(articleId as string, q as string),
    [articleId, q],
  )
  return useResource(articleId && q?.trim() ? keys.matches(articleId, q) : null, load)
}

export function peekMatches(articleId: string, q: string): ArticleMatches | undefined {
  return peek(keys.matches(articleId, q))
}
