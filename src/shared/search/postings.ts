// Compressed postings lists (Lucene's block format, in our terms). Flat Uint32 doc ids and a tf
// byte per posting were 5 bytes a posting — most of the index, on disk and in memory — so each
// term's list is kept as bytes and decoded per term at query time:
//
//   list  := varint n, [skip table when n > BLOCK], block*
//   skip  := per block: varint (its last doc − the previous block's last doc), and for all but
//            the last block varint (its byte length)
//   block := header byte (doc width 0–32 | tf mode << 6), the doc deltas bit-packed at that
//            width (each doc − the previous doc − 1, the first against the previous block's last
//            doc, or −1), then its tf bytes:
//            mode 0: none (every tf byte is 1: one occurrence, not in the headline);
//            mode 1: one raw byte each;
//            mode 2: a byte (count width 0–7 | has-headline << 3), a headline bitmap when it has
//            any, then count − 1 bit-packed at that width.
//
// Frame-of-reference packing per block of BLOCK postings keeps dense lists (frequent characters)
// at a few bits a posting; the skip table lets an intersection jump to the one block that can
// hold a candidate (PostingReader.seek) instead of decoding the whole list. The encoder is
// postings-encode.ts.

/**
 * A tf byte: bits 0–6 = occurrences in the document (capped at 127, at least 1), bit 7 = occurs
 * in the headline.
 */
export const TF_HEADLINE = 0x80
export const TF_COUNT = 0x7f

/** Postings per block. */
export const BLOCK = 128
/** Candidates at least 1/DENSE of a list's length are intersected with it whole (intersectList). */
const DENSE = 8

/** Block tf modes (see above). */
export const MODE_ONES = 0
export const MODE_RAW = 1
export const MODE_PACKED = 2

/** Reads varints and packed bits from a list's bytes. */
class ByteCursor {
  private acc = 0
  private accBits = 0
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  varint(): number {
    let v = 0
    let scale = 1
    for (;;) {
      const b = this.bytes[this.at++] as number
      v += (b & 0x7f) * scale
      if (b < 0x80) return v
      scale *= 128
    }
  }

  byte(): number {
    return this.bytes[this.at++] as number
  }

  bits(w: number): number {
    if (w > 16) {
      const lo = this.bits(16)
      return lo + this.bits(w - 16) * 65536
    }
    while (this.accBits < w) {
      this.acc |= (this.bytes[this.at++] as number) << this.accBits
      this.accBits += 8
    }
    const v = this.acc & ((1 << w) - 1)
    this.acc >>>= w
    this.accBits -= w
    return v
  }
}

/**
 * Unpacks n doc deltas of w bits (1–24) from byte `at` into docs[to..], each doc the one before
 * plus its delta plus one; returns the byte after them. The hot loop of every query: inlined bit
 * reads on a 32-bit accumulator, which never overflows as it holds fewer than w bits before a
 * byte is added. (One function per array type: a store site that sees both is slower.)
 */
function unpackDocs(
  bytes: Uint8Array,
  at: number,
  n: number,
  w: number,
  docs: Uint32Array,
  to: number,
  prev: number,
): number {
  const mask = (1 << w) - 1
  let acc = 0
  let accBits = 0
  let p = at
  for (let i = 0; i < n; i++) {
    while (accBits < w) {
      acc |= (bytes[p++] as number) << accBits
      accBits += 8
    }
    prev += (acc & mask) + 1
    docs[to + i] = prev
    acc >>>= w
    accBits -= w
  }
  return p
}

/**
 * Unpacks a block's packed tf bytes from byte `at`: the headline bitmap when `heads`, then the
 * counts − 1 at w bits (0–7), in one pass over both.
 */
