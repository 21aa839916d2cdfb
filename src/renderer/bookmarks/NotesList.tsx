// The researcher's notes in the bookmarks panel: each with its article (a link that opens it,
// where the note is edited) and a delete button.
import { useI18n } from '../app/i18n'
import { articleHref, articleWhere } from './article-ref'
import { deleteNote, useNotes } from './notes'

export function NotesList() {
  const i18n = useI18n()
  const { t, date } = i18n
  const notes = useNotes()
  return (
    <section className="notes" data-testid="notes" aria-label={t('notesTitle')}>
      <h2>{t('notesTitle')}</h2>
      {notes.length === 0 ? (
        <p className="muted" data-testid="no-notes">
          {t('noNotes')}
        </p>
      ) : (
        // The notes, most recently written first.
        <ul className="bookmark-list note-list" data-testid="note-list">
          {notes.map((n) => (
            // One note: its article, its text, when, delete.
            <li key={n.articleId} data-testid="note-item">
              {/* The note's article (paper, date, page, headline), a link that opens it. */}
              <a href={articleHref(n.articleId)} data-testid="note-link">
                {articleWhere(n, i18n)}
                {n.headline && (
                  <>
                    {' · '}
                    <span lang="zh-CN">{n.headline}</span>
                  </>
                )}
              </a>
              {/* The note's text as written. */}
              <p className="note-text" data-testid="note-text">
                {n.text}
              </p>
              <span className="muted small-text">
                {t('noteUpdated', { date: date(n.updatedAt.slice(0, 10)) })}
              </span>
              <button
                type="button"
                className="small"
                data-testid="note-delete"
                aria-label={t('noteDeleteLabel', { name: n.headline })}
                onClick={() => deleteNote(n.articleId)}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
