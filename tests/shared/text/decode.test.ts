import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  decodeText,
  DecodeError,
  MAX_SOURCE_BYTES,
  decoderOf,
  parseEncodingLabel,
} from '../../../src/shared/text/decode'
import { FIXTURES } from '../../helpers'

const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, 'encodings', name))

describe('decodeText', () => {
  it('detects undeclared GB18030', () => {
    const d = decodeText(fixture('simplified.gb18030.txt'))
    expect(d.encoding).toBe('gb18030')
    expect(d.text).toContain('区发展和改革委员会获悉')
  })

  it('detects undeclared Big5', () => {
    const d = decodeText(fixture('traditional.big5.txt'))
    expect(d.encoding).toBe('big5')
    expect(d.text).toContain('記者從區發展和改革委員會獲悉')
  })

  it('strips a UTF-8 BOM and normalizes CRLF, reporting both', () => {
    const d = decodeText(fixture('simplified.utf8-bom-crlf.txt'))
    expect(d).toMatchObject({ encoding: 'utf-8', hadBom: true, lineEndings: 'crlf' })
    expect(d.text.startsWith('本报讯')).toBe(true)
    expect(d.text).not.toContain('\r')
  })

  it('honours a declared encoding and names the byte offset when it is wrong', () => {
    expect(decodeText(fixture('simplified.gb18030.txt'), 'gb18030').encoding).toBe('gb18030')
    expect(() => decodeText(fixture('simplified.gb18030.txt'), 'utf-8')).toThrow(
      /^declared utf-8, but the bytes do not read as utf-8: as utf-8, \d+ undecodable byte sequence\(s\), the first at byte 0; as gb18030, 0 of \d+ Han characters are rare and 0 private-use — declare --encoding gb18030/,
    )
    expect(() => decodeText(fixture('broken.txt'), 'utf-8')).toThrow(
      /not valid utf-8: undecodable bytes at byte 25\b/,
    )
  })

  it('refuses empty, binary, oversized, undecodable and mojibake input with specific messages', () => {
    expect(() => decodeText(fixture('empty.txt'))).toThrow(/empty/)
    expect(() => decodeText(fixture('binary.bin.txt'))).toThrow(
      /binary data \(a NUL byte\) at byte 0/,
    )
    expect(() => decodeText(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41))).toThrow(
      /is 16\.0 MB; a page's text is at most 16 MB/,
    )
    expect(() => decodeText(fixture('broken.txt'))).toThrow(
      /cannot tell the encoding: not UTF-8 \(bad bytes at byte 25\)/,
    )
    expect(() => decodeText(fixture('mojibake-latin1.txt'))).toThrow(
      /mojibake \(UTF-8 read as Latin-1/,
    )
    expect(() => decodeText(new TextEncoder().encode('已损坏\ufffd\ufffd的文字'))).toThrow(
      /U\+FFFD .* line 1/,
    )
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toThrow(/UTF-16/)
  })

  it('never throws anything but DecodeError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeText(bytes)
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('round-trips any UTF-8 text without control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }), (s) => {
        const clean = Array.from(s, (c) => {
          const code = c.codePointAt(0) as number
          // Private-use characters are refused unless allowed (tested with the fixture set).
          const privateUse = /[\ue000-\uf8ff\u{f0000}-\u{10ffff}]/u.test(c)
          return (code < 0x20 && code !== 0x0a && code !== 0x09) || c === '\ufffd' || privateUse
            ? 'x'
            : c
        })
          .join('')
          .replace(/^\ufeff/, 'x')
        const latinish = (
          clean.match(/[\u00c0-\u00ff][\u0080-\u00bf\u2018-\u203a\u0152-\u0192]/g) ?? []
        ).length
        fc.pre(latinish < 8)
        expect(decodeText(new TextEncoder().encode(clean)).text).toBe(clean)
      }),
      { numRuns: 1000 },
    )
  })
})

/** The decoder for a declared name, as `add --encoding` picks it. */
function parseEncodingName(name: string): string | undefined {
  const label = parseEncodingLabel(name)
  return label && decoderOf(label)
}

describe('parseEncodingLabel and decoderOf', () => {
  it('accepts the names people write', () => {
    expect(parseEncodingName('GBK')).toBe('gb18030')
    expect(parseEncodingName('utf8')).toBe('utf-8')
    expect(parseEncodingName('Big-5')).toBe('big5')
    expect(parseEncodingName('latin1')).toBeUndefined()
  })

  it('keeps the declared name: GBK, GB2312, Big5-HKSCS and CP950 are reported as such', () => {
    expect(parseEncodingLabel('GBK')).toBe('gbk')
    expect(parseEncodingLabel('gb2312')).toBe('gb2312')
    expect(parseEncodingLabel('Big5-HKSCS')).toBe('big5-hkscs')
    expect(parseEncodingLabel('big5hkscs')).toBe('big5-hkscs')
    expect(parseEncodingLabel('CP950')).toBe('cp950')
    expect(parseEncodingName('big5-hkscs')).toBe('big5')
    expect(parseEncodingName('cp950')).toBe('big5')
    expect(parseEncodingName('gb2312')).toBe('gb18030')
  })
})
