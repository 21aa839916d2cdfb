// Under every article: the text was extracted by machine and may contain errors, with "suggest
// a correction" — the edit mode where the app can edit this archive, else a copyable
// correction request. An article a librarian corrected says so, with its history, and its text
// fixes show the text as printed on request.
import type { Article } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { EditHistory } from '../corrections/EditHistory'
import { openEditor, useEditTarget } from '../corrections/edit-state'

export function ExtractionNotice({ article }: { article: Article }) {
  const { t } = useI18n()
  const { entry } = useEditTarget(article.issueId)
  const editable = entry?.status === 'ok' && entry.data.editable
  return (
    <footer className="extraction-notice muted" data-testid="extraction-notice">
      <p>
        {t('machineExtracted')}{' '}
        <button
          type="button"
          className="link-button"
          data-testid="suggest-correction"
          onClick={() => openEditor(article.id, editable ? 'edit' : 'request')}
        >
          {t('edSuggest')}
        </button>
      </p>
      {article.corrections && (
        <details data-testid="article-corrected">
          <summary>{t('corrected')}</summary>
          <EditHistory article={article} />
        </details>
      )}
    </footer>
  )
}
