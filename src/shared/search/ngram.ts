// A compact character n-gram index over normalized article text: for every character and every
// pair of adjacent characters, the sorted list of articles that contain it. Chinese has no word
// boundaries, so any substring query of length ≥ 2 is found through its character pairs and then
// verified against the text; the index never misses an article (recall is exact by design) and
// the verification makes precision exact.
//
// It replaces MiniSearch for article bodies: measured here (see README, "Search design"),
// MiniSearch with CJK bigrams needed 12× the text in heap and was slower than a plain scan at p95.
// Typed arrays keep the whole index in a few flat buffers that load without parsing; the
// postings lists are compressed in blocks (postings.ts) and decoded per term at query time.
import { encodeLists } from './postings-encode'
import { PostingReader, encodedLength, TF_COUNT, TF_HEADLINE } from './postings'
import { PlainBytes } from './paged-bytes'
import type { ListBytes } from './paged-bytes'
import { buildDictionary, findList } from './term-dictionary'
import type { TermDictionary } from './term-dictionary'

/** Separates documents in the concatenated text; never produced by the normalizer for text. */
export const DOC_SEPARATOR = '\u0001'

export interface NgramIndexData {
  /** Code unit → dense character id (0 = never seen). */
  charIds: Uint16Array
  /** Number of character ids + 1. */
  radix: number
  /**
   * Term key → where its postings list starts in `lists` (term-dictionary.ts); unigram key = id,
   * bigram key = radix + id1 * radix + id2.
   */
  terms: TermDictionary
  /**
   * The compressed postings lists (postings.ts): per list, document ids ascending, each with a
   * tf byte — occurrences in the document (capped at 127) and whether in the headline, exact
   * for 1- and 2-character terms, so their hits are scored without reading text. Read a list
   * at a time (paged-bytes.ts): from a segment file, only the pages a query needs are read.
   */
  lists: ListBytes
}

/**
 * The n-gram sizes an index may post (INDEX_OPTIONS.grams): characters, and optionally adjacent
 * pairs. Nothing longer: a pair key already needs radix² of the 32-bit key space (a corpus has
 * thousands of distinct characters), a triple would not fit. Single characters are always
 * posted: without them a one-character query (书, 米 — common in Chinese) could only be answered
 * by scanning every text.
 */
export type GramSize = 1 | 2

/**
 * Whether the index posts adjacent pairs: read from the keys themselves (a pair key is above
 * every character key), so the stored format needs no field for it. Without pairs a longer term
 * is found through its characters' lists and verified against the text: slower, never wrong.
 */
export function hasPairs(index: NgramIndexData): boolean {
  return index.terms.count > 0 && index.terms.lastKey > index.radix
}

/** Whether `term` is itself one posted n-gram, so that its list's tf bytes score it exactly. */
export function isPostedGram(index: NgramIndexData, term: string): boolean {
  return term.length === 1 || (term.length === 2 && hasPairs(index))
}

/** Radix sort of 32-bit keys; returns the permutation that sorts them. */
function sortPermutation(keys: Uint32Array): Uint32Array {
  const n = keys.length
  let order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  let next = new Uint32Array(n)
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537)
    for (let i = 0; i < n; i++) counts[(((keys[i] as number) >>> shift) & 0xffff) + 1]!++
    for (let b = 1; b <= 65536; b++) counts[b]! += counts[b - 1] as number
    for (let i = 0; i < n; i++) {
      const idx = order[i] as number
      next[counts[((keys[idx] as number) >>> shift) & 0xffff]!++] = idx
    }
    ;[order, next] = [next, order]
  }
  return order
}

/**
 * Term key → term number, open addressing over typed arrays. A JS Map with millions of numeric
 * keys (a 94 MiB corpus has ~2.6 M distinct pairs) spent most of the build in hashing and GC.
 */
class TermTable {
  private keys: Uint32Array
  private values: Int32Array
  private bits: number
  size = 0

  constructor(bits = 16) {
    this.bits = bits
    this.keys = new Uint32Array(1 << bits)
    this.values = new Int32Array(1 << bits)
  }

