// A page's content fingerprint, independent of how the page was segmented into articles and of
// its layout: the search normalizer's output (NFKC, case, traditional → simplified) with every
// whitespace character removed, so the same page re-wrapped at another width, with stray spaces
// or in another encoding gives the same text. Two figures are kept of it:
//   - the exact text's hash (made by the caller: sha256 in Node), for "the same page again";
//   - a MinHash sketch of its character shingles, for "nearly the same page" (a corrected or
//     slightly cut copy). One-permutation hashing (one hash per shingle, binned, the minimum of
//     each bin kept; empty bins filled from the next non-empty one, "rotation densification",
//     Shrivastava & Li 2014), so a sketch costs one hash per character, not one per bin.
import { normalize, NORMALIZER_VERSION } from './normalize'

/** Parameters of the sketch; stored with the fingerprints, so a change forces a rebuild. */
export const FINGERPRINT_PARAMS = {
  normalizer: NORMALIZER_VERSION,
  /** Characters per shingle: each changed character changes this many shingles. */
  shingle: 4,
  /** Bins of the sketch: the similarity estimate's error is about sqrt(s(1-s)/bins). */
  bins: 128,
} as const

/**
 * Below this many characters of content, a page (an ad, a blank with a masthead) is not checked
 * for duplicates: identical short pages are normal, and a sketch of so few shingles says little.
 */
export const MIN_FINGERPRINT_CHARS = 100

/** Similarity (estimated Jaccard of shingle sets) from which a page is refused as a copy… */
export const NEAR_DUPLICATE_ERROR = 0.98
/** …and from which it is imported with a warning. */
export const NEAR_DUPLICATE_WARNING = 0.9

export interface ContentSketch {
  /** The normalized text without whitespace (hash it for the exact fingerprint). */
  content: string
  /** Characters (UTF-16 code units) of `content`. */
  chars: number
  minhash: Uint32Array
}

/** The page's text as the fingerprint sees it. */
export function contentText(text: string): string {
  return normalize(text).replace(/\s+/gu, '')
}

const EMPTY = 0xffffffff

function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The MinHash sketch of a content text (as contentText makes it). */
export function minhashOf(content: string): Uint32Array {
  const { shingle, bins } = FINGERPRINT_PARAMS
  const shift = 32 - Math.log2(bins)
  const sketch = new Uint32Array(bins).fill(EMPTY)
  const n = content.length
  // A text shorter than one shingle is one shingle.
  const last = Math.max(0, n - shingle)
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5
    const end = Math.min(n, i + shingle)
    for (let k = i; k < end; k++) h = Math.imul(h ^ content.charCodeAt(k), 0x01000193)
    h = fmix32(h)
    const bin = h >>> shift
    // The rest of the hash orders the shingles within their bin.
    const v = (h << (32 - shift)) >>> (32 - shift)
    if (v < (sketch[bin] as number)) sketch[bin] = v
  }
  // Densification: an empty bin takes the next non-empty bin's value (circularly), marked by the
  // distance so that two sketches agree there only when they agree on the borrowed bin.
  if (n > 0 && sketch.includes(EMPTY)) {
    const filled = Uint32Array.from(sketch)
    for (let b = 0; b < bins; b++) {
      if (sketch[b] !== EMPTY) continue
      for (let d = 1; d < bins; d++) {
        const v = sketch[(b + d) % bins] as number
        if (v !== EMPTY) {
          filled[b] = (Math.imul(d, 0x9e3779b1) ^ v) >>> 0
          break
        }
      }
    }
    return filled
  }
  return sketch
}

export function sketchContent(text: string): ContentSketch {
  const content = contentText(text)
  return { content, chars: content.length, minhash: minhashOf(content) }
}

/** Estimated Jaccard similarity of two sketches' shingle sets (0..1). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/**
 * Locality-sensitive lookup of similar sketches: the sketch cut into bands of `rows` bins; two
 * sketches become candidates when one band is identical. With 16 bands of 8 rows a pair at
 * similarity 0.9 is a candidate with probability 0.9999, at 0.8 0.95, at 0.5 0.06; candidates
 * are then compared in full. So a batch is checked against thousands of pages without comparing
 * every pair.
 */
export class SketchIndex<T> {
  private readonly rows = 8
  private readonly bands = new Map<string, number[]>()
  private readonly items: { minhash: Uint32Array; value: T }[] = []

  add(minhash: Uint32Array, value: T): void {
    const id = this.items.length
    this.items.push({ minhash, value })
    for (const key of this.keys(minhash)) {
      const list = this.bands.get(key)
      if (list) list.push(id)
      else this.bands.set(key, [id])
    }
  }

  /** The most similar sketch at or above `threshold`, if any. */
  best(minhash: Uint32Array, threshold: number): { value: T; similarity: number } | undefined {
    const seen = new Set<number>()
    let found: { value: T; similarity: number } | undefined
    for (const key of this.keys(minhash))
      for (const id of this.bands.get(key) ?? []) {
        if (seen.has(id)) continue
        seen.add(id)
        const item = this.items[id] as { minhash: Uint32Array; value: T }
        const s = similarity(minhash, item.minhash)
        if (s >= threshold && (!found || s > found.similarity))
          found = { value: item.value, similarity: s }
      }
    return found
  }

  private *keys(minhash: Uint32Array): Generator<string> {
    for (let b = 0; b * this.rows < minhash.length; b++)
      yield `${b}:${Array.from(minhash.subarray(b * this.rows, (b + 1) * this.rows), (v) => v.toString(36)).join('.')}`
  }
}
