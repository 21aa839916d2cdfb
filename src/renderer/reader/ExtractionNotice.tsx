// Under every article: the text was extracted by machine and may contain errors; an article a
// librarian corrected (the archive's corrections.json) says so, and its text fixes show the
// text as printed on request.
import type { Article } from '../../shared/types'
import { useI18n } from '../app/i18n'

export function ExtractionNotice({ article }: { article: Article }) {
  const { t } = useI18n()
  const fixes = (article.corrections ?? []).filter((c) => c.kind === 'fix-text')
  return (
    <footer className="extraction-notice muted" data-testid="extraction-notice">
      <p>{t('machineExtracted')}</p>
      {article.corrections && (
        <details data-testid="article-corrected">
          <summary>{t('corrected')}</summary>
          <ul lang="zh-CN">
            {fixes.map((c) => (
              <li key={c.id}>
                {t('asPrinted')}: {c.original} → {c.replacement}
              </li>
            ))}
            {fixes.length < article.corrections.length && <li>{t('correctedStructure')}</li>}
          </ul>
        </details>
      )}
    </footer>
  )
}
