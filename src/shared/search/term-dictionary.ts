// The term dictionary of an n-gram index: each term's key and where its postings list starts.
// Flat, it was two Uint32 per term — 8 bytes × 1.28 M terms = 10.2 MB at a quarter of the corpus,
// more than half of them terms with a single posting, whose list is only 3–5 bytes. Sorted keys
// and ascending list starts are both sequences of small gaps (a pair key differs from the next
// by a few character ids; a list start from the next by the list's byte length), so they are
// stored the way Lucene stores its term index, in our terms:
//
//   terms are cut into blocks of SAMPLE; a block's first term is a sample, kept absolute in
//   sampleKeys / sampleStarts; each other term is two varints in `deltas`: its key − the previous
//   key, its list start − the previous list start. blockAt[b] is where block b's varints begin
//   (blockAt[blocks] = deltas.length); sampleStarts has one more entry, the end of the lists.
//
// Lookup is a binary search over the samples (they fit in cache: 12 bytes per SAMPLE terms)
// then a scan of at most SAMPLE − 1 varint pairs, about 2–3 bytes a term, instead of a binary
// search over 8 bytes a term. Inlining single-posting lists in the dictionary would save a
// little more, but would need a second kind of posting reader; left for later.
//
// Why SAMPLE = 64: the scan averages 32 varint pairs and the samples cost 12 / 64 < 0.2 bytes a
// term. Measured on 1.28 M synthetic terms (2.4 bytes a term): 0.25–0.28 µs a lookup against
// 0.19–0.22 µs for the flat binary search — a query looks up a handful of terms.
import { IndexFileError } from './index-error'
import { PlainBytes } from './paged-bytes'
import type { ListBytes } from './paged-bytes'

export const SAMPLE = 64

export interface TermDictionary {
  /** Number of terms. */
  count: number
  /** The largest key (0 when empty): a pair key is above every character key (hasPairs). */
  lastKey: number
  /** The key of terms 0, SAMPLE, 2·SAMPLE, … */
  sampleKeys: Uint32Array
  /** The list start of terms 0, SAMPLE, …, then the end of the lists (one more entry). */
  sampleStarts: Uint32Array
  /** Where each block's varints begin in `deltas`, then deltas.length (one more entry). */
  blockAt: Uint32Array
  /**
   * Per term that is not a sample: varint key gap, varint list-start gap. From a file, read a
   * page at a time like the postings (format v14): a lookup reads one block of a few hundred
   * bytes, and reading all of them (3 MiB a segment of the bench corpus) was a third of an open.
   */
  deltas: ListBytes
  /**
   * Per block, 1 once its varints were checked (checkBlock). A read dictionary checks a block
   * the first time a lookup scans it rather than all of them at open: 40 ms of the open of the
   * bench corpus's 2.6 M terms, for the few blocks a session's queries read.
   */
  checked: Uint8Array
  /** The length of the lists the starts point into. */
  listsLength: number
}

/** The persisted parts; the rest is derived from them (readDictionary). */
export type DictionarySections = Pick<
  TermDictionary,
  'sampleKeys' | 'sampleStarts' | 'blockAt' | 'deltas'
>

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
}

/** Encodes sorted `keys` and their lists' `starts` (keys.length + 1 entries, the last the end). */
export function buildDictionary(keys: Uint32Array, starts: Uint32Array): TermDictionary {
  const n = keys.length
  const blocks = Math.ceil(n / SAMPLE)
  const sampleKeys = new Uint32Array(blocks)
  const sampleStarts = new Uint32Array(blocks + 1)
  const blockAt = new Uint32Array(blocks + 1)
  const out: number[] = []
  for (let k = 0; k < n; k++) {
    const b = Math.floor(k / SAMPLE)
    if (k % SAMPLE === 0) {
      sampleKeys[b] = keys[k] as number
      sampleStarts[b] = starts[k] as number
      blockAt[b] = out.length
      continue
    }
    writeVarint(out, (keys[k] as number) - (keys[k - 1] as number))
    writeVarint(out, (starts[k] as number) - (starts[k - 1] as number))
  }
  sampleStarts[blocks] = starts[n] ?? 0
  blockAt[blocks] = out.length
  return {
    count: n,
    lastKey: n ? (keys[n - 1] as number) : 0,
    sampleKeys,
    sampleStarts,
    blockAt,
    deltas: new PlainBytes(Uint8Array.from(out)),
    // Built here from sorted input: nothing to check.
    checked: new Uint8Array(blocks).fill(1),
    listsLength: starts[n] ?? 0,
  }
}

