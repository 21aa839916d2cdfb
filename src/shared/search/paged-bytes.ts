// The postings of a segment (its `lists` section), and its dictionary's varints, as bytes read
// on demand. A search reads a few lists of a few KiB each out of tens of MiB, so reading and
// checksumming the whole section at open cost most of the open time and all of its memory. The
// section is stored in pages of PAGE_BYTES (page-store.ts: each deflated where that is smaller,
// with its CRC-32 in the checked header); a page is read, checked and inflated the first time a
// list on it is asked for, then kept in a bounded LRU (PAGE_CACHE_BYTES per index). A page that
// fails its checksum throws IndexFileError naming the segment and the page, so a damaged list
// is refused, never decoded into a wrong answer.
//
// Bytes held in memory (a segment just built, or one deserialized from a buffer) take the same
// interface (PlainBytes), so the postings code never asks where its bytes are.
import { SizeLru } from '../size-lru'
import { IndexFileError } from './index-error'
import type { ByteReader, SegmentIo } from './index-error'
import { loadPage, PAGE_BYTES } from './page-store'
import type { StoredPages } from './page-store'

// 64 KiB a page: a rare term's list (a few bytes) costs one read of a page; a common term's list
// of a few hundred KiB spans a handful of pages.
export { PAGE_BYTES }

/**
 * Bytes of postings pages one index keeps in memory. 32 MiB holds every list of a quarter of the
 * bench corpus and the lists a session's queries touch on the full one, while bounding what a
 * long session can accumulate (the eager reader held the whole section).
 */
export const PAGE_CACHE_BYTES = 32 * 2 ** 20

/** A byte sequence the postings are read from: whole, or a page at a time. */
export interface ListBytes {
  readonly length: number
  /**
   * Bytes [offset, offset + length), not to be written to: a view of its page when it lies in
   * one, a short one (SMALL_RANGE) kept as a copy of its own, else a copy assembled from the
   * pages.
   */
  range(offset: number, length: number): Uint8Array
  /** Lets go of the file behind the bytes (nothing for bytes in memory). Idempotent. */
  close(): void
}

/** Bytes held in memory. */
export class PlainBytes implements ListBytes {
  constructor(readonly bytes: Uint8Array) {}

  get length(): number {
    return this.bytes.length
  }

  range(offset: number, length: number): Uint8Array {
    return this.bytes.subarray(offset, offset + length)
  }

  close(): void {}
}

/** A range this short (a rare term's list, a dictionary block) is kept apart from its page. */
export const SMALL_RANGE = 4096

/**
 * Bytes of short ranges one index keeps (SMALL_CACHE_BYTES, with 64 bytes an entry for the
 * array and the map): a warm session's queries touch rare terms spread over far more pages than
 * the page cache holds — the bench's 251 queries of 1–9 hits read about 1,000 pages, and with
 * 512 pages of 64 KiB the cache re-read one for most lookups (0.65 ms a search) to take a few
 * bytes out of it. Kept as copies of a few bytes, 8 MiB holds ~100,000 such lists.
 */
export const SMALL_CACHE_BYTES = 8 * 2 ** 20

/** The pages an index keeps, shared by its segments, bounded by their total size. */
export class PageCache {
  private readonly lru: SizeLru<number, Uint8Array>
  private readonly small: SizeLru<number, Uint8Array>
  private owners = 0

  constructor(
    readonly budget: number = PAGE_CACHE_BYTES,
    smallBudget: number = SMALL_CACHE_BYTES,
  ) {
    this.lru = new SizeLru(budget, (page) => page.byteLength)
    this.small = new SizeLru(smallBudget, (range) => range.byteLength + 64)
  }

  /** A short range of one segment's section kept on its own, by its offset. */
  getRange(owner: number, offset: number): Uint8Array | undefined {
    return this.small.get(owner * 2 ** 32 + offset)
  }

  setRange(owner: number, offset: number, bytes: Uint8Array): void {
    this.small.set(owner * 2 ** 32 + offset, bytes)
  }

