// Fuzzing the text pipeline with fast-check: decoding, normalization, segmentation, query parsing
// and search, on inputs built from newspaper pieces (markers, headings, bylines, quotes, OR,
// exclusions, surrogates, invisible characters, markup) and on adversarial repetitions up to
// 100 KB. Nothing may throw but the documented errors, nothing may hang (every call is timed),
// and the normalizer's invariants hold. (tests/shared/text and tests/shared/search hold the
// properties about correctness on small inputs; these are about robustness.)
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pageArticles } from '../../src/shared/archive/articles'
import { segmentPage } from '../../src/shared/archive/segment'
import { search } from '../../src/shared/search/engine'
import { DOC_SEPARATOR } from '../../src/shared/search/ngram'
import { parseQuery, positiveTerms, QuerySyntaxError } from '../../src/shared/search/query'
import { decodeText, DecodeError } from '../../src/shared/text/decode'
import { normalize, normalizeMapped } from '../../src/shared/text/normalize'
import { reflow } from '../../src/shared/text/reflow'
import { seedArchive } from './search/seed-index'

/** Upper bound for one call on up to 100 KB. Generous for a loaded 2-core machine; a
 * quadratic path or a backtracking regex on 100 KB takes seconds to hours. */
const MAX_MS_LARGE = 2000
const MAX_MS_SMALL = 250

function timed<T>(what: string, limit: number, fn: () => T): T {
  const t0 = performance.now()
  const result = fn()
  const ms = performance.now() - t0
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(limit)
  return result
}

const PIECES = [
  '发展',
  '經濟',
  '低碳',
  '绿色',
  '，',
  '。',
  '“',
  '”',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\u3000',
  '\t',
  '本报讯 ',
  '新渝报讯',
  '（记者 王明）',
  '记者 刘静',
  '通讯员',
  '（下转2版）',
  '（上接1版）',
  '（详见3版）',
  '(转 4 版)',
  '# ',
  '## ',
  '###### ',
  '#######',
  '图为',
  '（张三 摄）',
  '编辑：李四',
  '星期三',
  '□',
  '■',
  '-',
  '－',
  'OR',
  ' OR ',
  '|',
  '"',
  '＂',
  'Ａ',
  'abc',
  'ABC',
  '123',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\ud800',
  '\udc00',
  '😀',
  '𠀋',
  '\u202e',
  '\u0000',
  '\u0001',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '（',
  '(',
  ')',
  '）',
  '版',
]

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
)

/** Page-like text: a few hundred pieces. */
const pageText = fc.array(piece, { maxLength: 400 }).map((a) => a.join(''))

/** Up to 100 KB: a short random pattern repeated, the shape that exposes backtracking. */
const largeText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 100_000 }))
  .map(([pattern, size]) => {
    const unit = pattern.join('') || '发'
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  })

const queryText = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''))

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/

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

