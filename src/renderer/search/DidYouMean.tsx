// "Did you mean": when a search finds nothing or very little, the nearby queries the archive
// offers (one character different, a variant form, a character dropped or added), each with its
// hit count under the same filters, one click away. The filters stay; the query is replaced.
// They are asked of the archive's `didYouMean` once the search has answered with at most
// DID_YOU_MEAN_MAX_HITS (counting them costs up to a dozen searches, which no search should
// wait for), and appear when they arrive.
import { useMemo } from 'react'
import { searchRequestToParams } from '../../shared/http'
import { DID_YOU_MEAN_MAX_HITS } from '../../shared/rules'
import type { SearchResponse } from '../../shared/types'
import { useDidYouMean } from '../app/data'
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { formatRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { markChange } from './did-you-mean'
import { withSearch } from './search-route'
import { requestOfParams } from './use-route-search'

/** The query with the characters that differ from what was typed in bold. */
function marked(q: string, from: string, to: string) {
  const m = markChange(q, from, to)
  return (
    <>
      {m.before}
      {m.changed && <strong>{m.changed}</strong>}
      {m.after}
    </>
  )
}

interface Props {
  route: AppRoute
  response: SearchResponse
  /** `response` answers an older search (a newer one is loading): ask nothing for it. */
  stale: boolean
}

export function DidYouMean({ route, response, stale }: Props) {
  const { t, number } = useI18n()
  // One request per distinct search (the pager's offset is not part of it), as the data hook needs.
  const requestKey = searchRequestToParams(route.search).toString()
  const request = useMemo(() => requestOfParams(requestKey), [requestKey])
  const few =
    !stale &&
    response.error === undefined &&
    response.query === request.q &&
    response.total <= DID_YOU_MEAN_MAX_HITS
  const { entry } = useDidYouMean(few ? request : undefined)
  const offers = few && entry?.status === 'ok' ? entry.data.offers : []
  if (offers.length === 0) return null
  return (
    // The nearby queries offered for a search with no or very few hits.
    <div className="did-you-mean" data-testid="did-you-mean">
      <span className="dym-title">{t('dymTitle')}</span>
      <ul className="dym-list">
        {offers.map((d) => {
          const next = withSearch(route, { q: d.q })
          return (
            <li key={d.q}>
              {/* One offered query: a link that runs it, with its hit count and how it differs. */}
              <a
                href={formatRoute(next)}
                className="dym-offer"
                data-testid="dym-offer"
                data-query={d.q}
                aria-label={t('dymRun', { q: d.q, n: number(d.total) })}
                title={t(`dymChange_${d.change}`)}
                onClick={(e) => {
                  e.preventDefault()
                  navigate(next)
                }}
              >
                <span className="dym-q">{marked(d.q, d.from, d.to)}</span>
                <span className="dym-count">
                  {t('dymCount', { n: number(d.total), count: d.total })}
                </span>
              </a>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
