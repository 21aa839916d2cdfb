// The researcher's note on the article in a pane, under its toolbar: shown with edit and delete,
// or a small form while it is written ("Note" in the toolbar opens it; notes.ts keeps it).
import { useState } from 'react'
import type { Article, IssueView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { deleteNote, editNote, MAX_NOTE_LENGTH, saveNote, useNoteEditing, useNotes } from './notes'

export function ArticleNote({ issue, article }: { issue: IssueView; article: Article }) {
  const { t, date } = useI18n()
  const note = useNotes().find((n) => n.articleId === article.id)
  const editing = useNoteEditing() === article.id
  // What is typed; undefined until the reader types (the form starts from the saved note).
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const close = (): void => {
    setDraft(undefined)
    editNote(undefined)
  }
  if (editing) {
    const text = draft ?? note?.text ?? ''
    const id = `note-${article.id}`
    return (
      // The note being written or edited, under the article's toolbar.
      <form
        className="article-note editing"
        data-testid="note-editor"
        onSubmit={(e) => {
          e.preventDefault()
          saveNote(issue, article, text)
          close()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close()
        }}
      >
        <label htmlFor={id}>{t('noteLabel')}</label>
        {/* The note's text (at most MAX_NOTE_LENGTH characters). */}
        <textarea
          id={id}
          data-testid="note-input"
          rows={4}
          maxLength={MAX_NOTE_LENGTH}
          value={text}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="row">
          <span className="muted small-text">
            {t('noteLength', { n: text.length, max: MAX_NOTE_LENGTH })}
          </span>
          <button type="submit" data-testid="note-save">
            {t('noteSave')}
          </button>
          <button type="button" data-testid="note-cancel" onClick={close}>
            {t('noteCancel')}
          </button>
        </div>
      </form>
    )
  }
  if (!note) return null
  return (
    <aside className="article-note" data-testid="article-note" aria-label={t('noteTitle')}>
      <div className="row">
        <strong>{t('noteTitle')}</strong>
        <span className="muted small-text">
          {t('noteUpdated', { date: date(note.updatedAt.slice(0, 10)) })}
        </span>
        <button
          type="button"
          className="small"
          data-testid="note-edit"
          onClick={() => editNote(article.id)}
        >
          {t('noteEditLabel')}
        </button>
        <button
          type="button"
          className="small"
          data-testid="note-remove"
          onClick={() => deleteNote(article.id)}
        >
          {t('noteDelete')}
        </button>
      </div>
      {/* The saved note's text, shown with the article. */}
      <p className="note-text" data-testid="note-shown">
        {note.text}
      </p>
    </aside>
  )
}
