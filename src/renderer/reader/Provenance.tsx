// Where this text comes from: the source file and its encoding, the page and date notes.
import type { Article, DateSource, IssueView, PageView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import type { MessageKey } from '../app/messages'
import { noteFitsLanguage } from './note-language'

/** How the reader says where the issue's date comes from. */
const DATE_SOURCE_MESSAGE: Record<DateSource, MessageKey> = {
  printed: 'datePrinted',
  inferred: 'dateInferred',
  given: 'dateGiven',
  manifest: 'dateManifest',
  sidecar: 'dateSidecar',
  'file-name': 'dateFileName',
}

interface Props {
  issue: IssueView
  page: PageView
  article: Article | undefined
}

export function Provenance({ issue, page, article }: Props) {
  const { t, date, lang } = useI18n()
  const dateNote = issue.dateNote && noteFitsLanguage(issue.dateNote, lang) ? issue.dateNote : ''
  const pageNote = page.note && noteFitsLanguage(page.note, lang) ? page.note : ''
  return (
    <details className="provenance" data-testid="provenance">
      <summary>
        {t('provenance')}: <code data-testid="provenance-source">{page.source}</code>
      </summary>
      <dl>
        <dt>{t('provIssue')}</dt>
        <dd>
          <code>{issue.id}</code>
        </dd>
        <dt>{t('provDate')}</dt>
        <dd data-testid="provenance-date">
          {date(issue.date)} — {t(DATE_SOURCE_MESSAGE[issue.dateSource])}
          {dateNote && (
            <p className="note" data-testid="provenance-date-note">
              {dateNote}
            </p>
          )}
        </dd>
        <dt>{t('provSource')}</dt>
        <dd>
          <code>{page.source}</code> ({page.encoding})
        </dd>
        {pageNote && (
          <>
            <dt>{t('provPageNote')}</dt>
            <dd className="note" data-testid="provenance-page-note">
              {pageNote}
            </dd>
          </>
        )}
        {article && (
          <>
            <dt>{t('provArticle')}</dt>
            <dd>
              <code>{article.id}</code>{' '}
              <span className="muted">
                {t('provRange', { start: article.sourceRange[0], end: article.sourceRange[1] })}
              </span>
            </dd>
          </>
        )}
      </dl>
    </details>
  )
}
