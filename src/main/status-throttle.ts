// Index progress can be reported thousands of times during a build; the renderer needs a few
// updates a second. Changes of state (building → ready) and messages always go through.
import type { IndexStatus } from '../shared/types'

export function throttleStatus(
  send: (status: IndexStatus) => void,
  intervalMs = 100,
  now: () => number = Date.now,
): (status: IndexStatus) => void {
  let last: IndexStatus | undefined
  let lastAt = -Infinity
  return (status) => {
    const t = now()
    const changed =
      !last ||
      last.state !== status.state ||
      last.message !== status.message ||
      status.progress >= 1
    if (!changed && t - lastAt < intervalMs) return
    last = status
    lastAt = t
    send(status)
  }
}
