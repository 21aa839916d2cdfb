// The keyboard map: one table drives the key handler and the help overlay.
import type { MessageKey } from './messages'
import type { Command } from './commands'

export interface KeyBinding {
  /** KeyboardEvent.key values that trigger the command. */
  keys: readonly string[]
  /** How the key is shown in the help overlay. */
  label: string
  command: Command
  help: MessageKey
}

export const KEYMAP: readonly KeyBinding[] = [
  { keys: ['/'], label: '/', command: 'focus-search', help: 'keyFocusSearch' },
  // With Ctrl (⌘ on a Mac), also in a text field: commandForKey's modifier table below.
  { keys: [], label: 'Ctrl/⌘+K', command: 'quick-open', help: 'keyQuickOpen' },
  { keys: ['n'], label: 'n', command: 'next-hit', help: 'keyNextHit' },
  { keys: ['N'], label: 'Shift+N', command: 'prev-hit', help: 'keyPrevHit' },
  { keys: [']'], label: ']', command: 'next-page', help: 'keyNextPage' },
  { keys: ['['], label: '[', command: 'prev-page', help: 'keyPrevPage' },
  { keys: ['.'], label: '.', command: 'next-result', help: 'keyNextResult' },
  { keys: [','], label: ',', command: 'prev-result', help: 'keyPrevResult' },
  { keys: ['j'], label: 'j', command: 'next-article', help: 'keyNextArticle' },
  { keys: ['k'], label: 'k', command: 'prev-article', help: 'keyPrevArticle' },
  { keys: ['}'], label: '}', command: 'next-issue', help: 'keyNextIssue' },
  { keys: ['{'], label: '{', command: 'prev-issue', help: 'keyPrevIssue' },
  { keys: ['s'], label: 's', command: 'toggle-split', help: 'keyToggleSplit' },
  { keys: ['x'], label: 'x', command: 'swap-panes', help: 'keySwapPanes' },
  { keys: ['1'], label: '1', command: 'pane-a', help: 'keyPaneA' },
  { keys: ['2'], label: '2', command: 'pane-b', help: 'keyPaneB' },
  { keys: ['y'], label: 'y', command: 'toggle-sync', help: 'keyToggleSync' },
  { keys: ['o'], label: 'o', command: 'toggle-original', help: 'keyToggleOriginal' },
  { keys: ['+', '='], label: '+ / −', command: 'font-bigger', help: 'keyFontSize' },
  { keys: ['-'], label: '', command: 'font-smaller', help: 'keyFontSize' },
  { keys: ['t'], label: 't', command: 'toggle-theme', help: 'keyToggleTheme' },
  { keys: ['l'], label: 'l', command: 'open-library', help: 'keyLibrary' },
  { keys: ['r'], label: 'r', command: 'open-search', help: 'keyResults' },
  { keys: ['b'], label: 'b', command: 'open-bookmarks', help: 'keyBookmarks' },
  { keys: ['c'], label: 'c', command: 'copy-link', help: 'keyCopyLink' },
  { keys: ['p'], label: 'p', command: 'print', help: 'keyPrint' },
  { keys: ['?'], label: '?', command: 'show-shortcuts', help: 'keyShortcuts' },
]

/** Ctrl/⌘+K: acts wherever focus is, a text field included (it types nothing there). */
export function modifiedCommandForKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): Command | undefined {
  if (e.altKey || e.shiftKey || e.ctrlKey === e.metaKey) return undefined
  return e.key.toLowerCase() === 'k' ? 'quick-open' : undefined
}

export function commandForKey(e: KeyboardEvent): Command | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined
  return KEYMAP.find((b) => b.keys.includes(e.key))?.command
}

/** Keys typed into a field belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (target as HTMLInputElement).type
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type)
}
