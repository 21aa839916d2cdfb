// A segment's text columns (its normalized text, headlines, titles, bylines) read on demand.
// The normalized text is most of a segment file after the postings; decoding it at open cost
// most of the open time and kept the whole archive's text in the heap from the first moment.
// Format v12 keeps each text section as UTF-16 in pages of TEXT_PAGE_UNITS code units, each with
// a CRC-32 in the (checksummed) header; a page is read, checked and decoded into a string the
// first time a document on it is asked for, then kept in a bounded LRU (TEXT_CACHE_BYTES per
// index). A page that fails its checksum throws IndexFileError naming the segment and the page.
//
// A column held in memory (a segment just built, one deserialized from a buffer) is a plain
// string: it has the same `length` and `slice`, so the readers of a column never ask where its
// characters are.
import { SizeLru } from '../size-lru'
import { IndexFileError } from './index-error'
import type { ByteReader, Checksum } from './index-error'

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
export const TEXT_PAGE_UNITS = 1 << 15

/**
 * Bytes of decoded text pages one index keeps (V8 holds them as two-byte strings). 96 MiB is
 * more than the whole normalized text of the bench corpus (94 MiB of UTF-8 page text), so a
 * warm session on an archive that size reads each page once, as the eager reader did, while a
 * larger archive's text is read through the file instead of growing the heap without bound.
 */
export const TEXT_CACHE_BYTES = 96 * 2 ** 20

/** The decoded pages an index keeps, shared by its segments' text columns. */
export class TextPageCache {
  private readonly lru: SizeLru<number, string>
  private owners = 0

  constructor(readonly budget: number = TEXT_CACHE_BYTES) {
    this.lru = new SizeLru(budget, (page) => page.length * 2)
  }

  /** A key space for one column's pages. */
  newOwner(): number {
    return this.owners++
  }

  get(owner: number, page: number): string | undefined {
    return this.lru.get(owner * 2 ** 32 + page)
  }

  set(owner: number, page: number, text: string): void {
    this.lru.set(owner * 2 ** 32 + page, text)
  }

  /** Forgets the pages of the columns `owners` names (their segment was closed). */
  drop(owners: ReadonlySet<number>): void {
    this.lru.deleteWhere((key) => owners.has(Math.floor(key / 2 ** 32)))
  }

  stats(): { pages: number; bytes: number } {
    const s = this.lru.stats()
    return { pages: s.entries, bytes: s.size }
  }
}

/** The CRC-32 of each page of a UTF-16 section's bytes (what v12 keeps in the header). */
export function textPageChecksums(bytes: Uint8Array, checksum: Checksum): number[] {
  const pageBytes = TEXT_PAGE_UNITS * 2
  const out: number[] = []
  for (let at = 0; at < bytes.length; at += pageBytes)
    out.push(checksum(bytes.subarray(at, at + pageBytes)))
  return out
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
  /** Where the section starts in the file, and its length in bytes. */
  base: number
  bytes: number
  /** The CRC-32 of each page (from the checked header). */
  crcs: readonly number[]
  checksum: Checksum
  cache: TextPageCache
  /** Names the section in errors: "segment seg-….bin, section text". */
  name: string
  /** True once the segment's file is closed: its descriptor may name another file by then. */
  closed: () => boolean
  /** What owns the file (the segment's postings): kept reachable while the column is. */
  holds?: object
}

/** A UTF-16 section read a page at a time from its file, each page checked on its first read. */
export class PagedText implements TextColumn {
  readonly length: number
  readonly owner: number

  constructor(private readonly source: PagedTextSource) {
    if (source.bytes % 2 !== 0) throw new IndexFileError(`${source.name} has an odd length`)
    this.length = source.bytes / 2
    this.owner = source.cache.newOwner()
    if (
      !Array.isArray(source.crcs) ||
      source.crcs.length !== Math.ceil(this.length / TEXT_PAGE_UNITS) ||
      !source.crcs.every((c) => Number.isInteger(c))
    )
      throw new IndexFileError(`${source.name}: the page table does not fit the text`)
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

  private page(p: number): string {
    const { cache, name } = this.source
    const cached = cache.get(this.owner, p)
    if (cached !== undefined) return cached
    if (this.source.closed()) throw new IndexFileError(`${name} was closed; the index was replaced`)
    const start = p * TEXT_PAGE_UNITS * 2
    const n = Math.min(TEXT_PAGE_UNITS * 2, this.source.bytes - start)
    let raw = this.source.read(this.source.base + start, n)
    if (raw.length !== n) throw new IndexFileError(`${name}: page ${p} is truncated`)
    if (this.source.checksum(raw) !== this.source.crcs[p])
      throw new IndexFileError(`${name}: page ${p} fails its checksum`)
    if (raw.byteOffset % 2 !== 0) raw = raw.slice()
    const text = decodeUnits(new Uint16Array(raw.buffer, raw.byteOffset, n / 2))
    cache.set(this.owner, p, text)
    return text
  }
}

/** Reads every page of a loaded column once, so a damaged one throws now: what `verify` does. */
export function readAllText(column: TextColumn): void {
  if (column instanceof PagedText) column.readAll()
}
