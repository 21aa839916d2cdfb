// The transient status line ("Link copied …").
import { dismissToast, useToast } from './toast'
import { useI18n } from '../app/i18n'

export function ToastView() {
  const { t } = useI18n()
  const toast = useToast()
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`toast ${toast.tone}`} data-testid="toast">
          <p>{toast.message}</p>
          {toast.detail && <pre data-testid="toast-detail">{toast.detail}</pre>}
          <button type="button" className="small" aria-label={t('dismiss')} onClick={dismissToast}>
            ✕
          </button>
        </div>
      )}
    </div>
  )
}
