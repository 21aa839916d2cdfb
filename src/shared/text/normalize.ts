// The search normalizer. Text and queries pass through the same function, so whatever it folds
// (full-width forms, case, traditional characters, stray spaces and line breaks between Chinese
// characters) cannot make a query miss. It also returns, for every output character, the index
// of the input character it came from, so that a match can be highlighted in the original.
import { isCjkLike, isIgnorable, isWhitespace } from './chars'
import { foldTable } from './fold'

export interface MappedText {
  text: string
  /** map[i] = index in the input of the character that produced text[i]; map[text.length] = input length. */
  map: Int32Array
}

/** Version of the normalization rules; part of the index format, so a change forces a rebuild. */
export const NORMALIZER_VERSION = 1

const UNKNOWN = -1
const COMPLEX = -2
const REMOVED = -3
// Fast path: one code unit in, one code unit out (almost every Chinese and ASCII character).
let simple: Int32Array | undefined
const complex = new Map<number, string>()

function mapCodePoint(cp: number): string {
  if (isIgnorable(cp)) return ''
  // A lone surrogate is broken input (mojibake); it becomes the replacement character.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd'
  const fold = foldTable()
  let s = String.fromCodePoint(cp)
  // Iterate to a fixpoint so that normalizing twice changes nothing.
  for (let i = 0; i < 4; i++) {
    let next = ''
    for (const c of s.normalize('NFKC').toLowerCase()) {
      const code = c.codePointAt(0) as number
      if (isIgnorable(code)) continue
      next += fold.get(c) ?? c
    }
    if (next === s) break
    s = next
  }
  return s
}

function lookupBmp(code: number): number {
  simple ??= new Int32Array(0x10000).fill(UNKNOWN)
  let v = simple[code] as number
  if (v === UNKNOWN) {
    const s = mapCodePoint(code)
    if (s.length === 0) v = REMOVED
    else if (s.length === 1) v = s.charCodeAt(0)
    else {
      v = COMPLEX
      complex.set(code, s)
    }
    simple[code] = v
  }
  return v
}

/**
 * Normalizes for search: NFKC, lower case, traditional → simplified, invisible characters
 * dropped, whitespace removed where it touches a CJK character and collapsed to one space
 * elsewhere, trimmed.
 */
export function normalizeMapped(input: string): MappedText {
  const n = input.length
  let out = new Uint16Array(n + 16)
  let map = new Int32Array(n + 17)
  let len = 0
  let pendingSpaceAt = -1

  const push = (code: number, from: number): void => {
    if (len >= out.length) {
      const bigger = new Uint16Array(out.length * 2)
      bigger.set(out)
      out = bigger
      const biggerMap = new Int32Array(out.length + 1)
      biggerMap.set(map)
      map = biggerMap
    }
    out[len] = code
    map[len] = from
    len++
  }
  const emitChar = (code: number, from: number): void => {
    if (pendingSpaceAt >= 0) {
      if (len > 0 && !isCjkLike(out[len - 1] as number) && !isCjkLike(code))
        push(0x20, pendingSpaceAt)
      pendingSpaceAt = -1
    }
    push(code, from)
  }

  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i)
    if (isWhitespace(code)) {
      if (pendingSpaceAt < 0) pendingSpaceAt = i
      continue
    }
    let mapped: number
    let str: string | undefined
    let width = 1
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = input.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        width = 2
        const cp = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
        str = complex.get(cp)
        if (str === undefined) {
          str = mapCodePoint(cp)
          complex.set(cp, str)
        }
      }
    }
    if (str === undefined) {
      mapped = lookupBmp(code)
      if (mapped === REMOVED) continue
      if (mapped !== COMPLEX) {
        if (isWhitespace(mapped)) {
          if (pendingSpaceAt < 0) pendingSpaceAt = i
        } else emitChar(mapped, i)
        continue
      }
      str = complex.get(code) as string
    }
    // A character that stays one (an astral one kept as its pair) maps unit for unit, so that a
    // match ending in it is not cut between its surrogates; an expansion maps to where it began.
    const unitwise = str.length === width
    for (let k = 0; k < str.length; k++) {
      const c = str.charCodeAt(k)
      if (isWhitespace(c)) {
        if (pendingSpaceAt < 0) pendingSpaceAt = i
      } else emitChar(c, unitwise ? i + k : i)
    }
    i += width - 1
  }
  map[len] = n
  return { text: decodeUtf16(out, len), map: map.subarray(0, len + 1) }
}

const utf16 = new TextDecoder('utf-16le')

function decodeUtf16(buf: Uint16Array, len: number): string {
  // TextDecoder is much faster than String.fromCharCode for long runs. The output holds no lone
  // surrogates (they were replaced above), so decoding is lossless.
  if (len < 64) return String.fromCharCode(...buf.subarray(0, len))
  return utf16.decode(buf.subarray(0, len))
}

/** Normalized text only, for queries and for building the index. */
export function normalize(input: string): string {
  return normalizeMapped(input).text
}
