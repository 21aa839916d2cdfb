// One date of the search's date filter as a text field in the UI language's form (not the
// browser's picker, which shows mm/dd/yyyy in the Chinese UI too). What is typed is read
// strictly (date-input.ts) when the field is left or Enter is pressed; text that is not a date
// stays in the field, marked, with a message that says how to write it, and changes nothing.
import { useId, useState } from 'react'
import { useI18n } from '../app/i18n'
import { parseDateInput } from './date-input'
import type { DateEdge } from './date-input'

interface Props {
  value: string | undefined
  edge: DateEdge
  label: string
  testId: string
  onChange: (iso: string | undefined) => void
}

export function DateField({ value, edge, label, testId, onChange }: Props) {
  const { t, date, lang } = useI18n()
  const shown = value ? date(value) : ''
  const [text, setText] = useState(shown)
  const [invalid, setInvalid] = useState(false)
  const hintId = useId()
  // A new value from the route (a timeline click, back, a cleared filter) replaces the text.
  const [from, setFrom] = useState(shown)
  if (from !== shown) {
    setFrom(shown)
    setText(shown)
    setInvalid(false)
  }
  const commit = (): void => {
    const typed = text.trim()
    if (!typed) {
      setInvalid(false)
      if (value) onChange(undefined)
      return
    }
    const iso = parseDateInput(typed, lang, edge)
    if (!iso) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    if (iso === value) setText(shown)
    else onChange(iso)
  }
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="text"
        className="date-input"
        data-testid={testId}
        aria-label={label}
        aria-describedby={hintId}
        aria-invalid={invalid || undefined}
        placeholder={t('dateFieldPlaceholder')}
        title={t('dateFieldHint')}
        value={text}
        size={12}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          }
        }}
      />
      <span
        id={hintId}
        className={invalid ? 'date-error' : 'visually-hidden'}
        role={invalid ? 'alert' : undefined}
        data-testid={`${testId}-message`}
      >
        {invalid ? t('dateFieldInvalid', { text: text.trim() }) : t('dateFieldHint')}
      </span>
    </span>
  )
}
