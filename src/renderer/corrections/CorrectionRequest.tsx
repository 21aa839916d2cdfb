// Where the app cannot edit (the read-only reading room): the same form makes a correction
// request instead — the entry as corrections.json holds it (anchored in the page text, made
// here from the page's source with the same code the CLI uses) and a sentence saying it in
// words — for the reader to copy and send to the librarians.
import { useMemo, useState } from 'react'
import { CORRECTIONS_FORMAT, CORRECTIONS_VERSION } from '../../shared/archive/corrections'
import { entryForRequest } from '../../shared/archive/corrections-request'
import type { Article, IssueView } from '../../shared/types'
import { usePageSource } from '../app/data'
import { useI18n } from '../app/i18n'
import { copyText } from '../ui/browser'
import { showToast } from '../ui/toast'
import { EditFields } from './EditFields'
import { initialForm, requestOf, sentenceVars } from './edit-form'
import { chosenKind, closeEditor } from './edit-state'

interface Made {
  json: string
  sentence: string
}

export function CorrectionRequest({ issue, article }: { issue: IssueView; article: Article }) {
  const { t, date, lang } = useI18n()
  const [form, setForm] = useState(() => initialForm(article, chosenKind.get()))
  const [made, setMade] = useState<Made | undefined>()
  const [error, setError] = useState<string | undefined>()
  const { entry: source } = usePageSource(article.issueId, article.page, true)
  const page = issue.pages.find((p) => p.number === article.page)
  const last = !page || page.articles[page.articles.length - 1]?.id === article.id
  const where = useMemo(
    () =>
      t('edWhere', {
        paper: lang === 'en' && issue.paperNameEn ? issue.paperNameEn : issue.paperName,
        date: date(issue.date),
        page: article.page,
        n: article.index,
        headline: article.headline,
      }),
    [t, lang, date, issue, article],
  )
  const make = (): void => {
    setError(undefined)
    setMade(undefined)
    if (source?.status !== 'ok' || !page) return
    try {
      const request = requestOf(form, article)
      const entry = entryForRequest(
        { issue: issue.id, page: article.page, text: source.data.text, articles: page.articles },
        request,
      )
      const file = { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, entries: [entry] }
      setMade({
        json: JSON.stringify(file, null, 2),
        sentence: t(`edSentence_${request.kind}`, {
          where,
          ...sentenceVars(entry, request, article),
        }),
      })
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const text = made ? `${made.sentence}\n\n${made.json}\n` : ''
  return (
    <section
      className="edit-panel"
      data-testid="correction-request"
      aria-labelledby={`req-${article.id}`}
    >
      <header>
        <h4 id={`req-${article.id}`}>{t('edRequestTitle')}</h4>
        <button type="button" onClick={closeEditor} data-testid="edit-close">
          {t('edClose')}
        </button>
      </header>
      <p className="muted">{t('edRequestIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          make()
        }}
        onChange={() => setMade(undefined)}
      >
        <EditFields form={form} setForm={setForm} article={article} last={last} issue={issue} />
        <div className="edit-actions">
          <button type="submit" disabled={source?.status !== 'ok'} data-testid="request-make">
            {t('edMakeRequest')}
          </button>
        </div>
      </form>
      {error && (
        <p className="edit-problem" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
      {made && (
        <div className="edit-preview">
          <p lang={lang} data-testid="request-sentence">
            {made.sentence}
          </p>
          <label>
            {t('edRequestJson')}
            <textarea readOnly rows={10} value={made.json} data-testid="request-json" />
          </label>
          <button
            type="button"
            data-testid="request-copy"
            onClick={() => void copyText(text).then((ok) => ok && showToast(t('edCopied')))}
          >
            {t('edCopy')}
          </button>
        </div>
      )}
    </section>
  )
}
