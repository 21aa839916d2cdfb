// The display text of a segment's articles (the reflowed text the reader shows and snippets are
// cut from) kept as edits to their normalized text, not as a second copy of it: the normalized
// text is there anyway (every hit is verified against it), and most characters of the display
// text are its characters again. What differs is mostly the same few mappings over and over — a
// traditional source (發 → 发), full-width punctuation (，→ ,) — so a segment keeps a table of
// the display character most often behind each normalized one, and per article only where its
// display text departs from that table: the whitespace the normalizer removed, the rarer
// variants, expansions.
//
// Edits of one article, as 16-bit units: per edit, the normalized characters before it that are
// shown by the table (`gap`), the normalized characters it replaces (`k`, 0 for an insertion),
// the length of its display text (`len`), then that text. What follows the last edit is shown
// by the table. The header is one unit when gap < 1024, k < 4 and len < 8 (gap << 5 | k << 3 |
// len, top bit clear) — a line break or a variant is then 2 units — else 0x8000 and the three
// as varint15 (15 bits a unit, the top bit says "more").

import { normalizeMapped } from '../text/normalize'

/** The display unit of a normalized code unit `c` under some table. */
export type DisplayOf = (c: number) => number

export const identity: DisplayOf = (c) => c

/** Accumulates edits, merging adjacent ones. */
class EditWriter {
  readonly out: number[] = []
  private gap = 0
  private open = false
  private k = 0
  private units: number[] = []

  /** One normalized character shown by the table. */
  keep(): void {
    if (this.open) this.flush()
    this.gap++
  }

  /** `k` normalized characters shown as `units`. */
  edit(k: number, units: ArrayLike<number>): void {
    this.open = true
    this.k += k
    for (let i = 0; i < units.length; i++) this.units.push(units[i] as number)
  }

  flush(): void {
    if (!this.open) return
    const len = this.units.length
    if (this.gap < 1024 && this.k < 4 && len < 8)
      this.out.push((this.gap << 5) | (this.k << 3) | len)
    else {
      this.out.push(LONG)
      varint(this.out, this.gap)
      varint(this.out, this.k)
      varint(this.out, len)
    }
    for (const u of this.units) this.out.push(u)
    this.gap = 0
    this.k = 0
    this.units = []
    this.open = false
  }
}

const LONG = 0x8000

function varint(out: number[], v: number): void {
  while (v >= 0x8000) {
    out.push((v & 0x7fff) | 0x8000)
    v = Math.floor(v / 0x8000)
  }
  out.push(v)
}

/** Reads the edits of one article, unit by unit, from `edits[at..end)`. */
class EditReader {
  constructor(
    private readonly edits: ArrayLike<number>,
    public at: number,
    private readonly end: number,
  ) {}

  get more(): boolean {
    return this.at < this.end
  }

  /** The next edit's header: [gap, k, len]. */
  header(): [number, number, number] {
    const u = this.edits[this.at++] as number
    if (u !== LONG) return [u >>> 5, (u >>> 3) & 3, u & 7]
    return [this.varint(), this.varint(), this.varint()]
  }

  varint(): number {
    let v = 0
    let scale = 1
    while (this.at < this.end) {
      const u = this.edits[this.at++] as number
      v += (u & 0x7fff) * scale
      if (u < 0x8000) break
      scale *= 0x8000
    }
    return v
  }
}

/**
 * The edits that turn `norm` (an article's normalized body) into `display` (its text), under the
 * identity table, from the normalizer's `map` (normalizeMapped: the input index of each output
 * character, non-decreasing, map[norm.length] = display.length).
 */
export function editsFromMap(display: string, norm: string, map: ArrayLike<number>): number[] {
  const w = new EditWriter()
  const n = display.length
  const m = norm.length
  let i = 0
  let j = 0
  // Input i is shown as itself when it alone made output j, and the same character.
  const same = (): boolean =>
    j < m && map[j] === i && map[j + 1] !== i && norm.charCodeAt(j) === display.charCodeAt(i)
  while (i < n) {
    if (same()) {
      w.keep()
      i++
      j++
      continue
    }
    const i0 = i
    const j0 = j
    do {
      while (j < m && map[j] === i) j++
      i++
    } while (i < n && !same())
    const units: number[] = []
    for (let x = i0; x < i; x++) units.push(display.charCodeAt(x))
    w.edit(j - j0, units)
  }
  w.flush()
  return w.out
}