function unpackTf(
  bytes: Uint8Array,
  at: number,
  n: number,
  w: number,
  heads: boolean,
  tf: Uint8Array,
  to: number,
): void {
  const mask = (1 << w) - 1
  const bitmap = at
  let acc = 0
  let accBits = 0
  let p = heads ? at + ((n + 7) >> 3) : at
  for (let i = 0; i < n; i++) {
    let count = 1
    if (w > 0) {
      if (accBits < w) {
        acc |= (bytes[p++] as number) << accBits
        accBits += 8
      }
      count += acc & mask
      acc >>>= w
      accBits -= w
    }
    const head = heads ? ((bytes[bitmap + (i >> 3)] as number) >> (i & 7)) & 1 : 0
    tf[to + i] = (head << 7) | count
  }
}

/** Decodes the block at `at` (n postings after doc `prev`) into docs/tf from position `to`. */
function decodeBlock(
  bytes: Uint8Array,
  at: number,
  n: number,
  prev: number,
  docs: Uint32Array,
  tf: Uint8Array,
  to: number,
): void {
  const header = bytes[at] as number
  const dw = header & 0x3f
  const mode = header >> 6
  let p = at + 1
  if (dw === 0) for (let i = 0; i < n; i++) docs[to + i] = ++prev
  else if (dw <= 24) p = unpackDocs(bytes, p, n, dw, docs, to, prev)
  else {
    // Gaps above 2^24 documents: rare enough for the general reader.
    const c = new ByteCursor(bytes, p)
    for (let i = 0; i < n; i++) docs[to + i] = prev += c.bits(dw) + 1
    p = c.at
  }
  if (mode === MODE_ONES) tf.fill(1, to, to + n)
  else if (mode === MODE_RAW) tf.set(bytes.subarray(p, p + n), to)
  else {
    const spec = bytes[p++] as number
    unpackTf(bytes, p, n, spec & 7, (spec & 8) !== 0, tf, to)
  }
}

/** The number of postings of the list starting at byte `at`. */
export function encodedLength(bytes: Uint8Array, at: number): number {
  return new ByteCursor(bytes, at).varint()
}

/**
 * One term's compressed list, read on demand: whole (decodeAll), or probed for ascending doc ids
 * (seek), which decodes only the blocks the skip table says can hold them.
 */
export class PostingReader {
  readonly length: number
  /** Set once a seek went past the last doc: no later target can be found. */
  done = false
  private readonly blocks: number
  private readonly lasts: Uint32Array
  private readonly starts: Uint32Array
  private docs: Uint32Array | undefined
  private tf: Uint8Array | undefined
  private cur = -1
  private pos = 0

  constructor(
    private readonly bytes: Uint8Array,
    at: number,
  ) {
    const c = new ByteCursor(bytes, at)
    this.length = c.varint()
    this.blocks = Math.ceil(this.length / BLOCK)
    this.lasts = new Uint32Array(this.blocks)
    this.starts = new Uint32Array(this.blocks)
    if (this.blocks === 1) {
      // Its last doc is known once the block is decoded.
      this.lasts[0] = 0xffffffff
      this.starts[0] = c.at
      return
    }
    let last = 0
    const lengths: number[] = []
    for (let b = 0; b < this.blocks; b++) {
      last += c.varint()
      this.lasts[b] = last
      if (b + 1 < this.blocks) lengths.push(c.varint())
    }
    let start = c.at
    for (let b = 0; b < this.blocks; b++) {
      this.starts[b] = start
      start += lengths[b] ?? 0
    }
  }

  private blockSize(b: number): number {
    return b + 1 < this.blocks ? BLOCK : this.length - b * BLOCK
  }

  /** The whole list: doc ids ascending and their tf bytes. */
  decodeAll(): { docs: Uint32Array; tf: Uint8Array } {
    const docs = new Uint32Array(this.length)
    const tf = new Uint8Array(this.length)
    for (let b = 0; b < this.blocks; b++) {
      const prev = b ? (this.lasts[b - 1] as number) : -1
      decodeBlock(
        this.bytes,
        this.starts[b] as number,
        this.blockSize(b),
        prev,
        docs,
        tf,
        b * BLOCK,
      )
    }
    return { docs, tf }
  }

