// The review's way forward: check again after an edit, confirm metadata read from the text,
// import. Import is offered only for a report without errors, checked with the fields as shown.
import type { ImportReport } from '../../shared/archive/import-report'
import { useI18n } from '../app/i18n'

interface Props {
  report: ImportReport
  dirty: boolean
  valid: boolean
  confirmed: boolean
  onConfirm: (confirmed: boolean) => void
  onCheck: () => void
  onPickOther: () => void
  onStart: () => void
}

export function ImportReviewFooter(p: Props) {
  const { t, number } = useI18n()
  const { report } = p
  const needs = report.needsConfirmation
  const canStart = report.ok && !p.dirty && (!needs || p.confirmed)
  return (
    <div className="import-footer" data-testid="import-footer">
      {p.dirty && (
        <p className="import-hint" data-testid="import-edited">
          {t('impEdited')}
        </p>
      )}
      {needs && report.ok && !p.dirty && (
        <>
          <p className="import-hint">{t('impNeedsConfirm')}</p>
          <label className="import-confirm">
            <input
              type="checkbox"
              data-testid="import-confirm"
              checked={p.confirmed}
              onChange={(e) => p.onConfirm(e.currentTarget.checked)}
            />{' '}
            {t('impConfirm')}
          </label>
        </>
      )}
      <div className="import-actions">
        <button type="button" data-testid="import-pick-other" onClick={p.onPickOther}>
          {t('impPickOther')}
        </button>
        <button
          type="button"
          data-testid="import-check"
          title={t('impCheckAgainHint')}
          disabled={!p.valid}
          onClick={p.onCheck}
        >
          {t('impCheckAgain')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="import-start"
          disabled={!canStart}
          onClick={p.onStart}
        >
          {t('impStart', { pages: number(report.summary.pages) })}
        </button>
      </div>
    </div>
  )
}