/**
 * The same display text's edits under another table: `edits[at..end)` were made against `from`,
 * the result is against `to` (where a character's display is what `to` says, no edit is kept).
 */
export function rebaseEdits(
  norm: string,
  edits: ArrayLike<number>,
  at: number,
  end: number,
  from: DisplayOf,
  to: DisplayOf,
): number[] {
  const w = new EditWriter()
  const r = new EditReader(edits, at, end)
  let j = 0
  const shown = (c: number, d: number): void => {
    if (d === to(c)) w.keep()
    else w.edit(1, [d])
  }
  while (r.more) {
    const [gap, k, len] = r.header()
    for (const stop = Math.min(norm.length, j + gap); j < stop; j++) {
      const c = norm.charCodeAt(j)
      shown(c, from(c))
    }
    const start = r.at
    r.at = Math.min(end, r.at + len)
    if (k === len && j + k <= norm.length) {
      // Character for character: each may be what `to` shows anyway.
      for (let x = 0; x < k; x++, j++) shown(norm.charCodeAt(j), edits[start + x] as number)
    } else {
      const units: number[] = []
      for (let x = start; x < r.at; x++) units.push(edits[x] as number)
      w.edit(k, units)
      j = Math.min(norm.length, j + k)
    }
  }
  for (; j < norm.length; j++) {
    const c = norm.charCodeAt(j)
    shown(c, from(c))
  }
  w.flush()
  return w.out
}

/** The display text of an article: its normalized body `norm` with `edits[at..end)` under `table`. */
export function applyEdits(
  norm: string,
  edits: ArrayLike<number>,
  at: number,
  end: number,
  table: DisplayOf,
): string {
  return applyEditsMapped(norm, edits, at, end, table).text
}

/** An article's display text, and where each character of its normalized body came from in it. */
export interface MappedBody {
  text: string
  norm: string
  /**
   * normalizeMapped's map of `text`, rebuilt from the edits: map[j] is the position in `text` of
   * the character normalized body character j came from; map[norm.length] = text.length.
   */
  map: Int32Array
}

/**
 * applyEdits, with the map a snippet needs to find the query's matches in the normalized body
 * and show them in the display text — instead of normalizing the display text again, which was
 * half of what showing a hit cost. A kept character is where it is; an edit of one character
 * for one is that character; any other edit (a dropped invisible before a variant, a ligature,
 * collapsed spaces) is normalized again on its own, a few characters, so the map is
 * normalizeMapped's own (checked against the seeds, tests/shared/search/body-text.test.ts).
 */
export function applyEditsMapped(
  norm: string,
  edits: ArrayLike<number>,
  at: number,
  end: number,
  table: DisplayOf,
): MappedBody {
  let out = new Uint16Array(norm.length + 64)
  let o = 0
  const room = (n: number): void => {
    if (o + n <= out.length) return
    const bigger = new Uint16Array(Math.max(out.length * 2, o + n))
    bigger.set(out.subarray(0, o))
    out = bigger
  }
  const map = new Int32Array(norm.length + 1)
  const r = new EditReader(edits, at, end)
  let j = 0
  while (r.more) {
    const [gap, k, len] = r.header()
    const stop = Math.min(norm.length, j + gap)
    room(stop - j + len)
    for (; j < stop; j++) {
      map[j] = o
      out[o++] = table(norm.charCodeAt(j))
    }
    const o0 = o
    for (const last = Math.min(end, r.at + len); r.at < last;) out[o++] = edits[r.at++] as number
    const kk = Math.min(norm.length - j, k)
    if (kk > 0) mapEdit(norm, j, kk, out, o0, o, map)
    j += kk
  }
  room(norm.length - j)
  for (; j < norm.length; j++) {
    map[j] = o
    out[o++] = table(norm.charCodeAt(j))
  }
  map[norm.length] = o
  let text = ''
  // In chunks: String.fromCharCode takes its units as arguments. Exact for any units (a lone
  // surrogate of a damaged source stays one; TextDecoder would replace it).
  for (let x = 0; x < o; x += 4096)
    text += String.fromCharCode(...out.subarray(x, Math.min(o, x + 4096)))
  return { text, norm, map }
}

