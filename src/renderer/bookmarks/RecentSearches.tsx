// Recent searches, shown when the search box is empty.
import { clearRecent, useBookmarks } from './bookmarks'
import { useI18n } from '../app/i18n'

export function RecentSearches() {
  const { t } = useI18n()
  const { recent } = useBookmarks()
  if (recent.length === 0) return null
  return (
    <section className="recent" data-testid="recent-searches" aria-label={t('recentSearches')}>
      <h2>{t('recentSearches')}</h2>
      <ul>
        {recent.map((r) => (
          <li key={r.q}>
            <a href={r.route} data-testid="recent-search">
              {r.q}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className="small" onClick={clearRecent}>
        {t('clearRecent')}
      </button>
    </section>
  )
}
