// One page of hits (the list stays short, so it stays fast), and a pager.
import { useEffect } from 'react'
import type { SearchResponse } from '../../shared/types'
import { PAGE_SIZE } from '../app/data'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { DidYouMean } from './DidYouMean'
import { HitItem } from './HitItem'

interface Props {
  route: AppRoute
  response: SearchResponse
  /** A newer request is loading; these are the previous results. */
  stale: boolean
  /** The short list in the sidebar, beside an opened hit. */
  compact?: boolean
}

/** Records keystroke → results on screen, for the latency figure the e2e perf spec reports. */
function measureLatency(q: string): void {
  const marks = performance.getEntriesByName('search-input', 'mark') as PerformanceMark[]
  const mark = [...marks].reverse().find((m) => (m.detail as { q?: string } | null)?.q === q)
  if (!mark) return
  requestAnimationFrame(() => {
    performance.measure('search-latency', { start: mark.startTime, detail: { q } })
    performance.clearMarks('search-input')
  })
}

export function SearchResults({ route, response, stale, compact = false }: Props) {
  const { t, number } = useI18n()
  const offset = route.search.offset ?? 0
  useEffect(() => {
    if (!stale) measureLatency(response.query)
  }, [response, stale])

  const goTo = (next: number): void => {
    const search = { ...route.search }
    if (next > 0) search.offset = next
    else delete search.offset
    navigate({ ...route, search })
    document.getElementById('search-results')?.focus()
  }

  if (response.total === 0) {
    return (
      <>
        <p className="no-results" data-testid="no-results">
          {t('noResults')}
          {/* A lone "-" (typed on the way to "-word") is searched as a character: say so. */}
          {/(^|\s)-(\s|$)/.test(response.query) && (
            <span className="hint" data-testid="no-results-hint">
              {' '}
              {t('noResultsLoneMinus')}
            </span>
          )}
        </p>
        <DidYouMean route={route} response={response} stale={stale} />
      </>
    )
  }
  const from = Math.min(offset + 1, response.total)
  const to = Math.min(offset + response.hits.length, response.total)
  return (
    <div
      className={`results${stale ? ' stale' : ''}${compact ? ' compact' : ''}`}
      aria-busy={stale}
      data-testid={compact ? 'results-compact' : 'results-main'}
    >
      <DidYouMean route={route} response={response} stale={stale} />
      <ol
        id="search-results"
        data-query={response.query}
        className="hit-list"
        data-testid="hit-list"
        tabIndex={-1}
        start={offset + 1}
        aria-label={t('resultsLabel')}
      >
        {response.hits.map((hit) => (
          <HitItem key={hit.articleId} route={route} hit={hit} query={response.query} />
        ))}
      </ol>
      {response.total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('pager')} data-testid="pager">
          <button
            type="button"
            disabled={offset === 0}
            onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('prevResults')}
          </button>
          <span data-testid="pager-range">
            {t('pagerRange', { from: number(from), to: number(to), total: number(response.total) })}
          </span>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= response.total}
            onClick={() => goTo(offset + PAGE_SIZE)}
          >
            {t('nextResults')}
          </button>
        </nav>
      )}
    </div>
  )
}
