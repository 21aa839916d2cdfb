// A segment's text columns (its normalized text, headlines, titles) read on demand.
// The normalized text is most of a segment file after the postings; decoding it at open cost
// most of the open time and kept the whole archive's text in the heap from the first moment.
// Each text section is UTF-16 in pages of TEXT_PAGE_UNITS code units (page-store.ts: deflated,
// each with a CRC-32 in the checked header); a page is read, checked, inflated and decoded into
// a string the first time a document on it is asked for, then kept in a bounded cache
// (TEXT_CACHE_BYTES per index, CLOCK eviction). A page that fails its checksum throws
// IndexFileError naming the segment and the page.
//
// A column held in memory (a segment just built, one deserialized from a buffer) is a plain
// string: it has the same `length` and `slice`, so the readers of a column never ask where its
// characters are.
import { IndexFileError } from './index-error'
import type { ByteReader, SegmentIo } from './index-error'
import { loadPage, PAGE_BYTES } from './page-store'
import type { StoredPages } from './page-store'

/** What a text column is read through: a string, or pages of one (PagedText). */
export interface TextColumn {
  readonly length: number
  /** Characters [start, end), as String.prototype.slice takes them (0 <= start <= end <= length). */
  slice(start: number, end: number): string
}

/**
 * Code units a page: 32 Ki (64 KiB), the postings' page size. An article is a few thousand
 * characters, so a query's candidate is one page read; one page table entry per 64 KiB keeps
 * the header small (about 1,000 entries for the bench corpus's text).
 */
export const TEXT_PAGE_UNITS = PAGE_BYTES / 2

/**
 * Bytes of decoded text pages one index keeps (V8 holds them as two-byte strings). 96 MiB is
 * more than the whole normalized text of the bench corpus (94 MiB of UTF-8 page text), so a
 * warm session on an archive that size reads each page once, as the eager reader did, while a
 * larger archive's text is read through the file instead of growing the heap without bound.
 */
export const TEXT_CACHE_BYTES = 96 * 2 ** 20

/** What the cache evicts from: a column's decoded pages, each with a referenced bit. */
interface PageHolder {
  /** True when page p was read since the cache last looked (and clears the bit). */
  takeReference(p: number): boolean
  /** Lets go of page p's string. */
  forget(p: number): void
  readonly gone: boolean
}

/**
 * The decoded pages an index keeps, shared by its segments' text columns, bounded by their
 * size. Eviction is CLOCK (second-chance FIFO), not a strict LRU: a hit is then an array read
 * and a bit set in the column, where refreshing an LRU's order on every hit — a query verifies
 * thousands of candidates, each a page lookup — cost the ≥ 1000-hit band 2.6× its engine time.
 */
export class TextPageCache {
  private queue: { holder: PageHolder; page: number; size: number }[] = []
  private head = 0
  private total = 0

  constructor(readonly budget: number = TEXT_CACHE_BYTES) {}

  /** Counts page `page` of `holder` (just decoded, `size` bytes) and evicts to stay in budget. */
  admit(holder: PageHolder, page: number, size: number): void {
    this.queue.push({ holder, page, size })
    this.total += size
    while (this.total > this.budget && this.head < this.queue.length) {
      const e = this.queue[this.head++] as (typeof this.queue)[number]
      // A closed column's pages are forgotten already; a referenced page gets a second chance.
      if (
        !e.holder.gone &&
        e !== this.queue[this.queue.length - 1] &&
        e.holder.takeReference(e.page)
      )
        this.queue.push(e)
      else {
        e.holder.forget(e.page)
        this.total -= e.size
      }
    }
    // Compact the consumed front now and then, so the queue stays as long as what it holds.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head)
      this.head = 0
    }
  }

  /** Forgets what closed columns held (their segment was closed). */
  drop(): void {
    const kept = this.queue.slice(this.head).filter((e) => !e.holder.gone)
    this.total = kept.reduce((sum, e) => sum + e.size, 0)
    this.queue = kept
    this.head = 0
  }

  stats(): { pages: number; bytes: number } {
    return { pages: this.queue.length - this.head, bytes: this.total }
  }
}

