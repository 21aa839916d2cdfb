// Text with some ranges marked, built as React elements (never as HTML).
import type { Range } from '../../shared/types'
import { piecesOf } from './text-layout'

interface Props {
  text: string
  ranges: readonly Range[]
  /** Index of the range shown as the current one. */
  current?: number
}

export function Highlighted({ text, ranges, current }: Props) {
  return (
    <>
      {piecesOf(text, 0, text.length, ranges).map((p) =>
        p.hit === undefined ? (
          <span key={p.start}>{p.text}</span>
        ) : (
          <mark
            key={p.start}
            data-hit={p.hit}
            className={p.hit === current ? 'current' : undefined}
          >
            {p.text}
          </mark>
        ),
      )}
    </>
  )
}
