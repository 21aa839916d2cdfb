// Traditional → simplified folding, character by character, so that offsets stay 1:1 with the
// text. OpenCC's phrase tables would convert more idiomatically, but search only needs both sides
// folded the same way, and a per-character table keeps the highlight map exact.
import tsCharacters from 'opencc-js/dict/TSCharacters'
import stCharacters from 'opencc-js/dict/STCharacters'
import stPhrases from 'opencc-js/dict/STPhrases'
import twVariantsRev from 'opencc-js/dict/TWVariantsRev'
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev'

const single = (a: string, b: string): boolean =>
  [...a].length === 1 && [...b].length === 1 && a.length === b.length

function parsePairs(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const pair of dict.split('|')) {
    const [from, to] = pair.split(' ')
    // Several candidates are listed after the first space; the first is OpenCC's default.
    if (from && to && single(from, to)) map.set(from, to)
  }
  return map
}

/**
 * Characters that OpenCC only produces inside phrases (了解 → 瞭解): each phrase pair of equal
 * length read character by character, trad → simplified where they differ.
 */
function parsePhraseChars(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const pair of dict.split('|')) {
    const [simplified, ...candidates] = pair.split(' ')
    if (!simplified) continue
    for (const t of candidates) {
      if (t.length !== simplified.length) continue
      for (let i = 0; i < t.length; i++) {
        const a = t[i] as string
        const b = simplified[i] as string
        if (a !== b && !map.has(a)) map.set(a, b)
      }
    }
  }
  return map
}

/** simplified → [traditional…] read backwards: every traditional candidate → its simplified. */
function parseInverse(dict: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const pair of dict.split('|')) {
    const [simplified, ...candidates] = pair.split(' ')
    if (!simplified) continue
    for (const t of candidates)
      if (t !== simplified && single(t, simplified) && !map.has(t)) map.set(t, simplified)
  }
  return map
}

let table: Map<string, string> | undefined

/** The fold table: every traditional or variant character that has a simplified form. */
export function foldTable(): Map<string, string> {
  if (table) return table
  // Traditional → simplified, completed by reading simplified → traditional backwards (so every
  // character OpenCC's own conversion can produce folds back).
  const ts = new Map([
    ...parsePhraseChars(stPhrases),
    ...parseInverse(stCharacters),
    ...parsePairs(tsCharacters),
  ])
  // Taiwan / Hong Kong variant forms (著, 爲…) → the standard form.
  const variants = new Map([...parsePairs(hkVariantsRev), ...parsePairs(twVariantsRev)])
  const out = new Map<string, string>()
  const step = (c: string): string => {
    const direct = ts.get(c)
    if (direct) return direct
    const variant = variants.get(c)
    return variant === undefined ? c : (ts.get(variant) ?? variant)
  }
  for (const c of new Set([...ts.keys(), ...variants.keys()])) {
    // Follow chains (variant → traditional → simplified) to a fixpoint so folding is idempotent.
    let cur = c
    for (let i = 0; i < 6; i++) {
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