/**
 * Calls `fn(key, start, end)` for the terms of block b in order (start..end: the list's bytes).
 * Stops early when fn returns true; returns whether it did.
 */
function scanBlock(
  d: TermDictionary,
  b: number,
  fn: (key: number, start: number, end: number) => boolean,
): boolean {
  if (d.checked[b] === 0) checkBlock(d, b)
  return scanUnchecked(d, b, fn)
}

function scanUnchecked(
  d: TermDictionary,
  b: number,
  fn: (key: number, start: number, end: number) => boolean,
): boolean {
  const from = d.blockAt[b] as number
  const bytes = d.deltas.range(from, (d.blockAt[b + 1] as number) - from)
  let p = 0
  const end = bytes.length
  let key = d.sampleKeys[b] as number
  let start = d.sampleStarts[b] as number
  for (;;) {
    let keyGap = 0
    let startGap = 0
    if (p < end) {
      for (let scale = 1; ; scale *= 128) {
        const c = bytes[p++] ?? 0
        keyGap += (c & 0x7f) * scale
        if (c < 0x80) break
      }
      for (let scale = 1; ; scale *= 128) {
        const c = bytes[p++] ?? 0
        startGap += (c & 0x7f) * scale
        if (c < 0x80) break
      }
    }
    // A block's last list ends where the next block's first begins.
    const next = p < end || startGap ? start + startGap : (d.sampleStarts[b + 1] as number)
    if (fn(key, start, next)) return true
    if (!startGap) return false
    key += keyGap
    start = next
  }
}

/** The byte where `key`'s postings list starts in the lists, or -1 when the term is absent. */
export function findTerm(d: TermDictionary, key: number): number {
  return findList(d, key)?.start ?? -1
}

/** Where one term's postings list lies in the lists: bytes start..end. */
export interface ListSpan {
  start: number
  end: number
}

/**
 * The bytes of `key`'s postings list, or undefined when the term is absent. Its end is the next
 * term's start (a block's last list ends where the next block's first begins), so a paged
 * reader can fetch exactly the list (paged-bytes.ts).
 */
export function findList(d: TermDictionary, key: number): ListSpan | undefined {
  const samples = d.sampleKeys
  let lo = 0
  let hi = samples.length - 1
  // The last sample ≤ key.
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if ((samples[mid] as number) <= key) lo = mid + 1
    else hi = mid - 1
  }
  const b = hi
  if (b < 0) return undefined
  if (d.checked[b] === 0) checkBlock(d, b)
  // The hot path of every term: the block's varints inline, no callback.
  const from = d.blockAt[b] as number
  const bytes = d.deltas.range(from, (d.blockAt[b + 1] as number) - from)
  let p = 0
  const end = bytes.length
  let k = samples[b] as number
  let start = d.sampleStarts[b] as number
  let found = k === key
  while (p < end) {
    let c = bytes[p++] ?? 0
    let keyGap = c & 0x7f
    for (let scale = 128; c >= 0x80; scale *= 128) keyGap += ((c = bytes[p++] ?? 0) & 0x7f) * scale
    c = bytes[p++] ?? 0
    let gap = c & 0x7f
    for (let scale = 128; c >= 0x80; scale *= 128) gap += ((c = bytes[p++] ?? 0) & 0x7f) * scale
    // The pair after the found term gives its end.
    if (found) return { start, end: start + gap }
    k += keyGap
    start += gap
    if (k >= key) {
      if (k !== key) return undefined
      found = true
    }
  }
  return found ? { start, end: d.sampleStarts[b + 1] as number } : undefined
}

