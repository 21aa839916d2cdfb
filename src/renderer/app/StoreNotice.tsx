// Says so when saved bookmarks or settings could not be read and were reset.
import { useI18n } from './i18n'
import { dismissProblems, useStoreProblems } from '../ui/persisted'

export function StoreNotice() {
  const { t } = useI18n()
  const problems = useStoreProblems()
  if (problems.length === 0) return null
  return (
    <div className="store-notice" role="alert" data-testid="store-notice">
      {problems.map((p) => (
        <p key={p.store}>
          {t('storeReset', { store: p.store, backup: p.backupKey })}{' '}
          <span className="muted">({p.detail})</span>
        </p>
      ))}
      <button type="button" className="small" onClick={dismissProblems}>
        {t('dismiss')}
      </button>
    </div>
  )
}
