// Says so when saved bookmarks or settings could not be read and were reset.
import { useI18n } from './i18n'
import type { MessageKey } from './messages'
import { dismissProblems, useStoreProblems } from '../ui/persisted'

/** What each store holds, so the notice says what was lost, not only its key. */
const STORE_NAMES: Record<string, MessageKey> = {
  'archive-reader.bookmarks': 'storeBookmarks',
  'archive-reader.reading': 'storeReading',
  'archive-reader.settings': 'storeSettings',
}

export function StoreNotice() {
  const { t } = useI18n()
  const problems = useStoreProblems()
  if (problems.length === 0) return null
  return (
    <div className="store-notice" role="alert" data-testid="store-notice">
      {problems.map((p) => (
        <p key={p.store}>
          {t('storeReset', {
            store: STORE_NAMES[p.store]
              ? `${t(STORE_NAMES[p.store] as MessageKey)}: ${p.store}`
              : p.store,
            backup: p.backupKey,
          })}{' '}
          <span className="muted">({p.detail})</span>
        </p>
      ))}
      <button type="button" className="small" onClick={dismissProblems}>
        {t('dismiss')}
      </button>
    </div>
  )
}
