// Traditional → simplified folding, character by character, so that offsets stay 1:1 with the
// text. OpenCC's phrase tables would convert more idiomatically, but search only needs both sides
// folded the same way, and a per-character table keeps the highlight map exact.
import tsCharacters from 'opencc-js/dict/TSCharacters'
import twVariantsRev from 'opencc-js/dict/TWVariantsRev'
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev'

function parsePairs(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const pair of dict.split('|')) {
    const [from, to] = pair.split(' ')
    // Several candidates are listed after the first space; the first is OpenCC's default.
    if (from && to && [...from].length === 1 && [...to].length === 1 && from.length === to.length) {
      map.set(from, to)
    }
  }
  return map
}

let table: Map<string, string> | undefined

/** The fold table: every traditional or variant character that has a simplified form. */
export function foldTable(): Map<string, string> {
  if (table) return table
  const ts = parsePairs(tsCharacters)
  const variants = new Map([...parsePairs(hkVariantsRev), ...parsePairs(twVariantsRev)])
  const out = new Map<string, string>()
  const step = (c: string): string => {
    const direct = ts.get(c)
    if (direct) return direct
    const variant = variants.get(c)
    return variant && ts.has(variant) ? (ts.get(variant) as string) : c
  }
  for (const c of new Set([...ts.keys(), ...variants.keys()])) {
    // Follow chains (variant → traditional → simplified) to a fixpoint so folding is idempotent.
    let cur = c
    for (let i = 0; i < 4; i++) {
      const next = step(cur)
      if (next === cur) break
      cur = next
    }
    if (cur !== c) out.set(c, cur)
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
