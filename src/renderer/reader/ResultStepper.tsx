// Above an article opened from the search: "result n of total", previous / next result (keys
// , and .) and back to the results page (r). Shown while the article is one of the results of
// the route's search.
import { useI18n } from '../app/i18n'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { showToast } from '../ui/toast'
import { placeOf, stepResult } from '../search/result-step'
import { useRouteSearch } from '../search/use-route-search'

interface Props {
  route: AppRoute
  index: 0 | 1
  articleId: string | undefined
}

export function ResultStepper({ route, index, articleId }: Props) {
  const { t, number } = useI18n()
  const { response } = useRouteSearch(route)
  const place = placeOf(route, response, articleId)
  if (!place) return null
  const step = (dir: 1 | -1): void => {
    void stepResult(route, index, place, dir).then(
      (next) => (next ? navigate({ ...next, active: index }) : showToast(t('noMoreResults'))),
      () => showToast(t('searchFailed'), undefined, 'error'),
    )
  }
  return (
    <div
      className="result-stepper"
      role="group"
      aria-label={t('resultStepper')}
      data-testid="result-stepper"
      data-result-step={index}
    >
      <button
        type="button"
        data-testid="results-back"
        aria-keyshortcuts="r"
        onClick={() => navigate({ ...route, tab: 'search', resultsView: true })}
      >
        ← {t('backToResults')}
      </button>
      <span data-testid="result-position">
        {t('resultPosition', { n: number(place.at + 1), total: number(place.total) })}
      </span>
      <button
        type="button"
        data-testid="result-prev"
        aria-keyshortcuts=","
        disabled={place.at === 0}
        onClick={() => step(-1)}
      >
        {t('prevResult')}
      </button>
      <button
        type="button"
        data-testid="result-next"
        aria-keyshortcuts="."
        disabled={place.at + 1 >= place.total}
        onClick={() => step(1)}
      >
        {t('nextResult')}
      </button>
    </div>
  )
}
