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
   * Bytes [offset, offset + length): a view when they lie in one page (no copy: the hot path of
   * a query's short lists), else a copy assembled from the pages.
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

/** The pages an index keeps, shared by its segments, bounded by their total size. */
export class PageCache {
  private readonly lru: SizeLru<number, Uint8Array>
  private owners = 0

  constructor(readonly budget: number = PAGE_CACHE_BYTES) {
    this.lru = new SizeLru(budget, (page) => page.byteLength)
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
      return this.page(first).subarray(at, at + length)
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