  /** The term number of `key` (> 0); with `add`, a new key gets the next number. -1 if absent. */
  find(key: number, add: boolean): number {
    const mask = (1 << this.bits) - 1
    let i = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits)
    for (;;) {
      const k = this.keys[i] as number
      if (k === key) return this.values[i] as number
      if (k === 0) {
        if (!add) return -1
        this.keys[i] = key
        this.values[i] = this.size++
        if (this.size * 2 > mask) this.grow()
        return this.size - 1
      }
      i = (i + 1) & mask
    }
  }

  private grow(): void {
    const { keys, values } = this
    this.bits++
    this.keys = new Uint32Array(1 << this.bits)
    this.values = new Int32Array(1 << this.bits)
    const mask = (1 << this.bits) - 1
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j] as number
      if (k === 0) continue
      let i = Math.imul(k, 0x9e3779b1) >>> (32 - this.bits)
      while (this.keys[i] !== 0) i = (i + 1) & mask
      this.keys[i] = k
      this.values[i] = values[j] as number
    }
  }
}

function grown<T extends Uint32Array | Int32Array>(a: T, fill?: number): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2)
  if (fill !== undefined) b.fill(fill)
  b.set(a)
  return b
}

/**
 * Builds the index over `docs` (normalized texts, headline SEP body), posting the n-gram sizes
 * `grams` (GramSize). Two passes over the text: the first numbers the distinct terms and counts
 * their documents, the second fills one flat postings array (documents ascending) and the tf
 * bytes, which are then compressed list by list. `onProgress` gets 0..1.
 */
export function buildNgramIndex(
  docs: readonly string[],
  grams: readonly GramSize[],
  onProgress?: (fraction: number) => void,
): NgramIndexData {
  if (!grams.includes(1) || grams.some((g) => g !== 1 && g !== 2))
    throw new Error(`n-gram sizes must be [1] or [1, 2], not [${grams.join(', ')}]`)
  const pairs = grams.includes(2)
  // Dense ids in code-unit order keep term keys small and sortable.
  const seen = new Uint8Array(0x10000)
  for (const d of docs) for (let i = 0; i < d.length; i++) seen[d.charCodeAt(i)] = 1
  const charIds = new Uint16Array(0x10000)
  let radix = 1
  for (let c = 0; c < 0x10000; c++) if (seen[c] && c !== 1) charIds[c] = radix++
  if (radix * radix + radix >= 2 ** 32)
    throw new Error('too many distinct characters for one index')
  const report = (pass: number, doc: number): void => {
    if (onProgress && doc % 4096 === 0) onProgress((pass + doc / Math.max(1, docs.length)) / 2)
  }

  // Pass 1: number the terms, count the documents of each.
  const table = new TermTable()
  let termKeys = new Uint32Array(1 << 16)
  let counts = new Uint32Array(1 << 16)
  let lastDoc = new Int32Array(1 << 16).fill(-1)
  const countTerm = (key: number, doc: number): void => {
    const t = table.find(key, true)
    if (t >= termKeys.length) {
      termKeys = grown(termKeys)
      counts = grown(counts)
      lastDoc = grown(lastDoc, -1)
    }
    termKeys[t] = key
    if (lastDoc[t] !== doc) {
      lastDoc[t] = doc
      counts[t]!++
    }
  }
  for (let doc = 0; doc < docs.length; doc++) {
    report(0, doc)
    const d = docs[doc] as string
    let prev = 0
    for (let i = 0; i < d.length; i++) {
      const id = charIds[d.charCodeAt(i)] as number
      if (id === 0) {
        prev = 0
        continue
      }
      countTerm(id, doc)
      if (pairs && prev) countTerm(radix + prev * radix + id, doc)
      prev = id
    }
  }

  const terms = table.size
  const keysUnsorted = termKeys.subarray(0, terms)
  const order = sortPermutation(keysUnsorted)
  const keys = new Uint32Array(terms)
  const offsets = new Uint32Array(terms + 1)
  const slot = new Uint32Array(terms) // term → write position
  let total = 0
  for (let k = 0; k < terms; k++) {
    const t = order[k] as number
    keys[k] = keysUnsorted[t] as number
    offsets[k] = total
    slot[t] = total
    total += counts[t] as number
  }
  offsets[terms] = total

  // Pass 2: fill the postings and their tf bytes (count, and whether in the headline).
  const postings = new Uint32Array(total)
  const tf = new Uint8Array(total)
  lastDoc.fill(-1)
  const fillTerm = (key: number, doc: number, head: boolean): void => {
    const t = table.find(key, false)
    if (lastDoc[t] !== doc) {
      lastDoc[t] = doc
      const at = slot[t]!++
      postings[at] = doc
      tf[at] = head ? TF_HEADLINE | 1 : 1
    } else {
      const at = (slot[t] as number) - 1
      const v = tf[at] as number
      tf[at] = ((v & TF_COUNT) < TF_COUNT ? v + 1 : v) | (head ? TF_HEADLINE : 0)
    }
  }
  for (let doc = 0; doc < docs.length; doc++) {
    report(1, doc)
    const d = docs[doc] as string
    // The headline comes first, up to the first separator.
    const headEnd = d.indexOf(DOC_SEPARATOR)
    let prev = 0
    for (let i = 0; i < d.length; i++) {
      const id = charIds[d.charCodeAt(i)] as number
      if (id === 0) {
        prev = 0
        continue
      }
      const head = i < headEnd
      fillTerm(id, doc, head)
      if (pairs && prev) fillTerm(radix + prev * radix + id, doc, head)
      prev = id
    }
  }
  const encoded = encodeLists(postings, tf, offsets)
  onProgress?.(1)
  return {
    charIds,
    radix,
    terms: buildDictionary(keys, encoded.starts),
    lists: new PlainBytes(encoded.bytes),
  }
}

