// The one modal dialog: an overlay (a click outside closes), role="dialog" with aria-modal, focus
// moved in on open and given back on close, Tab kept inside, Escape closes, and the app's
// single-key shortcuts do not act behind it. Dialogs differ only in their content.
import { useEffect, useRef } from 'react'
import type { HTMLAttributes, ReactNode, RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

interface Props extends Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'onClick' | 'onKeyDown'> {
  /** The id of the dialog's heading (its accessible name). */
  labelledBy: string
  /** Escape or a click outside; the dialog decides whether it may close now. */
  onClose: () => void
  /** What gets focus on open (else the first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}

/** The elements Tab moves between, in order. */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0 && !el.closest('[inert]'),
  )
}

export function Dialog({ labelledBy, onClose, initialFocus, className, children, ...rest }: Props) {
  const root = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  }, [onClose])

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    const el = root.current
    if (el) (initialFocus?.current ?? focusables(el)[0] ?? el).focus()
    const onKey = (e: KeyboardEvent): void => {
      if (!el) return
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        close.current()
        return
      }
      if (e.key !== 'Tab') return
      // Within the dialog the browser moves focus; at its ends, or from an element that is not
      // a tab stop (the heading focused on open), focus wraps around instead of leaving.
      const items = focusables(el)
      const first = items[0]
      const last = items[items.length - 1]
      const active = document.activeElement
      if (!first || !last) {
        e.preventDefault()
        return
      }
      let next: HTMLElement | undefined
      if (active instanceof HTMLElement && items.includes(active)) {
        if (e.shiftKey && active === first) next = last
        if (!e.shiftKey && active === last) next = first
      } else {
        const inside = active instanceof Node && el.contains(active)
        const follows = (x: HTMLElement): boolean =>
          inside && !!(active.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING)
        next = e.shiftKey
          ? (items.filter((x) => inside && !follows(x) && x !== active).at(-1) ?? last)
          : (items.find(follows) ?? first)
      }
      if (next) {
        e.preventDefault()
        next.focus()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      previous?.focus()
    }
    // Mount and unmount only: focus moves in once and goes back once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <div className="overlay" onClick={() => close.current()}>
      <div
        {...rest}
        ref={root}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        // The app's single-key shortcuts do not act behind the dialog.
        onKeyDown={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>
  )
}
