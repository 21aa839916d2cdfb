// An article's corrections, newest last: what each did, when, the note, the text as printed;
// in the edit mode each can be taken back.
import type { Article, ArticleCorrection } from '../../shared/types'
import { useI18n } from '../app/i18n'

type T = ReturnType<typeof useI18n>['t']

const FIELD_LABEL = {
  kicker: 'edKicker',
  headline: 'edHeadline',
  subheadline: 'edSubheadline',
  byline: 'edByline',
} as const

function detail(c: ArticleCorrection, t: T): string {
  if (c.kind === 'fix-text') return `${c.original ?? ''} → ${c.replacement ?? ''}`
  if (c.kind === 'retitle')
    return Object.entries(c.fields ?? {})
      .map(([k, v]) => `${t(FIELD_LABEL[k as keyof typeof FIELD_LABEL])}: ${v || '—'}`)
      .join('; ')
  if (c.kind === 'retype' && c.type) return t(`blockType_${c.type}`)
  return ''
}

interface Props {
  article: Article
  /** Present in the edit mode: takes back the correction with this id. */
  onUndo?: (id: string) => void
  busy?: boolean
}

export function EditHistory({ article, onUndo, busy }: Props) {
  const { t } = useI18n()
  const list = article.corrections ?? []
  if (!list.length) return null
  return (
    <div className="edit-history" data-testid="edit-history">
      <h5>{t('edHistory')}</h5>
      <ol>
        {list.map((c) => (
          <li key={c.id} data-testid="edit-history-entry" data-kind={c.kind}>
            <strong>{t(`edKind_${c.kind}`)}</strong>
            {detail(c, t) && (
              <span lang="zh-CN" className="edit-history-detail">
                {' '}
                {c.kind === 'fix-text' ? `${t('asPrinted')}: ` : ''}
                {detail(c, t)}
              </span>
            )}
            {c.created && <time dateTime={c.created}> · {c.created.slice(0, 10)}</time>}
            {c.note && <span className="muted"> · {c.note}</span>}
            {onUndo && (
              <button
                type="button"
                disabled={busy}
                onClick={() => onUndo(c.id)}
                data-testid="edit-undo"
              >
                {t('edUndo')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
