// Quick open (Ctrl/⌘+K): a dialog with one field. Typed text — a paper, a date in any usual form,
// part of a headline or a byline — is asked of the archive's `quickOpen` (debounced; an answer
// to older text is dropped), the arrows choose among the places it offers (an ARIA combobox, the
// first one active), and Enter goes there through the route model (quick-open-route.ts).
import { useEffect, useId, useReducer, useRef, useState } from 'react'
import type { QuickOpenItem, QuickOpenResponse } from '../../shared/types'
import { api } from '../app/api'
import { failureText } from '../app/error-text'
import { useI18n } from '../app/i18n'
import { modifiedCommandForKey } from '../app/keymap'
import { getRoute, navigate } from '../app/route-store'
import { Dialog } from '../ui/Dialog'
import { CLOSED, keyAction, listReducer } from './listbox'
import { readDateText, routeForItem } from './quick-open-route'

export const QUICK_OPEN_DEBOUNCE_MS = 80
const LIMIT = 10

export function QuickOpen({ onClose }: { onClose: () => void }) {
  const i18n = useI18n()
  const { t, number, lang } = i18n
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [answer, setAnswer] = useState<QuickOpenResponse | undefined>(undefined)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [list, dispatch] = useReducer(listReducer, CLOSED)
  const seq = useRef(0)
  /** The text the items on screen answer; Enter before the answer to newer text waits for it. */
  const answered = useRef('')
  const enterWanted = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const go = (item: QuickOpenItem | undefined): void => {
    if (!item) return
    navigate(routeForItem(item, getRoute()))
    onClose()
  }

  const ask = (value: string): void => {
    clearTimeout(timer.current)
    const n = ++seq.current
    if (!value.trim()) {
      enterWanted.current = false
      answered.current = value
      setAnswer(undefined)
      dispatch({ type: 'items', count: 0 })
      return
    }
    timer.current = setTimeout(() => {
      api.quickOpen(value, LIMIT).then(
        (r) => {
          if (n !== seq.current) return
          setFailure(undefined)
          answered.current = value
          setAnswer(r)
          // The best place is active at once: typing and Enter goes there.
          dispatch({ type: 'items', count: r.items.length, activeFirst: true })
          if (enterWanted.current) {
            enterWanted.current = false
            go(r.items[0])
          }
        },
        (e: unknown) => {
          if (n !== seq.current) return
          setFailure(failureText(e, i18n, 'qoFailed'))
        },
      )
    }, QUICK_OPEN_DEBOUNCE_MS)
  }

  const items = answer?.items ?? []
  const optionId = (i: number): string => `${id}-option-${i}`
  const showList = list.open && items.length > 0
  return (
    // The quick open dialog.
    <Dialog
      labelledBy={`${id}-title`}
      onClose={onClose}
      initialFocus={input}
      className="quick-open"
      data-testid="quick-open"
    >
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('qoTitle')}
      </h2>
      <label htmlFor={`${id}-input`} className="qo-label">
        {t('qoLabel')}
      </label>
      {/* What to go to: a paper, a date, part of a headline or a byline. */}
      <input
        id={`${id}-input`}
        ref={input}
        data-testid="quick-open-input"
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && list.active >= 0 ? optionId(list.active) : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('qoPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          if (!(e.nativeEvent as InputEvent).isComposing) ask(e.target.value)
        }}
        onCompositionEnd={(e) => ask(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return
          const value = e.currentTarget.value
          // Ctrl/⌘+K again keeps quick open (and not the browser's own search field).
          if (modifiedCommandForKey(e) === 'quick-open') {
            e.preventDefault()
            return
          }
          if (e.key === 'Enter') {
            e.preventDefault()
            // Typed faster than the answer came: go to the best place for what is typed now,
            // never to one offered for the text before it.
            if (value.trim() && answered.current !== value) enterWanted.current = true
            else go(items[list.active])
            return
          }
          // Escape is the dialog's: it closes quick open.
          if (e.key === 'Escape') return
          const action = keyAction(e.key, list, { alt: e.altKey })
          if (action) {
            e.preventDefault()
            dispatch(action)
          }
        }}
      />
      <p className="qo-hint" id={`${id}-hint`}>
        {t('qoHint')}
        {answer?.date && (
          <span data-testid="quick-open-date">
            {' · '}
            {t('qoDateRead', { date: readDateText(answer.date, lang) })}
          </span>
        )}
      </p>
      <ul
        id={`${id}-list`}
        className="qo-list"
        role="listbox"
        aria-label={t('qoTitle')}
        data-testid="quick-open-list"
        hidden={!showList}
      >
        {items.map((item, i) => (
          // One place to go: its kind, its label and a line of detail.
          <li
            key={`${item.kind}:${item.label}:${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === list.active}
            className={i === list.active ? 'qo-item active' : 'qo-item'}
            data-testid="quick-open-item"
            data-kind={item.kind}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => {
              if (i !== list.active) dispatch({ type: 'hover', index: i })
            }}
            onClick={() => go(item)}
          >
            <span className={`qo-kind kind-${item.kind}`}>{t(`qoKind_${item.kind}`)}</span>
            <span className="qo-main">
              <span className="qo-item-label">
                {item.kind === 'search' ? t('qoSearchFor', { q: item.q }) : item.label}
              </span>
              {item.kind === 'search' ? (
                <span className="qo-detail">
                  {t('sugCount', { n: number(item.total), count: item.total })}
                </span>
              ) : (
                item.detail && (
                  <span className="qo-detail">
                    {item.detail}
                    {item.kind === 'article' && item.byline && (
                      <>
                        {' · '}
                        {/* An article's byline as printed (记者 刘静): whose piece it is. */}
                        <span className="qo-byline" data-testid="quick-open-byline">
                          {item.byline}
                        </span>
                      </>
                    )}
                  </span>
                )
              )}
            </span>
            {item.match === 'fuzzy' && <span className="qo-fuzzy">{t('qoFuzzy')}</span>}
          </li>
        ))}
      </ul>
      {answer && items.length === 0 && text.trim() && (
        <p className="qo-empty" data-testid="quick-open-empty">
          {t('qoEmpty', { text: answer.text })}
        </p>
      )}
      {failure && (
        <p className="qo-empty" role="alert">
          {failure}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {showList ? t('qoAnnounce', { n: number(items.length), count: items.length }) : ''}
      </span>
    </Dialog>
  )
}
