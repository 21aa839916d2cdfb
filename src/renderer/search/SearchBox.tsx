// The search box: search-as-you-type (debounced, IME-aware) into the URL, so every search is a
// link. Typing replaces the current history entry; starting a new search adds one. Under it,
// suggestions for the word being typed (an ARIA combobox: the arrows choose, Enter searches).
import { MAX_QUERY_LENGTH } from '../../shared/rules'
import { useEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { recordSearch } from '../bookmarks/bookmarks'
import { useI18n } from '../app/i18n'
import { formatRoute } from '../app/route'
import type { AppRoute } from '../app/route'
import { getRoute, navigate } from '../app/route-store'
import { AdvancedSearch } from './AdvancedSearch'
import { keyAction } from './listbox'
import { SearchHelp } from './SearchHelp'
import { applySuggestion } from './suggest-text'
import { SuggestionList, SUGGESTIONS_ID, suggestionId } from './SuggestionList'
import { useSuggestions } from './use-suggestions'

export const SEARCH_DEBOUNCE_MS = 150

/** Focuses the first result of `q` once it is on screen (not a previous query's). */
function focusFirstHit(q: string, tries = 60): void {
  const list = [...document.querySelectorAll<HTMLElement>('#search-results')].find(
    (l) => l.dataset.query === q && !l.closest('.stale'),
  )
  const first = list?.querySelector<HTMLElement>('[data-testid="hit-open"]')
  if (first) first.focus()
  else if (tries > 0) setTimeout(() => focusFirstHit(q, tries - 1), 25)
}

interface Props {
  route: AppRoute
  inputRef: RefObject<HTMLInputElement | null>
}

export function SearchBox({ route, inputRef }: Props) {
  const { t, number } = useI18n()
  const routeQ = route.search.q
  const [text, setText] = useState(routeQ)
  const [seen, setSeen] = useState(routeQ)
  const [helpOpen, setHelpOpen] = useState(false)
  const [advancedOpen, setAdvancedOpen] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const suggestions = useSuggestions()
  const { items, list, dispatch } = suggestions

  // The route changed under us (back/forward, a link, a bookmark): show its query.
  if (routeQ !== seen) {
    setSeen(routeQ)
    setText(routeQ)
  }

  useEffect(() => () => clearTimeout(timer.current), [])

  const commit = (q: string, record = false): void => {
    clearTimeout(timer.current)
    const current = getRoute()
    setSeen(q)
    if (q !== current.search.q || current.tab !== 'search') {
      const { offset: _drop, ...rest } = current.search
      // Keep filters while refining a query; a fresh search starts a new history entry.
      const next: AppRoute = { ...current, tab: 'search', search: { ...rest, q } }
      navigate(next, { replace: current.tab === 'search' && current.search.q !== '' })
    }
    if (record && q.trim()) recordSearch(q, formatRoute(getRoute()))
  }

  /** A suggestion replaces the word being typed, and the search runs. */
  const choose = (i: number): void => {
    const item = items[i]
    const word = suggestions.word
    if (!item || !word) return
    const next = applySuggestion(text, word, item.query)
    suggestions.cancel()
    setText(next)
    commit(next.trimEnd(), true)
    inputRef.current?.focus()
  }

  const schedule = (q: string): void => {
    performance.mark('search-input', { detail: { q } })
    clearTimeout(timer.current)
    timer.current = setTimeout(() => commit(q), SEARCH_DEBOUNCE_MS)
  }

  return (
    <div className="search-box" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        {t('searchLabel')}
      </label>
      {/* The box and its suggestions; data-suggesting while a question is on its way. */}
      <div
        className="search-field"
        data-testid="search-field"
        data-suggesting={suggestions.pending || undefined}
      >
        <input
          id="search-input"
          ref={inputRef}
          data-testid="search-input"
          type="search"
          role="combobox"
          aria-expanded={list.open}
          aria-controls={SUGGESTIONS_ID}
          aria-autocomplete="list"
          aria-activedescendant={
            list.open && list.active >= 0 ? suggestionId(list.active) : undefined
          }
          value={text}
          placeholder={t('searchPlaceholder')}
          aria-describedby="search-syntax"
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(e) => {
            setText(e.target.value)
            // Wait for the input method to finish composing (pinyin → 汉字).
            if (!(e.nativeEvent as InputEvent).isComposing) {
              schedule(e.target.value)
              suggestions.request(e.target.value, e.target.selectionStart ?? e.target.value.length)
            }
          }}
          onCompositionEnd={(e) => {
            schedule(e.currentTarget.value)
            suggestions.request(e.currentTarget.value, e.currentTarget.selectionStart ?? 0)
          }}
          onBlur={() => dispatch({ type: 'close' })}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return
            const value = e.currentTarget.value
            if (e.key === 'Enter') {
              if (list.open && list.active >= 0) choose(list.active)
              else {
                suggestions.cancel()
                commit(value, true)
              }
              return
            }
            // ↓ goes into the suggestions while they are shown (Alt+↓ shows them again) …
            const action = keyAction(e.key, list, { alt: e.altKey })
            if (action && (list.open || action.type === 'open')) {
              e.preventDefault()
              // Escape closes the list; the next Escape leaves the box (App).
              dispatch(action)
              return
            }
            if (e.key === 'ArrowDown') {
              // … else ↓ leaves the box for the first result (once it is on screen).
              e.preventDefault()
              suggestions.cancel()
              commit(value, true)
              focusFirstHit(value)
            }
          }}
        />
        {list.open && items.length > 0 && (
          <SuggestionList
            items={items}
            active={list.active}
            onChoose={choose}
            onHover={(i) => dispatch({ type: 'hover', index: i })}
          />
        )}
        {/* Says how many suggestions there are, for screen readers (a live region). */}
        <span className="visually-hidden" role="status" data-testid="suggestions-status">
          {list.open && items.length > 0
            ? t('sugAnnounce', { n: number(items.length), count: items.length })
            : ''}
        </span>
      </div>
      <span id="search-syntax" className="visually-hidden">
        {t('searchSyntaxShort')}
      </span>
      <button
        type="button"
        className="icon-button"
        data-testid="search-help-toggle"
        aria-expanded={helpOpen}
        aria-controls="search-help"
        title={t('searchHelp')}
        onClick={() => setHelpOpen((o) => !o)}
      >
        ?
      </button>
      <button
        type="button"
        className="adv-toggle"
        data-testid="advanced-search-toggle"
        aria-haspopup="dialog"
        title={t('advOpenHint')}
        onClick={() => {
          // The form starts from what is typed, also before the debounce has put it in the route.
          if (text !== getRoute().search.q) commit(text)
          setHelpOpen(false)
          setAdvancedOpen(true)
        }}
      >
        {t('advOpen')}
      </button>
      {helpOpen && <SearchHelp id="search-help" onClose={() => setHelpOpen(false)} />}
      {advancedOpen && <AdvancedSearch onClose={() => setAdvancedOpen(false)} />}
    </div>
  )
}
