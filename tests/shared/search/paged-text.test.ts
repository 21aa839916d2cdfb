// A text column read a page at a time gives exactly the string's slices — across page
// boundaries, and where a boundary splits a surrogate pair — checks each page once, refuses a
// damaged one every time it is asked for, keeps within its cache budget, and reads nothing once
// its segment is closed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IndexFileError } from '../../../src/shared/search/index-error'
import {
  decodeUnits,
  PagedText,
  TEXT_PAGE_UNITS,
  TextPageCache,
} from '../../../src/shared/search/paged-text'
import { checkPageTable, storePages } from '../../../src/shared/search/page-store'
import { io } from './segment-io'

function utf16(text: string): Uint8Array {
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return new Uint8Array(out.buffer)
}

/**
 * A column over `text` as a segment file would hold it (its pages deflated: page-store.ts), at
 * byte `base`, counting its reads.
 */
function column(text: string, cache = new TextPageCache(), base = 24) {
  const stored = storePages(utf16(text), io, 'pages')
  const bytes = new Uint8Array(base + stored.bytes.length)
  bytes.set(stored.bytes, base)
  const state = { reads: 0 }
  const paged = new PagedText({
    read: (offset, length) => {
      state.reads++
      return bytes.slice(offset, offset + length)
    },
    base,
    pages: stored.pages,
    io,
    cache,
    name: 'segment seg-test.bin, section text',
  })
  return { paged, bytes, state, pages: stored.pages }
}

/** Text of about three pages, with astral characters (surrogate pairs) across the boundaries. */
function threePages(): string {
  const unit = '新闻报道，重庆日报。𠀀𪚥'
  let text = ''
  while (text.length < TEXT_PAGE_UNITS * 3 - 7) text += unit
  // A pair split by the first page boundary.
  return text.slice(0, TEXT_PAGE_UNITS - 1) + '𠀀' + text.slice(TEXT_PAGE_UNITS + 1)
}

describe('PagedText', () => {
  const text = threePages()

  it('slices as the string does, across pages and split pairs (property)', () => {
    const { paged } = column(text)
    expect(paged.length).toBe(text.length)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: text.length }),
        fc.integer({ min: 0, max: TEXT_PAGE_UNITS * 2 }),
        (start, n) => {
          const end = Math.min(text.length, start + n)
          expect(paged.slice(start, end)).toBe(text.slice(start, end))
        },
      ),
      { numRuns: 300 },
    )
    const edge = TEXT_PAGE_UNITS - 1
    expect(paged.slice(edge, edge + 2)).toBe('𠀀')
    expect(paged.slice(0, text.length)).toBe(text)
  })

  it('reads each page once while it stays cached, and keeps within the budget', () => {
    const { paged, state } = column(text)
    paged.slice(0, 10)
    paged.slice(10, 20)
    paged.slice(TEXT_PAGE_UNITS + 5, TEXT_PAGE_UNITS + 9)
    paged.slice(20, 30)
    expect(state.reads).toBe(2)
    // A budget of one page: every other page read evicts one, and the slices stay right.
    const budget = TEXT_PAGE_UNITS * 2
    const cache = new TextPageCache(budget)
    const small = column(text, cache)
    for (let round = 0; round < 3; round++)
      for (let p = 0; p < 3; p++) {
        const at = p * TEXT_PAGE_UNITS + 100
        expect(small.paged.slice(at, at + 50)).toBe(text.slice(at, at + 50))
        expect(cache.stats().bytes).toBeLessThanOrEqual(budget)
      }
    expect(small.state.reads).toBeGreaterThan(3)
    small.paged.close()
    cache.drop()
    expect(cache.stats()).toEqual({ pages: 0, bytes: 0 })
  })

  it('refuses a damaged page every time, naming the section and the page', () => {
    const { paged, bytes, pages } = column(text)
    bytes[24 + (pages.ends[0] as number) + 40]! ^= 0xff
    expect(paged.slice(0, 10)).toBe(text.slice(0, 10))
    for (let i = 0; i < 2; i++)
      expect(() => paged.slice(TEXT_PAGE_UNITS + 2, TEXT_PAGE_UNITS + 30)).toThrow(
        /^segment seg-test\.bin, section text: page 1 fails its checksum$/,
      )
  })

  it('refuses slices outside the section, a page table that does not fit, and a closed file', () => {
    const { paged, pages, bytes } = column(text)
    expect(() => paged.slice(0, text.length + 1)).toThrow(IndexFileError)
    expect(paged.slice(5, 5)).toBe('')
    const stored = bytes.length - 24
    expect(() => checkPageTable({ ...pages, crcs: [1] }, stored, 'x')).toThrow(
      /x: the page table does not fit the section/,
    )
    expect(() => checkPageTable(pages, stored + 1, 'x')).toThrow(/does not fit/)
    expect(checkPageTable(pages, stored, 'x')).toBe(pages)
    paged.close()
    expect(() => paged.slice(0, 1)).toThrow(/was closed/)
  })

  it('decodes units as String.fromCharCode does, lone surrogates at the edges kept', () => {
    const units = Uint16Array.from([0xdc00, 0x4e2d, 0x6587, 0xd840])
    expect(decodeUnits(units)).toBe(String.fromCharCode(...units))
    expect(decodeUnits(Uint16Array.from([0x4e2d, 0x6587]))).toBe('中文')
  })
})
