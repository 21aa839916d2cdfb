// "n / total" over the matches in the article, with previous/next (n / Shift+N).
import { useI18n } from '../app/i18n'
import { stepHit, updatePane } from '../app/navigation'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'

interface Props {
  route: AppRoute
  index: 0 | 1
  q: string
  hit: number | undefined
  total: number
  loading: boolean
}

export function HitNavigator({ route, index, q, hit, total, loading }: Props) {
  const { t } = useI18n()
  const step = (dir: 1 | -1): void =>
    navigate({ ...stepHit(route, index, dir, total), active: index }, { replace: true })
  return (
    <div className="hit-nav" role="group" aria-label={t('matchesOf', { q })} data-testid="hit-nav">
      <span className="muted">{t('highlighting', { q })}</span>
      <button
        type="button"
        data-testid="hit-prev"
        disabled={total < 2}
        aria-keyshortcuts="Shift+N"
        onClick={() => step(-1)}
      >
        ↑ {t('prevHit')}
      </button>
      <span data-testid="hit-counter" aria-live="polite">
        {loading ? '…' : total === 0 ? t('noMatchesHere') : `${(hit ?? 0) + 1} / ${total}`}
      </span>
      <button
        type="button"
        data-testid="hit-next"
        disabled={total < 2}
        aria-keyshortcuts="n"
        onClick={() => step(1)}
      >
        ↓ {t('nextHit')}
      </button>
      <button
        type="button"
        className="small"
        data-testid="clear-highlight"
        onClick={() => navigate(updatePane(route, index, { q: undefined, hit: undefined }))}
      >
        {t('clearHighlight')}
      </button>
    </div>
  )
}
