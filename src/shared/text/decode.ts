// Decoding of page files: UTF-8 (with or without BOM), GB18030 and Big5, declared or detected.
// Anything we cannot decode with confidence is refused with the byte offset, never guessed.
import type { TextEncodingName } from '../types'

/** A page of newspaper text is tens of kilobytes; far larger input is a mistake (or not text). */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024

export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  hadBom: boolean
  /** Line endings found in the input; the text itself always uses LF. */
  lineEndings: LineEndings
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly byteOffset?: number,
  ) {
    super(message)
    this.name = 'DecodeError'
  }
}

export function isEncodingName(name: string): name is TextEncodingName {
  return name === 'utf-8' || name === 'gb18030' || name === 'big5'
}

/** Maps the names people write (utf8, GBK, gb2312, big-5…) to one we decode. */
export function parseEncodingName(name: string): TextEncodingName | undefined {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-')
  if (n === 'utf-8' || n === 'utf8') return 'utf-8'
  if (['gb18030', 'gbk', 'gb2312', 'cp936', 'gb-18030'].includes(n)) return 'gb18030'
  if (['big5', 'big-5', 'cp950', 'big5-hkscs'].includes(n)) return 'big5'
  return undefined
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Offset of the first byte that `encoding` cannot decode (binary search over streamed prefixes). */
export function firstInvalidByte(bytes: Uint8Array, encoding: TextEncodingName): number {
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    let ok = true
    try {
      // stream: true leaves an incomplete sequence at the end pending instead of failing on it.
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
    } catch {
      ok = false
    }
    if (ok) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Big5 puts about half of its characters' second byte in 0x40–0x7E; GB2312 never does and GBK
 * only for rare extension characters. Counting that share tells the two apart reliably.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0
  let lowTrail = 0
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i] as number
    if (b < 0x81) continue
    const t = bytes[i + 1] as number
    pairs++
    if (t >= 0x40 && t <= 0x7e) lowTrail++
    i++
  }
  return pairs > 0 && lowTrail / pairs > 0.15
}

function lineEndingsOf(text: string): LineEndings {
  const crlf = (text.match(/\r\n/g) ?? []).length
  const cr = (text.match(/\r(?!\n)/g) ?? []).length
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length
  if (kinds === 0) return 'none'
  if (kinds > 1) return 'mixed'
  return crlf ? 'crlf' : cr ? 'cr' : 'lf'
}

function checkBinary(bytes: Uint8Array): void {
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    throw new DecodeError(
      `binary data (a NUL byte) at byte ${nul}; expected a plain-text page`,
      nul,
    )
  }
  let controls = 0
  let first = -1
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls++
      if (first < 0) first = i
    }
  }
  if (controls > 0 && controls / bytes.length > 0.001) {
    throw new DecodeError(
      `binary data: ${controls} control bytes, the first at byte ${first}; expected a plain-text page`,
      first,
    )
  }
}

/**
 * Decodes a page file. With `declared`, only that encoding is tried; otherwise UTF-8 first (it
 * almost never decodes other encodings by accident), then GB18030 or Big5 by their byte patterns.
 */
export function decodeText(bytes: Uint8Array, declared?: TextEncodingName): DecodedText {
  if (bytes.length === 0) throw new DecodeError('the file is empty; a page needs its text')
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    throw new DecodeError(
      `the file is ${mb} MB; a page's text is at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB — split it into one file per page`,
    )
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DecodeError(
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8',
      0,
    )
  }
  checkBinary(bytes)
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hadBom ? bytes.subarray(3) : bytes
  if (hadBom && declared && declared !== 'utf-8') {
    throw new DecodeError(
      `declared ${declared}, but the file starts with a UTF-8 byte-order mark`,
      0,
    )
  }

  let encoding: TextEncodingName
  let raw: string | undefined
  if (declared || hadBom) {
    encoding = declared ?? 'utf-8'
    raw = tryDecode(body, encoding)
    if (raw === undefined) {
      const at = firstInvalidByte(body, encoding) + (hadBom ? 3 : 0)
      throw new DecodeError(`not valid ${encoding}: undecodable bytes at byte ${at}`, at)
    }
  } else {
    raw = tryDecode(body, 'utf-8')
    encoding = 'utf-8'
    if (raw === undefined) {
      const order: TextEncodingName[] = looksLikeBig5(body)
        ? ['big5', 'gb18030']
        : ['gb18030', 'big5']
      for (const candidate of order) {
        raw = tryDecode(body, candidate)
        if (raw !== undefined) {
          encoding = candidate
          break
        }
      }
    }
    if (raw === undefined) {
      const at = firstInvalidByte(body, 'utf-8')
      throw new DecodeError(
        `cannot tell the encoding: not UTF-8 (bad bytes at byte ${at}), nor GB18030, nor Big5; convert the file to UTF-8 or declare its encoding`,
        at,
      )
    }
  }
  checkDecodedText(raw)
  return {
    text: raw.replace(/\r\n?/g, '\n'),
    encoding,
    hadBom,
    lineEndings: lineEndingsOf(raw),
  }
}

/**
 * Decodes a page that was checked when it entered the archive (its encoding is recorded): no
 * detection and no content checks, which cost more than the decoding on a multi-megabyte page.
 * Undecodable bytes (a file changed on disk) still fail, with the offset.
 */
export function decodeKnown(bytes: Uint8Array, encoding: TextEncodingName): string {
  const hadBom = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = hadBom ? bytes.subarray(3) : bytes
  const text = tryDecode(body, encoding)
  if (text === undefined) {
    const at = firstInvalidByte(body, encoding) + (hadBom ? 3 : 0)
    throw new DecodeError(`not valid ${encoding}: undecodable bytes at byte ${at}`, at)
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Refuses text that an earlier conversion already damaged. */
function checkDecodedText(text: string): void {
  const bad = text.indexOf('\ufffd')
  if (bad >= 0) {
    throw new DecodeError(
      `the text contains U+FFFD replacement characters (first on line ${lineOf(text, bad)}): it was damaged by an earlier conversion; export the page again from the original`,
    )
  }
  // UTF-8 read as Latin-1 and saved again ("å¸‚" for 市): many Latin-1 letters, almost no Han.
  const latin = (text.match(/[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0192]/g) ?? [])
    .length
  const han = (text.match(/[\u4e00-\u9fff]/g) ?? []).length
  if (latin >= 8 && latin > han) {
    const at = text.search(/[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0192]/)
    throw new DecodeError(
      `the text looks like mojibake (UTF-8 read as Latin-1, e.g. "${text.slice(at, at + 6)}" on line ${lineOf(text, at)}); convert it back to UTF-8 before adding it`,
    )
  }
}

export function lineOf(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
