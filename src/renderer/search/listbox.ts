// The keyboard model of a list that belongs to a text field (the ARIA combobox pattern, used by
// the suggestions under the search box and by quick open): focus stays in the field, and the
// arrow keys move an "active" option that aria-activedescendant points at. Pure: a reducer over
// the list's length, tested in tests/renderer/search/listbox.test.ts.

export interface ListState {
  open: boolean
  /** The active option, -1 when none is (Enter then acts on the field's own text). */
  active: number
  count: number
}

export const CLOSED: ListState = { open: false, active: -1, count: 0 }

export type ListAction =
  /** New options arrived (a fresh answer): shown, none active unless `keepFirst`. */
  | { type: 'items'; count: number; activeFirst?: boolean }
  | { type: 'down' }
  | { type: 'up' }
  | { type: 'home' }
  | { type: 'end' }
  /** The pointer is over option `index`. */
  | { type: 'hover'; index: number }
  /** Escape, a choice made, focus gone. */
  | { type: 'close' }
  /** Reopen what was closed (Alt+↓ or ↓ on a closed list with options). */
  | { type: 'open' }

export function listReducer(s: ListState, a: ListAction): ListState {
  switch (a.type) {
    case 'items':
      return {
        open: a.count > 0,
        active: a.count > 0 && a.activeFirst ? 0 : -1,
        count: a.count,
      }
    case 'down':
      if (s.count === 0) return s
      if (!s.open) return { ...s, open: true, active: 0 }
      // Past the last option: back to the field's own text, then round again.
      return { ...s, active: s.active + 1 >= s.count ? -1 : s.active + 1 }
    case 'up':
      if (s.count === 0) return s
      if (!s.open) return { ...s, open: true, active: s.count - 1 }
      return { ...s, active: s.active <= -1 ? s.count - 1 : s.active - 1 }
    case 'home':
      return s.open && s.count > 0 ? { ...s, active: 0 } : s
    case 'end':
      return s.open && s.count > 0 ? { ...s, active: s.count - 1 } : s
    case 'hover':
      return s.open && a.index >= 0 && a.index < s.count ? { ...s, active: a.index } : s
    case 'close':
      return s.open || s.active !== -1 ? { ...s, open: false, active: -1 } : s
    case 'open':
      return s.count > 0 ? { ...s, open: true } : s
  }
}

/** The action a key means for an open or closed list, or undefined: the field's own key. */
export function keyAction(
  key: string,
  s: ListState,
  mods: { alt?: boolean; ctrl?: boolean } = {},
): ListAction | undefined {
  if (key === 'ArrowDown') return mods.alt ? { type: 'open' } : { type: 'down' }
  if (key === 'ArrowUp') return { type: 'up' }
  if (!s.open) return undefined
  if (key === 'Escape') return { type: 'close' }
  // Home/End belong to the text field (caret) unless an option is active.
  if (key === 'Home' && s.active >= 0) return { type: 'home' }
  if (key === 'End' && s.active >= 0) return { type: 'end' }
  return undefined
}