const utf16 = new TextDecoder('utf-16le')

/**
 * The string of UTF-16 code units `units`. TextDecoder is the fast path, but it replaces a lone
 * surrogate, and a page boundary can split a pair: such a page is rebuilt unit by unit, so that
 * slices across the boundary join back into the pair.
 */
export function decodeUnits(units: Uint16Array): string {
  const n = units.length
  const edge = (u: number | undefined): boolean => u !== undefined && u >= 0xd800 && u <= 0xdfff
  if (!edge(units[0]) && !edge(units[n - 1])) return utf16.decode(units)
  let out = ''
  for (let at = 0; at < n; at += 4096)
    out += String.fromCharCode(...units.subarray(at, Math.min(n, at + 4096)))
  return out
}

export interface PagedTextSource {
  /** Reads the file; it must stay usable until the segment is closed. */
  read: ByteReader
  /** Where the section starts in the file. */
  base: number
  /** Its page table (from the checked header). */
  pages: StoredPages
  io: SegmentIo
  cache: TextPageCache
  /** Names the section in errors: "segment seg-….bin, section text". */
  name: string
  /** What owns the file (the segment's postings): kept reachable while the column is. */
  holds?: object
}

/** A UTF-16 section read a page at a time from its file, each page checked on its first read. */
export class PagedText implements TextColumn, PageHolder {
  readonly length: number
  private readonly pages: (string | undefined)[] = []
  private readonly referenced: Uint8Array
  private closed = false

  constructor(private readonly source: PagedTextSource) {
    const { size } = source.pages
    if (size % 2 !== 0) throw new IndexFileError(`${source.name} has an odd length`)
    this.length = size / 2
    this.referenced = new Uint8Array(source.pages.ends.length)
  }

  slice(start: number, end: number): string {
    if (end <= start) return ''
    if (start < 0 || end > this.length)
      throw new IndexFileError(`${this.source.name}: a document lies outside its section`)
    const first = Math.floor(start / TEXT_PAGE_UNITS)
    const last = Math.floor((end - 1) / TEXT_PAGE_UNITS)
    const from = start - first * TEXT_PAGE_UNITS
    if (first === last) return this.page(first).slice(from, end - first * TEXT_PAGE_UNITS)
    let out = this.page(first).slice(from)
    for (let p = first + 1; p < last; p++) out += this.page(p)
    return out + this.page(last).slice(0, end - last * TEXT_PAGE_UNITS)
  }

  /** Reads (and so checks) every page once: what `verify` does. */
  readAll(): void {
    for (let p = 0; p * TEXT_PAGE_UNITS < this.length; p++) this.page(p)
  }

  /** Forgets every page and reads nothing more (the segment's file was closed). */
  close(): void {
    this.closed = true
    this.pages.length = 0
  }

  get gone(): boolean {
    return this.closed
  }

  takeReference(p: number): boolean {
    const was = this.referenced[p] === 1
    this.referenced[p] = 0
    return was
  }

  forget(p: number): void {
    this.pages[p] = undefined
  }

  private page(p: number): string {
    const cached = this.pages[p]
    if (cached !== undefined) {
      this.referenced[p] = 1
      return cached
    }
    const { cache, name } = this.source
    // Closed with its segment's file (index-file.ts), whose descriptor may name another file by then.
    if (this.closed) throw new IndexFileError(`${name} was closed; the index was replaced`)
    const { read, base, pages, io } = this.source
    let raw = loadPage(read, base, pages, p, io, `${name}: page ${p}`)
    if (raw.byteOffset % 2 !== 0) raw = raw.slice()
    const text = decodeUnits(new Uint16Array(raw.buffer, raw.byteOffset, raw.length / 2))
    // A page larger than the whole budget is used once and not kept.
    if (text.length * 2 <= cache.budget) {
      this.pages[p] = text
      cache.admit(this, p, text.length * 2)
    }
    return text
  }
}

/** Reads every page of a loaded column once, so a damaged one throws now: what `verify` does. */
export function readAllText(column: TextColumn): void {
  if (column instanceof PagedText) column.readAll()
}
