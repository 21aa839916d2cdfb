// Decoding of page files: UTF-8 (with or without BOM), GB18030 and Big5 (WHATWG, with HKSCS),
// declared or detected.
// Anything we cannot decode with confidence is refused with the byte offset, never guessed.
import { UserFacingError } from '../errors'
import type { TextEncodingName } from '../types'
import {
  firstInvalidByte,
  oddness,
  privateUseOffsets,
  undecodableCount,
  textFigures,
  truncatedAt,
  tryDecode,
} from './legacy'
import type { TextFigures } from './legacy'

export { firstInvalidByte } from './legacy'

/**
 * Version of the decoders: 2 = GB18030 and Big5 by the WHATWG standard (HKSCS included), where
 * 1 was the runtime's ICU. Part of the archive key, so an index built from the old text is rebuilt.
 */
export const DECODER_VERSION = 2

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

export class DecodeError extends UserFacingError {
  readonly errorCode = 'bad-data'
  constructor(
    message: string,
    readonly byteOffset?: number,
  ) {
    super(message)
    this.name = 'DecodeError'
  }
}

/**
 * The names a librarian may declare. Each is reported as declared and decoded by the WHATWG
 * decoder it belongs to: GBK and GB2312 files are read by the GB18030 decoder (a superset), and
 * Big5-HKSCS and CP950 by the big5 decoder, whose index includes HKSCS and CP950's additions.
 */
export const ENCODING_LABELS = [
  'utf-8',
  'gb18030',
  'gbk',
  'gb2312',
  'big5',
  'big5-hkscs',
  'cp950',
] as const
export type EncodingLabel = (typeof ENCODING_LABELS)[number]

const DECODER_OF: Record<EncodingLabel, TextEncodingName> = {
  'utf-8': 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  cp950: 'big5',
}

export function decoderOf(label: EncodingLabel): TextEncodingName {
  return DECODER_OF[label]
}

/** Maps the names people write (utf8, GBK, gb2312, big-5, Big5-HKSCS…) to a label we decode. */
export function parseEncodingLabel(name: string): EncodingLabel | undefined {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-')
  if (n === 'utf-8' || n === 'utf8') return 'utf-8'
  if (n === 'gb18030' || n === 'gb-18030') return 'gb18030'
  if (n === 'gbk' || n === 'cp936') return 'gbk'
  if (n === 'gb2312' || n === 'gb-2312') return 'gb2312'
  if (n === 'big5' || n === 'big-5') return 'big5'
  if (n === 'big5-hkscs' || n === 'big5hkscs') return 'big5-hkscs'
  if (n === 'cp950' || n === 'windows-950') return 'cp950'
  return undefined
}

export const ENCODING_HELP = 'utf-8, gb18030, gbk, gb2312, big5, big5-hkscs or cp950'

function lineEndingsOf(text: string): LineEndings {
  const crlf = (text.match(/\r\n/g) ?? []).length
  const cr = (text.match(/\r(?!\n)/g) ?? []).length
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length
  if (kinds === 0) return 'none'
  if (kinds > 1) return 'mixed'
  return crlf ? 'crlf' : cr ? 'cr' : 'lf'
}

/**
 * UTF-16, with a byte-order mark or without: then the zero bytes of its ASCII characters (line
 * breaks, digits) stand on one side of the byte pairs (the other side has only the rare
 * character like 开 U+5F00), which binary data does not do.
 */
function checkUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? 'LE' : 'BE'
    throw new DecodeError(
      `the file is UTF-16${order} (it starts with a UTF-16 byte-order mark); save it as UTF-8`,
      0,
    )
  }
  const n = Math.min(bytes.length, 4096) & ~1
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  const zeros = Math.max(evenZero, oddZero)
  if (zeros >= 2 && zeros >= 0.01 * pairs && Math.min(evenZero, oddZero) * 8 <= zeros) {
    const order = oddZero > evenZero ? 'LE' : 'BE'
    throw new DecodeError(
      `the file looks like UTF-16${order} without a byte-order mark (a zero byte in every other position); save it as UTF-8`,
      bytes.indexOf(0),
    )
  }
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

export interface DecodeOptions {
  /** Keep private-use code points (the librarian checked that the source really has them). */
  allowPrivateUse?: boolean
}

const CANDIDATES: readonly TextEncodingName[] = ['utf-8', 'gb18030', 'big5']

interface Reading {
  encoding: TextEncodingName
  text: string
  figures: TextFigures
}

function read(body: Uint8Array, encoding: TextEncodingName): Reading | undefined {
  const text = tryDecode(body, encoding)
  return text === undefined ? undefined : { encoding, text, figures: textFigures(text) }
}

function describe(r: Reading, name: string = r.encoding): string {
  const f = r.figures
  return `as ${name}, ${f.rare} of ${f.han} Han characters are rare and ${f.privateUse} private-use`
}

/**
 * The reading with clearly fewer rare and private-use characters than `reading`, if another
 * candidate decodes the bytes without an error: then the declaration is wrong.
 */