/** Calls `fn(key, start, end)` for every term in key order (start..end: its list's bytes). */
export function forEachTerm(
  d: TermDictionary,
  fn: (key: number, start: number, end: number) => void,
): void {
  for (let b = 0; b < d.sampleKeys.length; b++)
    scanBlock(d, b, (key, start, end) => {
      fn(key, start, end)
      return false
    })
}

/**
 * Checks block b of a read dictionary: it must decode to its full SAMPLE terms (the last block
 * to at most that), ending exactly at its blockAt bound, with keys ascending below the next
 * block's sample and lists in order up to the next block's first list. With the samples checked
 * ascending at open (readDictionary), the blocks checked one by one make the whole dictionary
 * ordered. Throws IndexFileError when it is not: a damaged index answers nothing rather than
 * something wrong.
 */
export function checkBlock(d: TermDictionary, b: number): void {
  const blocks = d.sampleKeys.length
  const from = d.blockAt[b] as number
  const to = d.blockAt[b + 1] as number
  const nextKey = b + 1 < blocks ? (d.sampleKeys[b + 1] as number) : Infinity
  const bad = (): never => {
    throw new IndexFileError(`inconsistent term dictionary (block ${b})`)
  }
  // A varint never runs past its block: checked before decoding it.
  if (to < from || (to > from && (d.deltas.range(to - 1, 1)[0] as number) >= 0x80)) bad()
  let terms = 0
  let prevKey = -1
  let prevStart = -1
  let ok = true
  scanUnchecked(d, b, (key, start, end) => {
    terms++
    if (key <= prevKey || key >= nextKey || start <= prevStart || end <= start) ok = false
    if (end > d.listsLength) ok = false
    prevKey = key
    prevStart = start
    return !ok
  })
  if (!ok || terms > SAMPLE || (b + 1 < blocks && terms !== SAMPLE)) bad()
  d.checked[b] = 1
}

/** Checks every block now (what `verify` does; a lookup checks only the blocks it reads). */
export function checkAllBlocks(d: TermDictionary): void {
  for (let b = 0; b < d.sampleKeys.length; b++) if (d.checked[b] === 0) checkBlock(d, b)
}

/**
 * The dictionary of persisted sections, or null when their shape is inconsistent: a block per
 * sample, samples ascending (keys strictly, list starts strictly), within `listsLength` bytes.
 * The last block is checked now (it gives the count and the last key); the others when a lookup
 * first reads them (checkBlock), which throws IndexFileError for a damaged one.
 */
export function readDictionary(s: DictionarySections, listsLength: number): TermDictionary | null {
  const blocks = s.sampleKeys.length
  if (s.sampleStarts.length !== blocks + 1 || s.blockAt.length !== blocks + 1) return null
  if (s.blockAt[0] !== 0 || s.blockAt[blocks] !== s.deltas.length) return null
  if (s.sampleStarts[blocks] !== listsLength || (blocks === 0 && listsLength !== 0)) return null
  for (let b = 0; b < blocks; b++) {
    if (b > 0 && (s.sampleKeys[b] as number) <= (s.sampleKeys[b - 1] as number)) return null
    if ((s.sampleStarts[b + 1] as number) <= (s.sampleStarts[b] as number)) return null
    if ((s.blockAt[b + 1] as number) < (s.blockAt[b] as number)) return null
  }
  const d: TermDictionary = {
    ...s,
    count: 0,
    lastKey: 0,
    checked: new Uint8Array(blocks),
    listsLength,
  }
  if (blocks === 0) return d
  // The last block's bytes are read now, outside the check below: a damaged page throws its own
  // message (which page fails its checksum), not "inconsistent".
  const last = s.blockAt[blocks - 1] as number
  s.deltas.range(last, s.deltas.length - last)
  try {
    checkBlock(d, blocks - 1)
  } catch {
    return null
  }
  let terms = 0
  let lastKey = 0
  scanUnchecked(d, blocks - 1, (key) => {
    terms++
    lastKey = key
    return false
  })
  d.count = (blocks - 1) * SAMPLE + terms
  d.lastKey = lastKey
  return d
}
