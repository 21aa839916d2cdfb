// Traditional → simplified folding, character by character, so that offsets stay 1:1 with the
// text. OpenCC's phrase tables would convert more idiomatically, but search only needs both sides
// folded the same way, and a per-character table keeps the highlight map exact. The table is
// derived from OpenCC's dictionaries ahead of time (scripts/fold-derive.ts): a process reads
// 3,050 pairs instead of splitting a megabyte of dictionaries on its first query.
import { FOLD_PAIRS } from './fold-data'

let table: Map<string, string> | undefined

/** The fold table: every traditional or variant character that has a simplified form. */
export function foldTable(): Map<string, string> {
  if (table) return table
  const out = new Map<string, string>()
  for (const pair of FOLD_PAIRS.split('|')) {
    const [from, to] = [...pair]
    if (from !== undefined && to !== undefined) out.set(from, to)
  }
  table = out
  return out
}

/** Folds traditional characters in `text` to simplified; the result has the same length. */
export function foldToSimplified(text: string): string {
  const t = foldTable()
  let out = ''
  for (const c of text) out += t.get(c) ?? c
  return out
}
