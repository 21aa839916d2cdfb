// Saved views (named), recent searches, and bookmarks as a JSON file to export and import.
import { useState } from 'react'
import {
  addBookmark,
  exportBookmarks,
  importBookmarks,
  removeBookmark,
  useBookmarks,
} from './bookmarks'
import { downloadText } from '../ui/browser'
import { kindOf, useRouteDescription } from '../app/describe'
import { useI18n } from '../app/i18n'
import { formatRoute } from '../app/route'
import type { AppRoute } from '../app/route'
import { RecentSearches } from './RecentSearches'
import { NotesList } from './NotesList'
import { ContinueReading } from '../reader/ContinueReading'

export function BookmarksPanel({ route }: { route: AppRoute }) {
  const i18n = useI18n()
  const { t, date } = i18n
  const { bookmarks, notes } = useBookmarks()
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>()
  const suggestion = useRouteDescription(route, i18n)

  const save = (): void => {
    // The saved view is the current route, without the panel that happens to be open.
    const b = addBookmark(
      name || suggestion,
      formatRoute({
        ...route,
        tab: route.search.q && route.tab === 'search' ? 'search' : 'library',
      }),
      kindOf(route),
    )
    setName('')
    setMessage({ text: t('bookmarkSaved', { name: b.name }) })
  }

  const onImport = async (file: File | undefined): Promise<void> => {
    if (!file) return
    if (file.size > 5_000_000) {
      setMessage({ text: t('importFailed', { error: t('fileTooLarge') }), error: true })
      return
    }
    const result = importBookmarks(await file.text())
    setMessage(
      !result.ok
        ? { text: t('importFailed', { error: result.error }), error: true }
        : {
            text:
              result.notes > 0
                ? t('importDoneNotes', {
                    added: result.added,
                    notes: result.notes,
                    skipped: result.skipped,
                  })
                : t('importDone', { added: result.added, skipped: result.skipped }),
          },
    )
  }

  return (
    <section className="bookmarks" data-testid="bookmarks-panel" aria-label={t('tabBookmarks')}>
      <form
        className="bookmark-form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <label htmlFor="bookmark-name">{t('bookmarkName')}</label>
        <div className="row">
          <input
            id="bookmark-name"
            data-testid="bookmark-name"
            value={name}
            placeholder={suggestion}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" data-testid="bookmark-save">
            {t('saveView')}
          </button>
        </div>
      </form>
      <p
        className={message?.error ? 'message error' : 'message'}
        role="status"
        data-testid="bookmark-message"
      >
        {message?.text}
      </p>
      <h2>{t('savedViews')}</h2>
      {bookmarks.length === 0 ? (
        <p className="muted" data-testid="no-bookmarks">
          {t('noBookmarks')}
        </p>
      ) : (
        <ul className="bookmark-list" data-testid="bookmark-list">
          {bookmarks.map((b) => (
            <li key={b.id} data-testid="bookmark">
              <a href={b.route} data-testid="bookmark-link">
                {b.name}
              </a>
              <span className="muted small-text">
                {t(
                  b.kind === 'search'
                    ? 'kindSearch'
                    : b.kind === 'reading'
                      ? 'kindReading'
                      : 'kindView',
                )}
                {' · '}
                {date(b.createdAt.slice(0, 10))}
              </span>
              <button
                type="button"
                className="small"
                data-testid="bookmark-delete"
                aria-label={t('deleteBookmark', { name: b.name })}
                onClick={() => removeBookmark(b.id)}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row bookmark-io">
        <button
          type="button"
          data-testid="bookmark-export"
          disabled={bookmarks.length === 0 && !notes?.length}
          onClick={() =>
            downloadText('archive-reader-bookmarks.json', exportBookmarks(), 'application/json')
          }
        >
          {t('exportBookmarks')}
        </button>
        <label className="button-like">
          {t('importBookmarks')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            data-testid="bookmark-import"
            onChange={(e) => {
              void onImport(e.target.files?.[0])
              e.target.value = ''
            }}
          />
        </label>
      </div>
      <NotesList />
      {/* Every remembered reading position, each to forget. */}
      <div data-testid="reading-positions">
        <ContinueReading manage />
      </div>
      <RecentSearches />
    </section>
  )
}
