// What a correction would make, before it is saved: a text fix as a diff with its context,
// a split or merge as the page's articles, new titles, a new type, a link or unlink as the
// pages the article then continues on.
import type { EditPreview } from '../../shared/corrections-contract'
import type { Article } from '../../shared/types'
import { useI18n } from '../app/i18n'

export function EditPreviewView({ preview, article }: { preview: EditPreview; article: Article }) {
  const { t } = useI18n()
  const { entry, fix, articles } = preview
  if (fix)
    return (
      <p className="edit-diff" lang="zh-CN" data-testid="edit-diff">
        …{fix.before}
        <del data-testid="edit-diff-old">{fix.original}</del>
        <ins data-testid="edit-diff-new">{fix.replacement}</ins>
        {fix.after}…
      </p>
    )
  if (entry.kind === 'retype')
    return (
      <p data-testid="edit-preview-type">
        {t('edPreviewType', { type: t(`blockType_${entry.type}`) })}
      </p>
    )
  const after = articles.find(
    (a) => a.sourceRange[0] <= article.sourceRange[0] && article.sourceRange[0] < a.sourceRange[1],
  )
  if (entry.kind === 'link' || entry.kind === 'unlink') {
    const pages = [
      ...new Set(
        (after?.continuations ?? [])
          .filter((l) => l.kind !== 'see' && l.targetArticleId)
          .map((l) => l.targetPage),
      ),
    ]
    return (
      <p data-testid="edit-preview-continuations">
        {pages.length
          ? t('edPreviewContinues', {
              pages: pages.map((page) => t('edPageN', { page })).join(' · '),
            })
          : t('edPreviewAlone')}
      </p>
    )
  }
  if (entry.kind === 'retitle') {
    return (
      <div>
        <p>{t('edPreviewTitle')}</p>
        <dl className="edit-titles" lang="zh-CN" data-testid="edit-preview-titles">
          {(['kicker', 'headline', 'subheadline', 'byline'] as const).map((f) =>
            after?.[f] ? (
              <div key={f}>
                <dt>{t(`ed${f[0]!.toUpperCase()}${f.slice(1)}` as 'edKicker')}</dt>
                <dd>{after[f]}</dd>
              </div>
            ) : null,
          )}
        </dl>
      </div>
    )
  }
  return (
    <div>
      <p>{t('edPreviewArticles')}</p>
      <ol className="edit-articles" lang="zh-CN" data-testid="edit-preview-articles">
        {articles.map((a) => (
          <li key={a.id} data-testid="edit-preview-article">
            {a.headline || t('untitled')}
          </li>
        ))}
      </ol>
    </div>
  )
}
