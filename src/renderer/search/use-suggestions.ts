// Suggestions for the word being typed in the search box: asked of the archive's `suggest` a
// moment after the last keystroke (debounced), and an answer that arrives after a newer
// question was asked is dropped, so the list never shows completions of an older prefix.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { Suggestion } from '../../shared/types'
import { api } from '../app/api'
import { CLOSED, listReducer } from './listbox'
import type { ListAction, ListState } from './listbox'
import { typedWord } from './suggest-text'
import type { TypedWord } from './suggest-text'

export const SUGGEST_DEBOUNCE_MS = 120
export const SUGGEST_LIMIT = 8

export interface Suggestions {
  items: Suggestion[]
  /** The word the items complete. */
  word: TypedWord | undefined
  list: ListState
  dispatch: (action: ListAction) => void
  /** The box now holds `text` (caret at `caret`): ask for its word's completions. */
  request: (text: string, caret: number) => void
  /** Forget the list and any question on its way (a search was run, a choice made). */
  cancel: () => void
  /** A question is waiting for its debounce or its answer. */
  pending: boolean
}

export function useSuggestions(): Suggestions {
  const [answer, setAnswer] = useState<{ items: Suggestion[]; word?: TypedWord }>({ items: [] })
  const [list, dispatch] = useReducer(listReducer, CLOSED)
  const [pending, setPending] = useState(false)
  const seq = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const cancel = useCallback((): void => {
    clearTimeout(timer.current)
    seq.current++
    setPending(false)
    setAnswer({ items: [] })
    dispatch({ type: 'items', count: 0 })
  }, [])

  const request = useCallback(
    (text: string, caret: number): void => {
      const word = typedWord(text, caret)
      if (!word) {
        cancel()
        return
      }
      clearTimeout(timer.current)
      // A question asked now makes every older one's answer stale, also one still waiting.
      const n = ++seq.current
      setPending(true)
      timer.current = setTimeout(() => {
        api.suggest(word.prefix, SUGGEST_LIMIT).then(
          (r) => {
            if (n !== seq.current) return
            setPending(false)
            setAnswer({ items: r.suggestions, word })
            dispatch({ type: 'items', count: r.suggestions.length })
          },
          // Suggestions are a help, not the search: a failure shows none.
          () => {
            if (n === seq.current) cancel()
          },
        )
      }, SUGGEST_DEBOUNCE_MS)
    },
    [cancel],
  )

  return { items: answer.items, word: answer.word, list, dispatch, request, cancel, pending }
}
