// The keyboard map as a dialog (?), generated from the same table the key handler uses.
import { useRef } from 'react'
import { Dialog } from '../ui/Dialog'
import { useI18n } from './i18n'
import { KEYMAP } from './keymap'

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useI18n()
  const close = useRef<HTMLButtonElement>(null)
  return (
    <Dialog
      labelledBy="shortcuts-title"
      onClose={onClose}
      initialFocus={close}
      data-testid="shortcuts-overlay"
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
    </Dialog>
  )
}
