// Keeps an element where a scroll put it while the view around it is still settling. Article
// blocks off screen are sized by an estimate (article.css: content-visibility: auto), so once a
// scroll brings new blocks into view their real heights move the target; and the pane's own
// header may still grow (the search-result bar arrives a task later), which shrinks the pane and
// moves its centre. For `ms` after the first placement, the placement is repeated on any frame
// where the target or the pane has moved or changed size. A scroll by anyone else (the reader's
// wheel, a newer placement) ends the hold at once, so it never fights the user.

/** Puts `el` in place inside the scroll container `body`; called again whenever it drifts. */
export type Place = () => void

/** How long a placement is held: long enough for a loaded machine's next few tasks. */
export const HOLD_MS = 1000

function where(body: HTMLElement, el: Element): string {
  const b = body.getBoundingClientRect()
  return `${Math.round(el.getBoundingClientRect().top)},${Math.round(b.top)},${body.clientHeight}`
}

export function holdInPlace(body: HTMLElement, el: Element, place: Place, ms = HOLD_MS): void {
  place()
  const until = performance.now() + ms
  let expected = body.scrollTop
  let last = where(body, el)
  const again = (): void => {
    if (!el.isConnected || performance.now() > until) return
    // Someone else scrolled the pane: leave it alone.
    if (Math.abs(body.scrollTop - expected) >= 1) return
    if (where(body, el) !== last) {
      place()
      expected = body.scrollTop
      last = where(body, el)
    }
    requestAnimationFrame(again)
  }
  requestAnimationFrame(again)
}
