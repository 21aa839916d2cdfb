// A failed load, said plainly, with a way to try again.
import { useI18n } from '../app/i18n'
import { forget } from './resource'

export function LoadError({ error, retryKey }: { error: Error; retryKey?: string }) {
  const { t } = useI18n()
  return (
    <div className="load-error" role="alert" data-testid="load-error">
      <p>{error.message}</p>
      {retryKey && (
        <button type="button" onClick={() => forget(retryKey)}>
          {t('retry')}
        </button>
      )}
    </div>
  )
}