describe('segmentation (fuzz)', () => {
  function checkSegments(text: string, limit: number): void {
    const drafts = timed('segmentPage', limit, () => segmentPage(text))
    let previousEnd = 0
    for (const d of drafts) {
      expect(d.start).toBeLessThanOrEqual(d.bodyStart)
      expect(d.bodyStart).toBeLessThanOrEqual(d.end)
      expect(d.end).toBeLessThanOrEqual(text.length)
      expect(d.start, 'articles do not overlap').toBeGreaterThanOrEqual(previousEnd)
      expect(d.end).toBeGreaterThan(d.start)
      previousEnd = d.end
      // Every title piece is made of the page's own characters, in order.
      const squashed = text.replace(/\s+/g, '')
      for (const piece of [d.kicker, d.headline, d.subheadline]) {
        if (piece === undefined) continue
        expect(piece.length).toBeGreaterThan(0)
        for (const part of piece.split(/\s+/)) expect(squashed.includes(part)).toBe(true)
      }
    }
    const articles = timed('pageArticles', limit, () => pageArticles('fuzz-2024-01-01', 3, text))
    expect(articles.length).toBe(drafts.length)
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
    articles.forEach((a, i) => {
      expect(a.id).toBe(`fuzz-2024-01-01/p3/a${i + 1}`)
      expect(a.page).toBe(3)
      expect(a.sourceRange[0]).toBeGreaterThanOrEqual(0)
      expect(a.sourceRange[1]).toBeLessThanOrEqual(text.length)
      for (const c of a.continuations) {
        expect(c.range[0]).toBeLessThan(c.range[1])
        expect(c.range[1]).toBeLessThanOrEqual(a.text.length)
        expect(a.text.slice(c.range[0], c.range[1])).toBe(c.marker)
        expect(c.targetPage).toBeGreaterThan(0)
      }
    })
  }

  it('an article resumed after page furniture spans it: no block overlaps another', () => {
    // Found by the property below (seed -231710906): a folio line between two runs of text.
    checkSegments('版\r\n　星期三\r\n\t）', MAX_MS_SMALL)
    const page =
      '低碳生活新风尚\n　　本报讯（记者 刘静）近日，我区开展了低碳生活宣传活动，吸引了众多市民参与。\n' +
      '　星期三\n　　市民们纷纷表示，将从身边小事做起，践行绿色生活方式。\n'
    checkSegments(page, MAX_MS_SMALL)
    const [article] = segmentPage(page)
    expect(article?.headline).toBe('低碳生活新风尚')
    expect(page.slice(article?.bodyStart, article?.end)).toContain('践行绿色生活方式')
  })

  it('splits newspaper-like pages into ordered, non-overlapping articles', () => {
    fc.assert(
      fc.property(pageText, (t) => checkSegments(t, MAX_MS_SMALL)),
      { numRuns: 1500 },
    )
  })

  it('does so in bounded time on large repetitive pages (up to 100 KB)', () => {
    fc.assert(
      fc.property(largeText, (t) => checkSegments(t, MAX_MS_LARGE)),
      { numRuns: 40 },
    )
  })

  it('leaves no empty article when a trailing headline is given back (found by fuzzing)', () => {
    const articles = pageArticles('fuzz-2024-01-01', 1, '新渝报讯（详见3版）\n本报讯 ')
    expect(articles.map((a) => a.text)).toEqual(['新渝报讯（详见3版）'])
  })

  it('handles the shapes that defeat regular expressions', () => {
    const shapes = [
      `（${' '.repeat(100_000)}`,
      '（ '.repeat(50_000),
      '#'.repeat(100_000),
      '# '.repeat(50_000),
      '\n'.repeat(100_000),
      '记者'.repeat(50_000),
      `记者 王明${' x'.repeat(50_000)}`,
      ('记者 王明 ' + 'x '.repeat(10) + '\n').repeat(3000),
      '发'.repeat(100_000),
      '（下转2版）'.repeat(16_000),
      '（上接1版）\n'.repeat(14_000),
      '本报讯'.repeat(33_000),
      `${'图为'.repeat(20_000)}摄`,
      '\r'.repeat(100_000),
    ]
    for (const s of shapes) checkSegments(s, MAX_MS_LARGE)
  })

  it('reflow keeps its map inside the input', () => {
    fc.assert(
      fc.property(pageText, (t) => {
        const { text, map } = timed('reflow', MAX_MS_SMALL, () => reflow(t))
        expect(map[text.length]).toBe(t.length)
        for (let i = 0; i < text.length; i++) {
          const m = map[i] as number
          expect(m >= 0 && m < t.length).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe('query parsing (fuzz)', () => {
  function checkQuery(q: string, limit: number): void {
    let parsed
    try {
      parsed = timed('parseQuery', limit, () => parseQuery(q))
    } catch (e) {
      expect(e).toBeInstanceOf(QuerySyntaxError)
      // Only a query of exclusions alone is refused.
      expect(q).toMatch(/[-－]/)
      return
    }
    // Terms are non-empty, normalized exactly like the text, never span two documents, and
    // come from the query. (Checked without an expect per term: 100 KB queries have thousands.)
    const bad = [...parsed.all.flat(), ...parsed.none].find(
      (t) =>
        t.text.length === 0 ||
        normalize(t.text) !== t.text ||
        t.text.includes(DOC_SEPARATOR) ||
        !q.includes(t.raw),
    )
    expect(bad).toBeUndefined()
    expect(parsed.all.every((group) => group.length > 0)).toBe(true)
    const terms = positiveTerms(parsed)
    expect(terms.every((t, i) => i === 0 || terms[i - 1]!.length >= t.length)).toBe(true)
  }

  it('parses structured queries (quotes, OR, exclusions) into normalized terms', () => {
    fc.assert(
      fc.property(queryText, (q) => checkQuery(q, MAX_MS_SMALL)),
      { numRuns: 3000 },
    )
  })

  it('a control character beside a space leaves no space at the edge of a term (found by fuzzing)', () => {
    expect(parseQuery('”## \u0001').all).toEqual([[{ text: '##', raw: '## \u0001' }]])
    expect(parseQuery('发展 \u0001').all[0]![0]!.text).toBe('发展')
  })

  it('a quoted phrase is one term: the phrase normalized', () => {
    const phrase = fc.array(fc.constantFrom('发展', '經濟', ' ', 'Ａb', '低碳', '７月'), {
      minLength: 1,
      maxLength: 8,
    })
    fc.assert(
      fc.property(phrase, (parts) => {
        const raw = parts.join('')
        const expected = normalize(raw)
        fc.pre(expected.length > 0)
        const p = parseQuery(`"${raw}"`)
        expect(p.all).toHaveLength(1)
        expect(p.all[0]!.map((t) => t.text)).toEqual([expected])
      }),
      { numRuns: 500 },
    )
  })

  it('is linear enough on 100 KB queries (far beyond the 500-character limit of the API)', () => {
    fc.assert(
      fc.property(largeText, (q) => checkQuery(q, MAX_MS_LARGE)),
      { numRuns: 30 },
    )
  })
})

describe('search (fuzz)', () => {
  const { index, articles } = seedArchive()
  const byId = new Map(articles.map((a) => [a.id, a]))

  it('answers any query up to the API limit, in bounded time, with consistent hits', () => {
    const request = fc.record({
      q: fc
        .oneof(queryText, fc.string({ unit: 'grapheme', maxLength: 40 }))
        .map((q) => q.slice(0, 500)),
      limit: fc.integer({ min: 1, max: 1000 }),
      offset: fc.integer({ min: 0, max: 50 }),
    })
    fc.assert(
      fc.property(request, (r) => {
        const res = timed('search', MAX_MS_SMALL * 2, () => search(index, r, (id) => byId.get(id)))
        expect(res.hits.length).toBeLessThanOrEqual(r.limit)
        expect(res.total).toBeGreaterThanOrEqual(res.hits.length)
        for (const hit of res.hits) {
          for (const [s, e] of hit.highlights) {
            expect(s).toBeLessThan(e)
            expect(e).toBeLessThanOrEqual(hit.snippet.length)
          }
        }
      }),
      { numRuns: 400 },
    )
  })
})
