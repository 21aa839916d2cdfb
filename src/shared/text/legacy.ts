// The decoders and the facts about characters that decoding is judged by. GB18030 (GBK, GB2312)
// and Big5 are decoded by the WHATWG Encoding Standard as @exodus/bytes implements it: its big5
// index includes HKSCS (0x96F5 → 埗 U+57D7), where the runtime's ICU converter gives private-use
// code points. UTF-8 is the runtime's own decoder, which is the same standard.
import { TextDecoder as WhatwgDecoder } from '@exodus/bytes/encoding.js'
import type { TextEncodingName } from '../types'

interface Decoder {
  decode(input: Uint8Array, options?: { stream?: boolean }): string
}

/** A fatal decoder: undecodable bytes throw. One per call (a decoder keeps stream state). */
export function fatalDecoder(encoding: TextEncodingName): Decoder {
  return encoding === 'utf-8'
    ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    : new WhatwgDecoder(encoding, { fatal: true, ignoreBOM: true })
}

/** The text, or undefined when some bytes cannot be decoded. */
export function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return fatalDecoder(encoding).decode(bytes)
  } catch {
    return undefined
  }
}

/** How many byte sequences the decoder replaces (with U+FFFD) in its non-fatal mode. */
export function undecodableCount(bytes: Uint8Array, encoding: TextEncodingName): number {
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
      : new WhatwgDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  let n = 0
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++
  return n
}

/** True when every byte decodes except an incomplete character at the very end. */
function decodesAsPrefix(bytes: Uint8Array, encoding: TextEncodingName): boolean {
  try {
    // stream: true leaves an incomplete sequence at the end pending instead of failing on it.
    fatalDecoder(encoding).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

/** Offset of the first byte that `encoding` cannot decode (binary search over streamed prefixes). */
export function firstInvalidByte(bytes: Uint8Array, encoding: TextEncodingName): number {
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (decodesAsPrefix(bytes.subarray(0, mid), encoding)) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Where the cut-off character starts when the bytes decode except for an incomplete character at
 * the end (the file was cut short), else undefined.
 */
export function truncatedAt(bytes: Uint8Array, encoding: TextEncodingName): number | undefined {
  if (!decodesAsPrefix(bytes, encoding)) return undefined
  // A character is at most 4 bytes: the complete text ends at most 3 bytes before the end.
  for (let k = bytes.length - 1; k >= Math.max(0, bytes.length - 3); k--)
    if (tryDecode(bytes.subarray(0, k), encoding) !== undefined) return k
  return undefined
}

/** The byte length of the character starting at `i`, by the encoding's lead-byte rules. */
function charLength(bytes: Uint8Array, i: number, encoding: TextEncodingName): number {
  const b = bytes[i] as number
  if (b < 0x80) return 1
  if (encoding === 'utf-8') return b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
  if (b === 0x80 || b === 0xff) return 1
  if (encoding === 'gb18030') {
    const t = bytes[i + 1] ?? 0
    return t >= 0x30 && t <= 0x39 ? 4 : 2
  }
  return 2
}

export function isPrivateUse(cp: number): boolean {
  return (
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    (cp >= 0xf0000 && cp <= 0xffffd) ||
    (cp >= 0x100000 && cp <= 0x10fffd)
  )
}

/** Byte offsets of the first `limit` characters that decode to private-use code points. */
export function privateUseOffsets(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  limit = 5,
): number[] {
  const out: number[] = []
  for (let i = 0; i < bytes.length && out.length < limit;) {
    const n = Math.min(charLength(bytes, i, encoding), bytes.length - i)
    if ((bytes[i] as number) >= 0x80) {
      const s = tryDecode(bytes.subarray(i, i + n), encoding) ?? ''
      for (const c of s) if (isPrivateUse(c.codePointAt(0) as number)) out.push(i)
    }
    i += n
  }
  return out
}

let common: Set<number> | undefined

/**
 * The characters ordinary newspaper text is made of: GB2312's level 1 (the 3,755 frequent
 * simplified characters) and Big5's level 1 (the 5,401 frequent traditional ones). Text in the
 * right encoding is almost all of these; the same bytes read in the wrong one land all over the
 * table, mostly on rare characters. Built once from the decoders themselves, not a copied table.
 */
function commonHan(): Set<number> {
  if (common) return common
  const set = new Set<number>()
  const add = (encoding: TextEncodingName, lead: number, trail: number): void => {
    const s = tryDecode(Uint8Array.of(lead, trail), encoding)
    if (s) set.add(s.codePointAt(0) as number)
  }
  for (let lead = 0xb0; lead <= 0xd7; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++) add('gb18030', lead, trail)
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0x7e; trail++) add('big5', lead, trail)
    // Level 1 ends at 0xC67E.
    if (lead < 0xc6) for (let trail = 0xa1; trail <= 0xfe; trail++) add('big5', lead, trail)
  }
  common = set
  return set
}

function isHan(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  )
}

/** How plausible a decoded text is: its Han characters, how many are rare, how many private-use. */
export interface TextFigures {
  han: number
  rare: number
  privateUse: number
}

export function textFigures(text: string): TextFigures {
  const set = commonHan()
  let han = 0
  let rare = 0
  let privateUse = 0
  for (const c of text) {
    const cp = c.codePointAt(0) as number
    if (cp < 0x3400) continue
    if (isPrivateUse(cp)) privateUse++
    else if (isHan(cp)) {
      han++
      if (!set.has(cp)) rare++
    }
  }
  return { han, rare, privateUse }
}

/** Rare and private-use characters together: what a wrong reading produces. */
export function oddness(f: TextFigures): number {
  return f.rare + f.privateUse
}