  /**
   * The tf byte of `doc` when the list holds it, else 0 (a tf byte is never 0). Targets must not
   * decrease from one call to the next; a target past the list's last doc sets `done`.
   */
  seek(doc: number): number {
    if (this.done) return 0
    let b = this.cur < 0 ? 0 : this.cur
    if (this.cur < 0 || doc > (this.lasts[b] as number)) {
      // Gallop over the blocks' last docs to the first block that can hold `doc`.
      b = gallop(this.lasts, doc, b)
      if (b >= this.blocks) {
        this.done = true
        return 0
      }
    }
    if (b !== this.cur) this.load(b)
    const docs = this.docs as Uint32Array
    const n = this.blockSize(b)
    let i = this.pos
    while (i < n && (docs[i] as number) < doc) i++
    this.pos = i
    if (i === n) {
      // Only a one-block list, whose last doc was not known, gets here.
      this.done = true
      return 0
    }
    return docs[i] === doc ? ((this.tf as Uint8Array)[i] as number) : 0
  }

  private load(b: number): void {
    this.docs ??= new Uint32Array(BLOCK)
    this.tf ??= new Uint8Array(BLOCK)
    const prev = b ? (this.lasts[b - 1] as number) : -1
    const n = this.blockSize(b)
    decodeBlock(this.bytes, this.starts[b] as number, n, prev, this.docs, this.tf, 0)
    if (this.blocks === 1) this.lasts[0] = this.docs[n - 1] as number
    this.cur = b
    this.pos = 0
  }
}

/** First index in sorted `list` at or after `from` whose value is ≥ `value` (galloping). */
function gallop(list: ArrayLike<number>, value: number, from: number): number {
  let step = 1
  let hi = from
  while (hi < list.length && (list[hi] as number) < value) {
    from = hi + 1
    hi += step
    step *= 2
  }
  hi = Math.min(hi, list.length)
  while (from < hi) {
    const mid = (from + hi) >>> 1
    if ((list[mid] as number) < value) from = mid + 1
    else hi = mid
  }
  return from
}

/**
 * Intersects sorted `candidates` with sorted `list`, walking the shorter one and galloping
 * through the longer. When `positions` is given, it receives each kept value's position in `list`.
 */
export function intersect(
  candidates: ArrayLike<number>,
  list: ArrayLike<number>,
  positions?: number[],
): number[] {
  const out: number[] = []
  if (candidates.length <= list.length) {
    let j = 0
    for (let i = 0; i < candidates.length && j < list.length; i++) {
      const v = candidates[i] as number
      j = gallop(list, v, j)
      if (list[j] === v) {
        out.push(v)
        positions?.push(j)
      }
    }
  } else {
    let i = 0
    for (let j = 0; j < list.length && i < candidates.length; j++) {
      const v = list[j] as number
      i = gallop(candidates, v, i)
      if (candidates[i] === v) {
        out.push(v)
        positions?.push(j)
      }
    }
  }
  return out
}

/**
 * The values of ascending `candidates` that `list` holds, in order; `tf` receives the tf byte of
 * each kept one. Each of the list's blocks is decoded at most once, and only when a candidate
 * can lie in it; a list the candidates are dense in is decoded whole and merged.
 */
export function intersectList(
  candidates: ArrayLike<number>,
  list: PostingReader,
  tf?: number[],
): number[] {
  // Candidates dense in the list: decoding it whole and merging costs less than a seek each.
  if (candidates.length * DENSE >= list.length) {
    const all = list.decodeAll()
    const positions: number[] | undefined = tf ? [] : undefined
    const out = intersect(candidates, all.docs, positions)
    if (tf && positions) for (const p of positions) tf.push(all.tf[p] as number)
    return out
  }
  const out: number[] = []
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[i] as number
    const t = list.seek(v)
    if (t !== 0) {
      out.push(v)
      tf?.push(t)
    } else if (list.done) break
  }
  return out
}
