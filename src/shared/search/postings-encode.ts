// The encoder of the compressed postings lists whose format postings.ts describes and reads:
// used once per segment build, after the flat lists are filled (ngram.ts).
import { BLOCK, MODE_ONES, MODE_PACKED, MODE_RAW, TF_COUNT, TF_HEADLINE } from './postings'

/** A growable byte buffer the encoder writes to; bits are packed least significant first. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16)
  length = 0
  private acc = 0
  private accBits = 0

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return
    let size = this.bytes.length * 2
    while (size < this.length + n) size *= 2
    const b = new Uint8Array(size)
    b.set(this.bytes.subarray(0, this.length))
    this.bytes = b
  }

  byte(v: number): void {
    this.room(1)
    this.bytes[this.length++] = v
  }

  append(b: Uint8Array): void {
    this.room(b.length)
    this.bytes.set(b, this.length)
    this.length += b.length
  }

  varint(v: number): void {
    this.room(5)
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80
      v = Math.floor(v / 128)
    }
    this.bytes[this.length++] = v
  }

  /** Appends the low `w` bits of `v` (w ≤ 32); call flushBits at the end of a packed run. */
  bits(v: number, w: number): void {
    if (w > 16) {
      this.bits(v & 0xffff, 16)
      this.bits(Math.floor(v / 65536), w - 16)
      return
    }
    this.room(3)
    // accBits < 8 here, so the accumulator never exceeds 24 bits.
    this.acc |= v << this.accBits
    this.accBits += w
    while (this.accBits >= 8) {
      this.bytes[this.length++] = this.acc & 0xff
      this.acc >>>= 8
      this.accBits -= 8
    }
  }

  flushBits(): void {
    if (this.accBits > 0) this.byte(this.acc & 0xff)
    this.acc = 0
    this.accBits = 0
  }
}

/** Bits needed for `v` (0 for 0). */
function width(v: number): number {
  return v === 0 ? 0 : v >= 2 ** 31 ? 32 : 32 - Math.clz32(v)
}

function encodeBlock(out: ByteWriter, docs: Uint32Array, tf: Uint8Array, base: number): void {
  const n = docs.length
  let prev = base
  let maxDelta = 0
  let maxCount = 0
  let heads = false
  let ones = true
  for (let i = 0; i < n; i++) {
    const d = (docs[i] as number) - prev - 1
    if (d > maxDelta) maxDelta = d
    prev = docs[i] as number
    const t = tf[i] as number
    if (t !== 1) ones = false
    if (t & TF_HEADLINE) heads = true
    if ((t & TF_COUNT) - 1 > maxCount) maxCount = (t & TF_COUNT) - 1
  }
  const dw = width(maxDelta)
  const cw = width(maxCount)
  const packedBytes = 1 + (heads ? (n + 7) >> 3 : 0) + ((n * cw + 7) >> 3)
  const mode = ones ? MODE_ONES : n <= packedBytes ? MODE_RAW : MODE_PACKED
  out.byte(dw | (mode << 6))
  for (let i = 0, p = base; i < n; i++) {
    out.bits((docs[i] as number) - p - 1, dw)
    p = docs[i] as number
  }
  out.flushBits()
  if (mode === MODE_RAW) for (let i = 0; i < n; i++) out.byte(tf[i] as number)
  else if (mode === MODE_PACKED) {
    out.byte(cw | (heads ? 8 : 0))
    if (heads) {
      for (let i = 0; i < n; i++) out.bits((tf[i] as number) & TF_HEADLINE ? 1 : 0, 1)
      out.flushBits()
    }
    for (let i = 0; i < n; i++) out.bits(((tf[i] as number) & TF_COUNT) - 1, cw)
    out.flushBits()
  }
}

/** Appends one list (docs ascending, a tf byte each, at least one posting) to `out`. */
function encodeList(out: ByteWriter, body: ByteWriter, docs: Uint32Array, tf: Uint8Array): void {
  const n = docs.length
  const blocks = Math.ceil(n / BLOCK)
  out.varint(n)
  if (blocks === 1) {
    encodeBlock(out, docs, tf, -1)
    return
  }
  // The blocks go to a scratch writer first: the skip table before them needs their lengths.
  body.length = 0
  const lengths: number[] = []
  for (let b = 0; b < blocks; b++) {
    const from = b * BLOCK
    const to = Math.min(n, from + BLOCK)
    const start = body.length
    encodeBlock(body, docs.subarray(from, to), tf.subarray(from, to), b ? docs[from - 1]! : -1)
    lengths.push(body.length - start)
  }
  let last = 0
  for (let b = 0; b < blocks; b++) {
    const blockLast = docs[Math.min(n, (b + 1) * BLOCK) - 1] as number
    out.varint(blockLast - last)
    last = blockLast
    if (b + 1 < blocks) out.varint(lengths[b] as number)
  }
  out.append(body.bytes.subarray(0, body.length))
}

export interface EncodedLists {
  /** starts[k]..starts[k+1] are the bytes of list k; length lists + 1. */
  starts: Uint32Array
  bytes: Uint8Array
}

/**
 * Encodes flat postings (list k is docs[offsets[k]..offsets[k+1]), ascending, with a tf byte
 * each) into one byte array of compressed lists.
 */
export function encodeLists(docs: Uint32Array, tf: Uint8Array, offsets: Uint32Array): EncodedLists {
  const out = new ByteWriter()
  const body = new ByteWriter()
  const lists = offsets.length - 1
  const starts = new Uint32Array(lists + 1)
  for (let k = 0; k < lists; k++) {
    starts[k] = out.length
    const from = offsets[k] as number
    const to = offsets[k + 1] as number
    encodeList(out, body, docs.subarray(from, to), tf.subarray(from, to))
  }
  starts[lists] = out.length
  return { starts, bytes: out.bytes.slice(0, out.length) }
}
