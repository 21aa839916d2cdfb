// The advanced search form: a dialog opened from the search box. Each field is one part of the
// query syntax (query-compose.ts), and the query it makes is shown as it is typed, so the form
// teaches what can be typed into the box directly. The dates are the search's date filter.
import { useId, useRef, useState } from 'react'
import { BLOCK_TYPES } from '../../shared/types'
import type { BlockType } from '../../shared/types'
import { recordSearch } from '../bookmarks/bookmarks'
import { useIssues } from '../app/data'
import { useI18n } from '../app/i18n'
import type { MessageKey } from '../app/messages'
import { formatRoute } from '../app/route'
import { getRoute, navigate } from '../app/route-store'
import { groupByPaper } from '../library/papers'
import { Dialog } from '../ui/Dialog'
import { DateField } from './DateField'
import { composeQuery, EMPTY_FIELDS, readQuery } from './query-compose'
import type { QueryFields } from './query-compose'
import { withSearch } from './search-route'

type TextField = 'all' | 'phrase' | 'any' | 'none' | 'headline' | 'byline'

const TEXT_FIELDS: readonly { key: TextField; label: MessageKey; hint?: MessageKey }[] = [
  { key: 'all', label: 'advAll', hint: 'advAllHint' },
  { key: 'phrase', label: 'advPhrase' },
  { key: 'any', label: 'advAny', hint: 'advAnyHint' },
  { key: 'none', label: 'advNone' },
  { key: 'headline', label: 'advHeadline' },
  { key: 'byline', label: 'advByline' },
] as const

export function AdvancedSearch({ onClose }: { onClose: () => void }) {
  const { t, paper, date } = useI18n()
  const id = useId()
  const first = useRef<HTMLInputElement>(null)
  const start = getRoute().search
  const [read] = useState(() => readQuery(start.q))
  const [fields, setFields] = useState<QueryFields>(read.fields)
  const [dateFrom, setDateFrom] = useState(start.dateFrom)
  const [dateTo, setDateTo] = useState(start.dateTo)
  const { entry } = useIssues()
  const papers = groupByPaper(entry?.status === 'ok' ? entry.data : [])
  const q = composeQuery(fields)
  const set = (key: keyof QueryFields, value: string): void =>
    setFields((f) => ({ ...f, [key]: value }))

  const submit = (): void => {
    if (!q) return
    const current = getRoute()
    navigate(withSearch(current, { q, dateFrom, dateTo }))
    recordSearch(q, formatRoute(getRoute()))
    onClose()
  }

  return (
    // The advanced search dialog.
    <Dialog
      labelledBy={`${id}-title`}
      onClose={onClose}
      initialFocus={first}
      className="advanced-search"
      data-testid="advanced-search"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="dialog-head">
          <h2 id={`${id}-title`}>{t('advTitle')}</h2>
          <button type="button" data-testid="adv-close" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        <p className="adv-intro">{t('advIntro')}</p>
        {!read.exact && (
          <p className="adv-inexact" data-testid="adv-inexact">
            {t('advInexact')}
          </p>
        )}
        <div className="adv-grid">
          {TEXT_FIELDS.map(({ key, label, hint }, i) => (
            <div className="adv-row" key={key}>
              <label htmlFor={`${id}-${key}`}>{t(label)}</label>
              {/* A text field of the form: all / phrase / any / none words, headline, byline. */}
              <input
                id={`${id}-${key}`}
                ref={i === 0 ? first : undefined}
                data-testid={`adv-${key}`}
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={fields[key]}
                aria-describedby={hint ? `${id}-${key}-hint` : undefined}
                onChange={(e) => set(key, e.target.value)}
              />
              {hint && (
                <span className="adv-hint" id={`${id}-${key}-hint`}>
                  {t(hint)}
                </span>
              )}
            </div>
          ))}
          <div className="adv-row">
            <label htmlFor={`${id}-paper`}>{t('advPaper')}</label>
            {/* The paper: written into the query as paper:SLUG. */}
            <select
              id={`${id}-paper`}
              data-testid="adv-paper"
              value={fields.paper}
              onChange={(e) => set('paper', e.target.value)}
            >
              <option value="">{t('advAnyPaper')}</option>
              {papers.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {paper({ paperName: p.name, paperNameEn: p.nameEn })}
                </option>
              ))}
              {/* A paper typed into the query that this archive does not have stays selectable. */}
              {fields.paper && !papers.some((p) => p.slug === fields.paper) && (
                <option value={fields.paper}>{fields.paper}</option>
              )}
            </select>
          </div>
          <div className="adv-row">
            <label htmlFor={`${id}-type`}>{t('advType')}</label>
            {/* The kind of item: written into the query as type:KIND. */}
            <select
              id={`${id}-type`}
              data-testid="adv-type"
              value={fields.type}
              onChange={(e) => set('type', e.target.value as BlockType | '')}
            >
              <option value="">{t('advAnyType')}</option>
              {BLOCK_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`blockType_${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="adv-row" role="group" aria-labelledby={`${id}-dates`}>
            <span className="adv-label" id={`${id}-dates`}>
              {t('advDates')}
            </span>
            <span className="adv-dates">
              {/* The start of the date filter (not part of the query). */}
              <DateField
                testId="adv-date-from"
                edge="start"
                label={t('dateFrom')}
                value={dateFrom}
                onChange={setDateFrom}
              />
              <span aria-hidden="true">–</span>
              {/* The end of the date filter (not part of the query). */}
              <DateField
                testId="adv-date-to"
                edge="end"
                label={t('dateTo')}
                value={dateTo}
                onChange={setDateTo}
              />
            </span>
          </div>
        </div>
        <div className="adv-preview">
          <label htmlFor={`${id}-query`}>{t('advQuery')}</label>
          {/* The query the fields make, in the syntax of the search box. */}
          <output id={`${id}-query`} data-testid="adv-query" aria-live="off">
            {q ? <code>{q}</code> : <span className="adv-hint">{t('advQueryEmpty')}</span>}
          </output>
          {(dateFrom || dateTo) && (
            <span className="adv-hint" data-testid="adv-date-note">
              {dateFrom && dateTo
                ? t('advDateNote', { from: date(dateFrom), to: date(dateTo) })
                : dateFrom
                  ? t('advDateSince', { from: date(dateFrom) })
                  : t('advDateUntil', { to: date(dateTo as string) })}
            </span>
          )}
        </div>
        <div className="adv-actions">
          <button
            type="button"
            data-testid="adv-reset"
            onClick={() => {
              setFields(EMPTY_FIELDS)
              setDateFrom(undefined)
              setDateTo(undefined)
            }}
          >
            {t('advReset')}
          </button>
          <button type="button" data-testid="adv-cancel" onClick={onClose}>
            {t('advCancel')}
          </button>
          <button type="submit" className="primary" data-testid="adv-submit" disabled={!q}>
            {t('advSearch')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
