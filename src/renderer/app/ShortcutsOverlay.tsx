// The keyboard map as a dialog (?), generated from the same table the key handler uses.
import { useEffect, useRef } from 'react'
import { useI18n } from './i18n'
import { KEYMAP } from './keymap'

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    close.current?.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      previous?.focus()
    }
  }, [onClose])
  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="dialog-head">
          <h2 id="shortcuts-title">{t('shortcuts')}</h2>
          <button type="button" ref={close} data-testid="shortcuts-close" onClick={onClose}>
            {t('close')}
          </button>
        </div>
        <ul className="key-list">
          {KEYMAP.filter((b) => b.label).map((b) => (
            <li key={b.command}>
              <kbd>{b.label}</kbd>
              <span>{t(b.help)}</span>
            </li>
          ))}
          <li>
            <kbd>Esc</kbd>
            <span>{t('keyEscape')}</span>
          </li>
        </ul>
      </div>
    </div>
  )
}
