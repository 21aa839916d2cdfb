// The postings read a page at a time (paged-bytes.ts; stored deflated, page-store.ts): any range
// reads as the bytes it covers (a view when it lies in one page), the page cache stays within its budget, a damaged
// page is refused when first read naming the segment and the page, and an index whose postings
// are paged answers exactly as the same segment read whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { search } from '../../../src/shared/search/engine'
import {
  deserializeSegment,
  IndexFileError,
  readSegment,
} from '../../../src/shared/search/index-file'
import { serializeSegment } from '../../../src/shared/search/segment-write'
import {
  PAGE_BYTES,
  PageCache,
  PagedBytes,
  SMALL_RANGE,
} from '../../../src/shared/search/paged-bytes'
import { storePages } from '../../../src/shared/search/page-store'
import { buildSearchIndex } from '../../../src/shared/search/search-index'
import { composeIndex } from '../../../src/shared/search/compose-index'
import type { DocInput } from '../../../src/shared/search/segment'
import { io } from './segment-io'

/** Deterministic bytes (a tiny LCG), of 256 values or (`bits` = 4) of 16, which deflate to half. */
function bytesOf(n: number, seed = 7, bits = 8): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++)
    out[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> (32 - bits)
  return out
}

/** `raw` stored in pages (page-store.ts) at offset `base` of a "file". */
function stored(raw: Uint8Array, base = 40) {
  const { bytes, pages } = storePages(raw, io, 'pages')
  const file = new Uint8Array(base + bytes.length)
  file.set(bytes, base)
  return { file, pages, base }
}

/** The section of a stored "file", read through a counting reader. */
function paged(s: ReturnType<typeof stored>, cache: PageCache, file = s.file) {
  let reads = 0
  const bytes = new PagedBytes({
    read: (offset, n) => {
      reads++
      return file.slice(offset, offset + n)
    },
    base: s.base,
    pages: s.pages,
    io,
    cache,
    name: 'segment seg-test.bin',
  })
  return { bytes, reads: () => reads }
}

describe('paged bytes', () => {
  const length = 5 * PAGE_BYTES + 1234
  const section = bytesOf(length, 7, 4)
  const s = stored(section)

  it('stores each page deflated', () => {
    expect(s.pages.ends).toHaveLength(6)
    expect(s.file.length - 40).toBeLessThan(length * 0.7)
  })

  it('reads any range as the bytes it covers, within a cache of three pages', () => {
    const cache = new PageCache(3 * PAGE_BYTES)
    const { bytes } = paged(s, cache)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: length - 1 }),
        fc.integer({ min: 1, max: 3 * PAGE_BYTES }),
        (offset, n) => {
          n = Math.min(n, length - offset)
          const got = Buffer.from(bytes.range(offset, n))
          expect(got.equals(section.subarray(offset, offset + n))).toBe(true)
          expect(cache.stats().bytes).toBeLessThanOrEqual(cache.budget)
        },
      ),
      { numRuns: 300 },
    )
    expect(cache.stats().pages).toBeLessThanOrEqual(3)
  })

  it('gives a long range within one page as a view of the cached page, a short one as its own copy', () => {
    const { bytes, reads } = paged(s, new PageCache())
    const a = bytes.range(PAGE_BYTES + 10, SMALL_RANGE + 100)
    const b = bytes.range(PAGE_BYTES + 5000, SMALL_RANGE + 7)
    expect(a.buffer).toBe(b.buffer)
    expect(reads()).toBe(1)
    // Across a page boundary: a copy, both pages read once and then cached.
    expect(bytes.range(2 * PAGE_BYTES - 3, 6).buffer).not.toBe(a.buffer)
    expect(reads()).toBe(2)
    // A short range is kept apart from its page: still there when the page cache let it go.
    const small = new PageCache(PAGE_BYTES)
    const t = paged(s, small)
    const rare = t.bytes.range(10, 20)
    t.bytes.range(3 * PAGE_BYTES, SMALL_RANGE + 1)
    expect(small.stats().pages).toBe(1)
    expect(t.bytes.range(10, 20)).toBe(rare)
    expect(t.reads()).toBe(2)
    expect(Buffer.from(rare).equals(section.subarray(10, 30))).toBe(true)
  })

  it('refuses a damaged page when it is first read, and reads the others', () => {
    const bad = s.file.slice()
    bad[40 + (s.pages.ends[1] as number) + 99]! ^= 0x10
    const cache = new PageCache()
    const good = paged(s, cache)
    // The CRCs are those of the good file: the damage came after the table was written.
    const damaged = paged(s, cache, bad).bytes
    expect(damaged.range(0, 10)).toEqual(good.bytes.range(0, 10))
    const refused = /^segment seg-test\.bin: page 2 of the postings fails its checksum$/
    expect(() => damaged.range(2 * PAGE_BYTES + 5, 10)).toThrow(refused)
    expect(() => damaged.range(2 * PAGE_BYTES - 5, 10)).toThrow(IndexFileError)
    // Not cached: asked again, refused again.
    expect(() => damaged.range(2 * PAGE_BYTES + 5, 10)).toThrow(refused)
    expect(damaged.range(3 * PAGE_BYTES, 10)).toEqual(good.bytes.range(3 * PAGE_BYTES, 10))
  })

  it('refuses a page whose checksum holds but which does not inflate to its length', () => {
    // A page table that says the last page is longer than what was deflated into it.
    const longer = { ...s, pages: { ...s.pages, size: length + 7 } }
    const { bytes } = paged(longer, new PageCache())
    expect(bytes.range(0, 10)).toEqual(section.subarray(0, 10))
    expect(() => bytes.range(5 * PAGE_BYTES, 10)).toThrow(
      /page 5 of the postings does not inflate to its length/,
    )
  })

  it('forgets a closed segment and never reads through it again', () => {
    const cache = new PageCache()
    let closed = 0
    const bytes = new PagedBytes({
      read: (offset, n) => s.file.slice(offset, offset + n),
      base: s.base,
      pages: s.pages,
      io,
      cache,
      name: 'segment seg-test.bin',
      onClose: () => closed++,
    })
    bytes.range(0, 10)
    expect(cache.stats().pages).toBe(1)
    bytes.close()
    bytes.close()
    expect(closed).toBe(1)
    expect(cache.stats().pages).toBe(0)
    expect(() => bytes.range(0, 10)).toThrow(/was closed/)
  })
})

