// "Continue reading": the articles read part-way, most recent first, each a link back to where
// the reader stopped (reading-position.ts). On the welcome page only the few to continue; in the
// bookmarks panel (`manage`) all recent ones, each to forget, and all at once.
import { useI18n } from '../app/i18n'
import { articleHref, articleWhere } from '../bookmarks/article-ref'
import {
  clearPositions,
  continueList,
  forgetPosition,
  percentRead,
  useReadingPositions,
} from './reading-position'

export function ContinueReading({ manage = false }: { manage?: boolean }) {
  const i18n = useI18n()
  const { t, date } = i18n
  const positions = useReadingPositions()
  const list = manage ? positions.slice(0, 30) : continueList(positions)
  if (!manage && list.length === 0) return null
  return (
    // In the bookmarks panel it sits inside `reading-positions`.
    <section
      className="continue-reading"
      data-testid="continue-reading"
      aria-label={t(manage ? 'readingPositions' : 'continueReading')}
    >
      <h2>{t(manage ? 'readingPositions' : 'continueReading')}</h2>
      {list.length === 0 ? (
        <p className="muted" data-testid="no-positions">
          {t('noPositions')}
        </p>
      ) : (
        <ul className="bookmark-list">
          {list.map((p) => (
            // One article read part-way: its link, how far it was read, when.
            <li key={p.articleId} data-testid="reading-position">
              {/* Opens the article where the reader stopped. */}
              <a href={articleHref(p.articleId)} data-testid="continue-link">
                {articleWhere(p, i18n)}
                {p.headline && (
                  <>
                    {' · '}
                    <span lang="zh-CN">{p.headline}</span>
                  </>
                )}
              </a>
              <span className="muted small-text">
                {t('readPercent', { n: percentRead(p) })} · {date(p.at.slice(0, 10))}
              </span>
              {manage && (
                <button
                  type="button"
                  className="small"
                  data-testid="position-forget"
                  aria-label={t('positionForgetLabel', { name: p.headline })}
                  onClick={() => forgetPosition(p.articleId)}
                >
                  {t('positionForget')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {manage && list.length > 0 && (
        <button
          type="button"
          className="small"
          data-testid="positions-clear"
          onClick={clearPositions}
        >
          {t('positionsClear')}
        </button>
      )}
    </section>
  )
}
