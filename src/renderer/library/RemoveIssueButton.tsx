// Removes an issue the librarian imported, after an inline confirmation (no blocking window
// dialog). Panes that showed it are closed; the library and searches load again.
import { useState } from 'react'
import { refreshAfterChange } from '../app/data'
import { failureText } from '../app/error-text'
import { useI18n } from '../app/i18n'
import { importApi } from '../import/import-api'
import { getRoute, navigate } from '../app/route-store'
import { showToast } from '../ui/toast'

export function RemoveIssueButton({ issueId, what }: { issueId: string; what: string }) {
  const i18n = useI18n()
  const { t } = i18n
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  if (!importApi) return null
  const api = importApi

  const remove = async (): Promise<void> => {
    setBusy(true)
    try {
      await api.removeIssue(issueId)
      const route = getRoute()
      const panes = route.panes.filter((p) => p.ref.issueId !== issueId)
      if (panes.length !== route.panes.length) navigate({ ...route, panes, active: 0 })
      refreshAfterChange([issueId])
      showToast(t('removed', { what }))
    } catch (e) {
      showToast(failureText(e, i18n, 'removeFailed'), undefined, 'error')
      setBusy(false)
      setAsking(false)
    }
  }

  if (!asking)
    return (
      <button
        type="button"
        className="small"
        data-testid="remove-issue"
        aria-label={t('removeIssueLabel', { what })}
        onClick={() => setAsking(true)}
      >
        {t('removeIssue')}
      </button>
    )
  return (
    <div className="remove-confirm" role="group" data-testid="remove-confirm">
      <span role="alert">{t('removeConfirm', { what })}</span>
      <button
        type="button"
        className="small danger"
        data-testid="remove-yes"
        disabled={busy}
        onClick={remove}
      >
        {t('removeYes')}
      </button>
      <button
        type="button"
        className="small"
        data-testid="remove-no"
        disabled={busy}
        // Focus lands on the safe choice.
        autoFocus
        onClick={() => setAsking(false)}
      >
        {t('removeNo')}
      </button>
    </div>
  )
}