/** A varint is at most 5 bytes for a 32-bit count. */
const MAX_VARINT = 5

/** The number of documents in the list at bytes start..end (forEachTerm's). */
export function listLengthAt(index: NgramIndexData, start: number, end: number): number {
  return encodedLength(index.lists.range(start, Math.min(end - start, MAX_VARINT)), 0)
}

/**
 * The postings lists needed to find `term`, shortest first: one for a single character, else
 * one per distinct adjacent pair (per distinct character when the index has no pairs). `null`
 * when some character or pair never occurs (no article can match).
 */
export function termLists(index: NgramIndexData, term: string): PostingReader[] | null {
  const ids: number[] = []
  for (let i = 0; i < term.length; i++) {
    const id = index.charIds[term.charCodeAt(i)] as number
    if (!id) return null
    ids.push(id)
  }
  const keys = new Set<number>()
  if (ids.length === 1 || !hasPairs(index)) for (const id of ids) keys.add(id)
  else
    for (let i = 0; i + 1 < ids.length; i++) {
      keys.add(index.radix + (ids[i] as number) * index.radix + (ids[i + 1] as number))
    }
  const lists: PostingReader[] = []
  for (const key of keys) {
    const span = findList(index.terms, key)
    if (!span) return null
    // The list's own bytes: a view of its cached page unless it spans pages.
    lists.push(new PostingReader(index.lists.range(span.start, span.end - span.start), 0))
  }
  return lists.sort((a, b) => a.length - b.length)
}

/**
 * The length of each list `term` needs, by gram — each distinct adjacent pair (each distinct
 * character when the index has no pairs; the one character of a one-character term) — 0 for a
 * list this index lacks. Several segments add theirs up gram by gram, so a query is planned (and
 * its later groups' document frequency bounded) exactly as one index over all their documents
 * would.
 */
export function listLengths(index: NgramIndexData, term: string): Map<string, number> {
  const out = new Map<string, number>()
  // A segment with no terms at all says nothing about the lists (rather than "all empty").
  if (index.terms.count === 0) return out
  const lengthOf = (key: number): number => {
    const span = findList(index.terms, key)
    return span ? listLengthAt(index, span.start, span.end) : 0
  }
  const id = (i: number): number => index.charIds[term.charCodeAt(i)] as number
  if (term.length === 1 || !hasPairs(index)) {
    for (let i = 0; i < term.length; i++) out.set(term[i] as string, id(i) ? lengthOf(id(i)) : 0)
    return out
  }
  for (let i = 0; i + 1 < term.length; i++) {
    const a = id(i)
    const b = id(i + 1)
    out.set(term.slice(i, i + 2), a && b ? lengthOf(index.radix + a * index.radix + b) : 0)
  }
  return out
}