describe('an index with paged postings', () => {
  // Dense enough over a small alphabet that the common characters' lists span several pages.
  const alphabet =
    '的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会'
  const rand = bytesOf(400_000, 3)
  let r = 0
  const next = () => rand[r++ % rand.length] as number
  const docs: DocInput[] = Array.from({ length: 12_000 }, (_, d) => {
    const n = 20 + (next() % 60)
    let text = ''
    for (let i = 0; i < n; i++) text += alphabet[next() % alphabet.length]
    return { issue: 0, page: 1 + (d % 8), article: d, headline: text.slice(0, 4), text }
  })
  const built = buildSearchIndex([{ id: 'x-2020-01-01', paper: 'x', date: '2020-01-01' }], docs)
  const bytes = serializeSegment(built.segments[0]!.seg, io)
  const eager = composeIndex([{ seg: deserializeSegment(bytes, io) }])
  // A cache of four pages: lists are evicted and read again as the queries go.
  const cache = new PageCache(4 * PAGE_BYTES)
  const seg = readSegment(bytes.length, (o, n) => bytes.slice(o, o + n), io, {
    cache,
    name: 'segment seg-test.bin',
  })
  const lazy = composeIndex([{ seg }])

  it('spans pages', () => {
    expect(seg.ngram.lists.length).toBeGreaterThan(8 * PAGE_BYTES)
  })

  it('answers exactly as the same segment read whole (any query of its characters)', () => {
    const term = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 })
      .map((cs) => cs.join(''))
    const query = fc.oneof(
      term,
      fc.tuple(term, term).map(([a, b]) => `${a} ${b}`),
      fc.tuple(term, term).map(([a, b]) => `${a} OR ${b}`),
      fc.tuple(term, term).map(([a, b]) => `${a} -${b}`),
    )
    const ask = (index: typeof eager, q: string) => ({
      ...search(index, { q, limit: 30 }, () => ({ headline: '', title: '', text: '' })),
      tookMs: 0,
    })
    fc.assert(
      fc.property(query, (q) => {
        expect(ask(lazy, q)).toEqual(ask(eager, q))
        expect(cache.stats().bytes).toBeLessThanOrEqual(cache.budget)
      }),
      { numRuns: 150 },
    )
  })
})
