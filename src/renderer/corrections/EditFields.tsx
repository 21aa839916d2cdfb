// The fields of one kind of correction (the edit mode's and the correction request's form).
import type { Dispatch, SetStateAction } from 'react'
import { BLOCK_TYPES } from '../../shared/types'
import type { EditKind } from '../../shared/corrections-contract'
import type { Article, BlockType, IssueView } from '../../shared/types'
import { useI18n } from '../app/i18n'
import { EDIT_KINDS, selectionIn } from './edit-form'
import { chosenKind } from './edit-state'
import type { EditForm } from './edit-form'

interface Props {
  form: EditForm
  setForm: Dispatch<SetStateAction<EditForm>>
  article: Article
  /** The article is the last of its page (nothing to merge with). */
  last: boolean
  /** The issue (a link's target is an article of another of its pages). */
  issue: IssueView
  /** The kinds offered (a correction request has no link: it is made from one page). */
  kinds?: readonly EditKind[]
}

export function EditFields({ form, setForm, article, last, issue, kinds = EDIT_KINDS }: Props) {
  const { t } = useI18n()
  const otherPages = issue.pages.filter((p) => p.number !== article.page)
  const set =
    (key: keyof EditForm) =>
    (e: { target: { value: string } }): void =>
      setForm((f) => ({ ...f, [key]: e.target.value }))
  const fromSelection = (key: 'before' | 'find'): void => {
    const root = document.querySelector(
      `[data-testid="article"][data-article-id="${CSS.escape(article.id)}"]`,
    )
    const text = selectionIn(root)
    if (text) setForm((f) => ({ ...f, [key]: text }))
  }
  const occurrence = (
    <label>
      {t('edOccurrence')}
      <input
        type="number"
        min={1}
        inputMode="numeric"
        value={form.occurrence}
        onChange={set('occurrence')}
        data-testid="edit-occurrence"
      />
    </label>
  )
  return (
    <>
      <fieldset className="edit-kinds">
        <legend>{t('edKind')}</legend>
        {kinds.map((kind) => (
          <label key={kind} className={form.kind === kind ? 'chosen' : undefined}>
            <input
              type="radio"
              name={`edit-kind-${article.id}`}
              value={kind}
              checked={form.kind === kind}
              onChange={() => {
                chosenKind.set(kind)
                setForm((f) => ({ ...f, kind }))
              }}
              data-testid={`edit-kind-${kind}`}
            />
            {t(`ed_${kind}`)}
          </label>
        ))}
      </fieldset>
      <div className="edit-fields" lang="zh-CN">
        {form.kind === 'split' && (
          <>
            <p className="muted">{t('edSplitHint')}</p>
            <label>
              {t('edSplitBefore')}
              <input value={form.before} onChange={set('before')} data-testid="edit-split-before" />
            </label>
            <button
              type="button"
              onClick={() => fromSelection('before')}
              data-testid="edit-use-selection"
            >
              {t('edUseSelection')}
            </button>
            {occurrence}
          </>
        )}
        {form.kind === 'merge' && (
          <p className="muted">{t(last ? 'edMergeLast' : 'edMergeHint')}</p>
        )}
        {form.kind === 'retitle' &&
          (['kicker', 'headline', 'subheadline', 'byline'] as const).map((f) => (
            <label key={f}>
              {t(`ed${f[0]!.toUpperCase()}${f.slice(1)}` as 'edKicker')}
              <input value={form[f]} onChange={set(f)} data-testid={`edit-title-${f}`} />
            </label>
          ))}
        {form.kind === 'retype' && (
          <label>
            {t('edType')}
            <select
              value={form.type}
              onChange={(e) => setForm((f) => ({ ...f, type: e.target.value as BlockType }))}
              data-testid="edit-type"
            >
              {BLOCK_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`blockType_${type}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {form.kind === 'link' && (
          <>
            <p className="muted">{t('edLinkHint')}</p>
            <label>
              {t('edLinkTarget')}
              {/* link: the article on another page of the issue that continues this one */}
              <select
                value={form.linkTarget}
                onChange={set('linkTarget')}
                data-testid="edit-link-target"
              >
                <option value="">{t('edLinkChoose')}</option>
                {otherPages.map((p) => (
                  <optgroup key={p.number} label={t('edPageN', { page: p.number })}>
                    {p.articles.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.headline}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          </>
        )}
        {form.kind === 'unlink' && (
          <>
            <p className="muted">{t('edUnlinkHint')}</p>
            <label>
              {t('edUnlinkPage')}
              {/* unlink: which page's continuation to take apart ('' = every one) */}
              <select
                value={form.unlinkPage}
                onChange={set('unlinkPage')}
                data-testid="edit-unlink-page"
              >
                <option value="">{t('edUnlinkAll')}</option>
                {otherPages.map((p) => (
                  <option key={p.number} value={String(p.number)}>
                    {t('edPageN', { page: p.number })}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {form.kind === 'fix-text' && (
          <>
            <label>
              {t('edFind')}
              <input value={form.find} onChange={set('find')} data-testid="edit-fix-find" />
            </label>
            <button
              type="button"
              onClick={() => fromSelection('find')}
              data-testid="edit-use-selection"
            >
              {t('edUseSelection')}
            </button>
            <label>
              {t('edReplace')}
              <input
                value={form.replace}
                onChange={set('replace')}
                data-testid="edit-fix-replace"
              />
            </label>
            {occurrence}
          </>
        )}
        <label>
          {t('edNote')}
          <input value={form.note} onChange={set('note')} data-testid="edit-note" />
        </label>
      </div>
    </>
  )
}
