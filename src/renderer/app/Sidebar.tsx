// The navigator beside the reader: the library, search results and bookmarks as tabs. Which tab
// is open is part of the route.
import { useI18n } from './i18n'
import type { MessageKey } from './messages'
import { TABS } from './route'
import type { AppRoute, Tab } from './route'
import { navigate } from './route-store'
import { BookmarksPanel } from '../bookmarks/BookmarksPanel'
import { LibraryPanel } from '../library/LibraryPanel'
import { SearchPanel } from '../search/SearchPanel'

const LABELS: Record<Tab, MessageKey> = {
  library: 'tabLibrary',
  search: 'tabSearch',
  bookmarks: 'tabBookmarks',
}

export function Sidebar({ route }: { route: AppRoute }) {
  const { t } = useI18n()
  return (
    <aside className="sidebar" id="sidebar" aria-label={t('sidebar')} data-testid="sidebar">
      <div className="tabs" role="tablist" aria-label={t('sidebar')}>
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            data-testid={`tab-${tab}`}
            aria-selected={route.tab === tab}
            aria-controls={`panel-${tab}`}
            tabIndex={route.tab === tab ? 0 : -1}
            onClick={() => navigate({ ...route, tab })}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
              const at = TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : -1)
              const next = TABS[(at + TABS.length) % TABS.length] as Tab
              navigate({ ...route, tab: next })
              document.getElementById(`tab-${next}`)?.focus()
            }}
          >
            {t(LABELS[tab])}
          </button>
        ))}
      </div>
      <div
        className="tab-panel"
        role="tabpanel"
        id={`panel-${route.tab}`}
        aria-labelledby={`tab-${route.tab}`}
      >
        {route.tab === 'library' && <LibraryPanel route={route} />}
        {route.tab === 'search' && <SearchPanel route={route} />}
        {route.tab === 'bookmarks' && <BookmarksPanel route={route} />}
      </div>
    </aside>
  )
}
