// How an offered query reads with its change marked: of the replacing term, only the characters
// that differ from what was typed stand out (低炭 → 低**碳**), so the difference is seen at once.
// Pure: tests/renderer/search/did-you-mean.test.ts.

export interface Marked {
  before: string
  /** What differs ('' when a character was dropped: nothing new to mark). */
  changed: string
  after: string
}

/** `q` cut around the changed characters of `to` (which replaced `from`); all `before` if absent. */
export function markChange(q: string, from: string, to: string): Marked {
  const at = to ? q.indexOf(to) : -1
  if (at < 0) return { before: q, changed: '', after: '' }
  const a = [...from]
  const b = [...to]
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const prefix = b.slice(0, head).join('')
  const changed = b.slice(head, b.length - tail).join('')
  return {
    before: q.slice(0, at) + prefix,
    changed,
    after: q.slice(at + prefix.length + changed.length),
  }
}
