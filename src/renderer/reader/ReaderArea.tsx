// One or two reading panes, with the split controls: split, swap, synchronised scrolling.
import { useRef } from 'react'
import { useI18n } from '../app/i18n'
import { swapPanes, toggleSplit } from '../app/navigation'
import { showsResults } from '../app/route'
import type { AppRoute } from '../app/route'
import { navigate } from '../app/route-store'
import { ErrorBoundary } from '../ui/ErrorBoundary'
import { ResultsPage } from '../search/ResultsPage'
import { ReaderPane } from './ReaderPane'
import { Welcome } from './Welcome'

export function ReaderArea({ route }: { route: AppRoute }) {
  const { t } = useI18n()
  const bodies = useRef<(HTMLElement | null)[]>([null, null])
  // Set while we move the other pane, so its scroll event does not echo back.
  const echo = useRef<HTMLElement | null>(null)
  const split = route.panes.length === 2

  const onScroll = (i: 0 | 1): void => {
    if (!route.sync || !split) return
    const from = bodies.current[i]
    const to = bodies.current[i === 0 ? 1 : 0]
    if (!from || !to) return
    if (echo.current === from) {
      echo.current = null
      return
    }
    const ratio = from.scrollTop / Math.max(1, from.scrollHeight - from.clientHeight)
    echo.current = to
    to.scrollTop = ratio * (to.scrollHeight - to.clientHeight)
  }

  if (showsResults(route)) {
    return (
      <main className="reader-area" id="reader" aria-label={t('reader')} data-testid="reader-area">
        <ResultsPage route={route} />
      </main>
    )
  }
  return (
    <main className="reader-area" id="reader" aria-label={t('reader')} data-testid="reader-area">
      {route.panes.length > 0 && (
        <div className="reader-tools" role="toolbar" aria-label={t('splitTools')}>
          <button
            type="button"
            data-testid="split-toggle"
            aria-pressed={split}
            aria-keyshortcuts="s"
            onClick={() => navigate(toggleSplit(route))}
          >
            {split ? t('closeSplit') : t('openSplit')}
          </button>
          {split && (
            <>
              <button
                type="button"
                data-testid="swap-panes"
                aria-keyshortcuts="x"
                onClick={() => navigate(swapPanes(route))}
              >
                {t('swapPanes')}
              </button>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid="sync-scroll"
                  checked={route.sync}
                  onChange={(e) => navigate({ ...route, sync: e.target.checked })}
                />
                {t('syncScroll')}
              </label>
            </>
          )}
        </div>
      )}
      {route.panes.length === 0 ? (
        <Welcome />
      ) : (
        <div className={split ? 'panes split' : 'panes'}>
          {route.panes.map((pane, i) => (
            <ErrorBoundary key={i} label={t(i === 0 ? 'paneA' : 'paneB')}>
              <ReaderPane
                route={route}
                index={i as 0 | 1}
                pane={pane}
                bodyRef={(el) => {
                  bodies.current[i] = el
                }}
                onScroll={() => onScroll(i as 0 | 1)}
              />
            </ErrorBoundary>
          ))}
        </div>
      )}
    </main>
  )
}