function clearlyBetter(body: Uint8Array, reading: Reading): Reading | undefined {
  const odd = oddness(reading.figures)
  // A few rare characters are normal (names, places); a wrong reading has them by the hundred.
  if (odd < 4 || odd < 0.05 * (reading.figures.han + reading.figures.privateUse)) return undefined
  let best: Reading | undefined
  for (const e of CANDIDATES) {
    if (e === reading.encoding) continue
    const r = read(body, e)
    if (r && (!best || oddness(r.figures) < oddness(best.figures))) best = r
  }
  return best && oddness(best.figures) * 4 <= odd ? best : undefined
}

/** Another candidate that decodes the bytes with few rare or private-use characters. */
function betterThanUndecodable(body: Uint8Array, encoding: TextEncodingName): Reading | undefined {
  for (const e of CANDIDATES) {
    if (e === encoding) continue
    const r = read(body, e)
    if (r && oddness(r.figures) <= 0.05 * Math.max(1, r.figures.han + r.figures.privateUse))
      return r
  }
  return undefined
}

function cutShort(at: number, encoding: TextEncodingName): DecodeError {
  return new DecodeError(
    `the file ends in the middle of a character at byte ${at} (it reads as ${encoding} up to there): it was cut short; copy or export it again`,
    at,
  )
}

/**
 * Decodes a page file. With `declared`, that encoding is used, but checked against the bytes:
 * when another one reads them with clearly fewer rare or private-use characters, the declaration
 * is refused with both figures. Undeclared: UTF-8 when the bytes are valid UTF-8 (other encodings
 * almost never are), else GB18030 or Big5, whichever reads with fewer rare characters.
 */
export function decodeText(
  bytes: Uint8Array,
  declared?: EncodingLabel,
  options: DecodeOptions = {},
): DecodedText {
  if (bytes.length === 0) throw new DecodeError('the file is empty; a page needs its text')
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1)
    throw new DecodeError(
      `the file is ${mb} MB; a page's text is at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB — split it into one file per page`,
    )
  }
  checkUtf16(bytes)
  checkBinary(bytes)
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const skip = hadBom ? 3 : 0
  const body = hadBom ? bytes.subarray(3) : bytes
  const wanted = declared && decoderOf(declared)
  if (hadBom && wanted && wanted !== 'utf-8') {
    throw new DecodeError(
      `declared ${declared}, but the file starts with a UTF-8 byte-order mark`,
      0,
    )
  }

  let reading: Reading | undefined
  if (wanted || hadBom) {
    const encoding = wanted ?? 'utf-8'
    reading = read(body, encoding)
    if (!reading) {
      const cut = truncatedAt(body, encoding)
      if (cut !== undefined) throw cutShort(cut + skip, encoding)
      const at = firstInvalidByte(body, encoding) + skip
      const other = wanted ? betterThanUndecodable(body, encoding) : undefined
      if (other) {
        const errors = undecodableCount(body, encoding)
        throw new DecodeError(
          `declared ${declared}, but the bytes do not read as ${declared}: as ${declared}, ${errors} undecodable byte sequence(s), the first at byte ${at}; ${describe(other)} — declare --encoding ${other.encoding} (or leave the encoding undeclared)`,
          at,
        )
      }
      throw new DecodeError(
        `not valid ${declared ?? encoding}: undecodable bytes at byte ${at}`,
        at,
      )
    }
    const better = wanted ? clearlyBetter(body, reading) : undefined
    if (better) {
      throw new DecodeError(
        `declared ${declared}, but the bytes do not read as ${declared}: ${describe(reading, declared)}; ${describe(better)} — declare --encoding ${better.encoding} (or leave the encoding undeclared)`,
      )
    }
  } else {
    reading = read(body, 'utf-8')
    if (!reading) {
      const legacy = (['gb18030', 'big5'] as const)
        .map((e) => read(body, e))
        .filter((r): r is Reading => r !== undefined)
        .sort((a, b) => oddness(a.figures) - oddness(b.figures))
      reading = legacy[0]
    }
    if (!reading) {
      // A file that decodes but for its last, incomplete character was cut short.
      for (const e of CANDIDATES) {
        const cut = truncatedAt(body, e)
        if (cut !== undefined) throw cutShort(cut + skip, e)
      }
      const at = firstInvalidByte(body, 'utf-8')
      throw new DecodeError(
        `cannot tell the encoding: not UTF-8 (bad bytes at byte ${at}), nor GB18030, nor Big5; convert the file to UTF-8 or declare its encoding`,
        at,
      )
    }
  }
  const raw = reading.text
  if (reading.figures.privateUse > 0 && !options.allowPrivateUse) {
    const offsets = privateUseOffsets(body, reading.encoding).map((o) => o + skip)
    throw new DecodeError(
      `${reading.figures.privateUse} private-use character(s) when read as ${reading.encoding} (bytes at ${offsets.join(', ')}${reading.figures.privateUse > offsets.length ? ', …' : ''}): the encoding has no standard character for them; fix the source, declare the right encoding, or allow them explicitly (--allow-private-use)`,
      offsets[0],
    )
  }
  checkDecodedText(raw)
  return {
    text: raw.replace(/\r\n?/g, '\n'),
    encoding: reading.encoding,
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
