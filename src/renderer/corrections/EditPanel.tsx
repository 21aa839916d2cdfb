// The edit mode on one article (librarians): choose what to correct, preview it (a text fix as
// a diff, a split or merge as the page's articles after it), then save it into the archive's
// corrections or the profile's overlay. Nothing is saved without a preview first.
import { useState } from 'react'
import type { EditPreview, EditTarget } from '../../shared/corrections-contract'
import type { Article, IssueView } from '../../shared/types'
import { errorText } from '../app/error-text'
import { useI18n } from '../app/i18n'
import { downloadText } from '../ui/browser'
import { showToast } from '../ui/toast'
import { correctionsApi } from './corrections-api'
import { EditFields } from './EditFields'
import { EditHistory } from './EditHistory'
import { EDIT_MODE_KINDS, initialForm, requestOf } from './edit-form'
import { chosenKind, closeEditor, refreshAfterEdit } from './edit-state'
import { EditPreviewView } from './EditPreviewView'

interface Props {
  issue: IssueView
  article: Article
  target: EditTarget
}

export function EditPanel({ issue, article, target }: Props) {
  const { t, number, lang } = useI18n()
  const [form, setForm] = useState(() => initialForm(article, chosenKind.get()))
  const [preview, setPreview] = useState<EditPreview | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const page = issue.pages.find((p) => p.number === article.page)
  const last = !page || page.articles[page.articles.length - 1]?.id === article.id
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (e) {
      setError(errorText(e, lang))
    } finally {
      setBusy(false)
    }
  }
  const onPreview = (): Promise<void> =>
    run(async () => setPreview(await correctionsApi.previewEdit(requestOf(form, article))))
  const onApply = (): Promise<void> =>
    run(async () => {
      await correctionsApi.applyEdit(requestOf(form, article))
      setPreview(undefined)
      setForm(initialForm(article, form.kind))
      refreshAfterEdit(article.issueId)
      showToast(t('edSaved'))
    })
  const onExport = (): Promise<void> =>
    run(async () => {
      const out = await correctionsApi.exportCorrections()
      downloadText(out.fileName, out.json, 'application/json')
      showToast(t('edExported', { n: number(out.entries) }))
    })
  return (
    <section className="edit-panel" data-testid="edit-panel" aria-labelledby={`edit-${article.id}`}>
      <header>
        <h4 id={`edit-${article.id}`}>{t('edTitle')}</h4>
        <button type="button" onClick={closeEditor} data-testid="edit-close">
          {t('edClose')}
        </button>
      </header>
      <p className="muted" data-testid="edit-target" data-target={target.target}>
        {t(target.target === 'overlay' ? 'edToOverlay' : 'edToLibrary')}
      </p>
      {target.overlay?.problem && (
        <p className="edit-problem" role="alert" data-testid="edit-overlay-problem">
          {target.overlay.problem}
        </p>
      )}
      {target.target === 'overlay' && (
        <p className="muted">
          {t('edOverlayCount', { n: number(target.overlay?.entries ?? 0) })}{' '}
          <button type="button" onClick={onExport} data-testid="edit-export" disabled={busy}>
            {t('edExport')}
          </button>
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void onPreview()
        }}
        onChange={() => setPreview(undefined)}
      >
        <EditFields
          form={form}
          setForm={setForm}
          article={article}
          last={last}
          issue={issue}
          kinds={EDIT_MODE_KINDS}
        />
        <div className="edit-actions">
          <button
            type="submit"
            disabled={
              busy || (form.kind === 'merge' && last) || (form.kind === 'link' && !form.linkTarget)
            }
            data-testid="edit-preview-button"
          >
            {t('edPreview')}
          </button>
        </div>
      </form>
      {error && (
        <p className="edit-problem" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      {preview && (
        <div className="edit-preview" data-testid="edit-preview">
          <EditPreviewView preview={preview} article={article} />
          <div className="edit-actions">
            <button type="button" onClick={onApply} disabled={busy} data-testid="edit-apply">
              {t('edApply')}
            </button>
            <button type="button" onClick={() => setPreview(undefined)} data-testid="edit-discard">
              {t('edDiscard')}
            </button>
          </div>
        </div>
      )}
      <EditHistory
        article={article}
        onUndo={(id) =>
          run(async () => {
            await correctionsApi.removeCorrection(article.issueId, id)
            refreshAfterEdit(article.issueId)
            showToast(t('edUndone'))
          })
        }
        busy={busy}
      />
    </section>
  )
}
