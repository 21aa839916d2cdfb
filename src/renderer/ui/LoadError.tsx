// A failed load, said plainly, with a way to try again.
import { errorText } from '../app/error-text'
import { useI18n } from '../app/i18n'
import { forget } from './resource'

export function LoadError({ error, retryKey }: { error: Error; retryKey?: string }) {
  const { t, lang } = useI18n()
  return (
    <div className="load-error" role="alert" data-testid="load-error">
      <p>{errorText(error, lang)}</p>
      {retryKey && (
        <button type="button" onClick={() => forget(retryKey)}>
          {t('retry')}
        </button>
      )}
    </div>
  )
}