/** Maps normalized characters j0..j0+k of an edit shown as out[o0..o1). */
function mapEdit(
  norm: string,
  j0: number,
  k: number,
  out: Uint16Array,
  o0: number,
  o1: number,
  map: Int32Array,
): void {
  if (k === 1 && o1 - o0 === 1) {
    map[j0] = o0
    return
  }
  const shown = String.fromCharCode(...out.subarray(o0, o1))
  const again = normalizeMapped(shown)
  const want = norm.slice(j0, j0 + k)
  if (again.text === want) {
    for (let x = 0; x < k; x++) map[j0 + x] = o0 + (again.map[x] as number)
    return
  }
  // Normalized alone, the edit loses the space its neighbours made the normalizer keep (a line
  // break between two Latin words): that space is its first whitespace, the rest as alone.
  const lead = shown.search(/\s/)
  if (want.charCodeAt(0) === 0x20 && again.text === want.slice(1) && lead >= 0) {
    map[j0] = o0 + lead
    for (let x = 1; x < k; x++) map[j0 + x] = o0 + (again.map[x - 1] as number)
    return
  }
  // Or the space it ends with, made by what follows it (an expansion before a tab, then a digit).
  const run = /\s+$/.exec(shown)
  if (want.endsWith(' ') && again.text === want.slice(0, -1) && run) {
    for (let x = 0; x < k - 1; x++) map[j0 + x] = o0 + (again.map[x] as number)
    map[j0 + k - 1] = o0 + run.index
    return
  }
  // Otherwise each character is placed at the edit's character of the same rank.
  for (let x = 0; x < k; x++) map[j0 + x] = o0 + Math.min(x, Math.max(0, o1 - o0 - 1))
}

/**
 * The segment's table: for each character id (`charIds` of its n-gram index), the display unit
 * most often behind it in `bodies` (normalized bodies with their edits against the identity),
 * 0 where that is the character itself.
 */
export function chooseTable(
  charIds: Uint16Array,
  radix: number,
  bodies: readonly { norm: string; edits: readonly number[] }[],
): Uint16Array {
  const total = new Uint32Array(radix)
  // id * 65536 + display unit → how often that character is shown so (other than as itself).
  const shown = new Map<number, number>()
  for (const { norm, edits } of bodies) {
    for (let j = 0; j < norm.length; j++) total[charIds[norm.charCodeAt(j)] as number]!++
    const r = new EditReader(edits, 0, edits.length)
    let j = 0
    while (r.more) {
      const [gap, k, len] = r.header()
      j += gap
      if (k === len)
        for (let x = 0; x < k; x++) {
          const key =
            (charIds[norm.charCodeAt(j + x)] as number) * 65536 + (edits[r.at + x] as number)
          shown.set(key, (shown.get(key) ?? 0) + 1)
        }
      j += k
      r.at += len
    }
  }
  const table = new Uint16Array(radix)
  const best = new Uint32Array(radix)
  for (const [key, n] of shown) {
    const id = Math.floor(key / 65536)
    // Better than the character itself (shown as itself total − shown otherwise, at most).
    if (n > (best[id] as number) && 2 * n > (total[id] as number)) {
      best[id] = n
      table[id] = key % 65536
    }
  }
  return table
}

/** The DisplayOf of a segment's table. */
export function tableDisplay(charIds: Uint16Array, table: Uint16Array): DisplayOf {
  return (c) => {
    const t = table[charIds[c] as number] as number
    return t === 0 ? c : t
  }
}