  /** A key space for one segment's pages. */
  newOwner(): number {
    return this.owners++
  }

  get(owner: number, page: number): Uint8Array | undefined {
    return this.lru.get(owner * 2 ** 32 + page)
  }

  set(owner: number, page: number, bytes: Uint8Array): void {
    this.lru.set(owner * 2 ** 32 + page, bytes)
  }

  /** Forgets one segment's pages (it was closed). */
  drop(owner: number): void {
    this.lru.deleteWhere((key) => Math.floor(key / 2 ** 32) === owner)
    this.small.deleteWhere((key) => Math.floor(key / 2 ** 32) === owner)
  }

  stats(): { pages: number; bytes: number } {
    const s = this.lru.stats()
    return { pages: s.entries, bytes: s.size }
  }
}

/**
 * Reads every page of `bytes` once, so a damaged one throws now (IndexFileError): what `verify`
 * does, where a query would only read the pages it needs.
 */
export function readAllPages(bytes: ListBytes): void {
  for (let at = 0; at < bytes.length; at += PAGE_BYTES)
    bytes.range(at, Math.min(PAGE_BYTES, bytes.length - at))
}

export interface PagedSource {
  /** Reads the file; it must stay usable until `close`. */
  read: ByteReader
  /** Where the section starts in the file. */
  base: number
  /** Its page table (from the checked header). */
  pages: StoredPages
  io: SegmentIo
  cache: PageCache
  /** Names the file in errors: "segment seg-….bin". */
  name: string
  /** Names the section in errors: "the postings" (the default), "the term dictionary". */
  what?: string
  /** Called once, by the first `close` (index-store.ts closes the segment's file). */
  onClose?: () => void
}

/** A section read a page at a time from its file, each page checked on its first read. */
export class PagedBytes implements ListBytes {
  readonly length: number
  private readonly owner: number
  private closed = false
  private readonly what: string

  constructor(private readonly source: PagedSource) {
    this.length = source.pages.size
    this.what = source.what ?? 'the postings'
    this.owner = source.cache.newOwner()
  }

  range(offset: number, length: number): Uint8Array {
    if (length <= 0) return new Uint8Array(0)
    if (offset < 0 || offset + length > this.length)
      throw new IndexFileError(`${this.source.name}: a range lies outside ${this.what}`)
    const first = Math.floor(offset / PAGE_BYTES)
    const last = Math.floor((offset + length - 1) / PAGE_BYTES)
    if (first === last) {
      const at = offset - first * PAGE_BYTES
      if (length > SMALL_RANGE) return this.page(first).subarray(at, at + length)
      // A short range is kept as a copy of its own: its page may leave the page cache.
      const { cache } = this.source
      const kept = cache.getRange(this.owner, offset)
      if (kept && kept.length === length) return kept
      const copy = this.page(first).slice(at, at + length)
      cache.setRange(this.owner, offset, copy)
      return copy
    }
    // A list across pages (a common term's): copied out, the pages stay cached as pages.
    const out = new Uint8Array(length)
    for (let p = first, to = 0; p <= last; p++) {
      const page = this.page(p)
      const from = p === first ? offset - first * PAGE_BYTES : 0
      const n = Math.min(page.length - from, length - to)
      out.set(page.subarray(from, from + n), to)
      to += n
    }
    return out
  }

  private page(p: number): Uint8Array {
    const { cache, name } = this.source
    const cached = cache.get(this.owner, p)
    if (cached) return cached
    // A closed segment's file descriptor may already name another file: never read through it.
    if (this.closed) throw new IndexFileError(`${name} was closed; the index was replaced`)
    const { read, base, pages, io } = this.source
    const raw = loadPage(read, base, pages, p, io, `${name}: page ${p} of ${this.what}`)
    // A plain Uint8Array view (the reader may hand a Buffer): one array shape in the decoders.
    const page = new Uint8Array(raw.buffer, raw.byteOffset, raw.length)
    cache.set(this.owner, p, page)
    return page
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.source.cache.drop(this.owner)
    this.source.onClose?.()
  }
}
