// Terms as MiniSearch stores them. Its radix tree scans a node's children one by one, and Chinese
// terms give the root one child per distinct first character — thousands — which made build and
// loadJSON crawl (shared notes: 37.5 s instead of 1.6 s). So every UTF-16 unit at or above U+0080
// is written as two symbols, its high and its low byte, each from its own 256-symbol private-use
// block: no node has more than 128 + 256 children, and since every non-ASCII unit is coded the
// coding cannot be confused with text. Fixed width keeps prefix search on one character working
// (a character's code is a prefix of every term that starts with it).

const HIGH = 0xf000
const LOW = 0xf100

/** `term` coded for the MiniSearch tree. */
export function encodeTerm(term: string): string {
  let out = ''
  for (let i = 0; i < term.length; i++) {
    const u = term.charCodeAt(i)
    out += u < 0x80 ? term[i] : String.fromCharCode(HIGH + (u >> 8), LOW + (u & 0xff))
  }
  return out
}

/** The term a coded string stands for (the inverse of encodeTerm). */
export function decodeTerm(coded: string): string {
  let out = ''
  for (let i = 0; i < coded.length; i++) {
    const u = coded.charCodeAt(i)
    if (u >= HIGH && u < HIGH + 0x100 && i + 1 < coded.length) {
      out += String.fromCharCode(((u - HIGH) << 8) | (coded.charCodeAt(i + 1) - LOW))
      i++
    } else out += coded[i]
  }
  return out
}

/** Levenshtein distance of two short strings (by UTF-16 unit), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      cur.push(v)
      if (v < best) best = v
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[b.length] as number
}
