// Fuzzing decoding and normalization (inputs: tests/support/fuzz-inputs.ts): nothing may throw
// but DecodeError, nothing may hang (every call is timed), and the normalizer's invariants hold
// on newspaper-like and large repetitive text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeText, DecodeError } from '../../../src/shared/text/decode'
import { normalize, normalizeMapped } from '../../../src/shared/text/normalize'
import { CJK, largeText, MAX_MS_LARGE, pageText, timed } from '../../support/fuzz-inputs'

describe('normalization (fuzz)', () => {
  function checkInvariants(input: string): void {
    const { text, map } = timed('normalizeMapped', MAX_MS_LARGE, () => normalizeMapped(input))
    expect(normalize(input)).toBe(text)
    // Idempotent: the index and the query meet in the same form.
    expect(normalize(text)).toBe(text)
    // The map points every output character back into the input, in order.
    expect(map.length).toBeGreaterThanOrEqual(text.length + 1)
    expect(map[text.length]).toBe(input.length)
    let badMap = -1
    for (let i = 0; i < text.length && badMap < 0; i++) {
      const m = map[i] as number
      if (m < 0 || m >= input.length || (i > 0 && m < (map[i - 1] as number))) badMap = i
    }
    expect(badMap, 'first output character whose map is out of order or range').toBe(-1)
    // Folded forms: no upper-case ASCII, no full-width ASCII, no invisible characters, no lone
    // surrogates, no whitespace but single spaces between non-CJK characters.
    expect(text).not.toMatch(/[A-Z\uff01-\uff5e\u200b\ufeff\u00ad\u3000\t\r\n]/)
    expect(text).not.toMatch(/^ | $| {2}/)
    expect(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text),
    ).toBe(false)
    let spaceByCjk = -1
    for (let i = text.indexOf(' '); i >= 0 && spaceByCjk < 0; i = text.indexOf(' ', i + 1))
      if (CJK.test(text[i - 1] ?? '') || CJK.test(text[i + 1] ?? '')) spaceByCjk = i
    expect(spaceByCjk, 'first space next to a CJK character').toBe(-1)
  }

  it('holds its invariants on newspaper-like text', () => {
    fc.assert(fc.property(pageText, checkInvariants), { numRuns: 1500 })
  })

  it('holds them, in bounded time, on large repetitive input', () => {
    fc.assert(fc.property(largeText, checkInvariants), { numRuns: 40 })
  })
})

describe('decoding (fuzz)', () => {
  const encoder = new TextEncoder()
  const decodeOrRefuse = (bytes: Uint8Array): void => {
    try {
      const d = timed('decodeText', MAX_MS_LARGE, () => decodeText(bytes))
      expect(d.text).not.toContain('\r')
      expect(d.text.charCodeAt(0)).not.toBe(0xfeff)
      expect(['utf-8', 'gb18030', 'big5']).toContain(d.encoding)
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError)
      expect((e as Error).message.length).toBeLessThan(400)
    }
  }

  it('never throws anything but DecodeError on random bytes up to 100 KB', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100_000, size: 'max' }), decodeOrRefuse),
      { numRuns: 40 },
    )
  })

  it('survives valid UTF-8 with bytes flipped, cut or inserted', () => {
    fc.assert(
      fc.property(
        pageText,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (text, flips, cut) => {
          const bytes = encoder.encode(`发展${text}`)
          for (const [at, value] of flips) bytes[at % bytes.length] = value
          decodeOrRefuse(bytes.subarray(0, 1 + (cut % bytes.length)))
        },
      ),
      { numRuns: 1500 },
    )
  })

  it('round-trips newspaper-like UTF-8 (with CRLF and BOM) to LF text', () => {
    // What a valid page may not contain: control characters (but tab and line breaks), U+FFFD,
    // surrogates (lone ones do not survive UTF-8; paired ones are kept as code points).
    const allowed = (c: string): boolean => {
      const code = c.codePointAt(0) as number
      if (code < 0x20) return code === 9 || code === 10 || code === 13
      return code !== 0xfffd && (code < 0xd800 || code > 0xdfff)
    }
    const clean = pageText.map((t) => [...t].filter(allowed).join(''))
    fc.assert(
      fc.property(clean, fc.boolean(), (text, bom) => {
        const body = `发展低碳${text}`
        const bytes = encoder.encode(`${bom ? '\ufeff' : ''}${body}`)
        try {
          const d = decodeText(bytes)
          expect(d.text).toBe(body.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'))
        } catch (e) {
          // Binary-looking or mojibake-looking input may be refused, with a reason.
          expect(e).toBeInstanceOf(DecodeError)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('GB18030 and Big5 cut in the middle of a character are refused, never garbled', () => {
    const gb = Buffer.from('d4dad5e2c0efcad4cad4', 'hex') // 在这里试试 in GB18030
    for (let cut = 1; cut < gb.length; cut += 2) {
      const bytes = gb.subarray(0, cut)
      try {
        const d = decodeText(bytes, 'gb18030')
        expect(d.text).not.toContain('\ufffd')
      } catch (e) {
        expect(e).toBeInstanceOf(DecodeError)
      }
    }
  })
})
