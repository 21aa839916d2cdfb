// How a segment section's bytes are stored (format v15): cut into pages of PAGE_BYTES, each
// deflated when that makes it smaller, each with the CRC-32 of the bytes stored. The page
// table (where each stored page ends, and its CRC) is in the checked header, so any page can be
// read, checked and inflated alone: the postings, the dictionary's varints and the text are read
// a page at a time (paged-bytes.ts, paged-text.ts), the columns whole (lazy-columns.ts).
//
// Why: the normalized text, the headlines and the postings were stored raw, and the index was
// 2.1× the page text on disk (the installer ships it). Deflated a page at a time they are 25–70%
// smaller, and a page inflates in a fraction of a millisecond, once: the caches keep pages
// inflated. The CRC is of the stored bytes, so a damaged page is refused before it is inflated.
// The compressor is the caller's (node:zlib in the app), like the checksum.
import { IndexFileError } from './index-error'
import type { ByteReader, SegmentIo } from './index-error'

/** Uncompressed bytes a page (the last page of a section may be shorter). */
export const PAGE_BYTES = 1 << 16

/** A section's page table, as the header keeps it. */
export interface StoredPages {
  /** Uncompressed length of the section. */
  size: number
  /** Where each stored page ends, from the section's start (ascending; the last = its bytes). */
  ends: number[]
  /** The CRC-32 of each stored page. */
  crcs: number[]
}

/** Whether to try deflating a section's pages: 'pages', or only when the whole shrinks to 1/4. */
export type Compression = 'none' | 'pages' | 'runs'

/**
 * The stored bytes of `raw` and their page table. With 'pages' each page is deflated where
 * that is smaller; with 'runs' only when the section deflates to a quarter or less (a column of
 * long runs, which inflates at memory speed: a column read at open must not cost the open
 * more time than its bytes saved).
 */
export function storePages(
  raw: Uint8Array,
  io: SegmentIo,
  compression: Compression,
): { bytes: Uint8Array; pages: StoredPages } {
  const parts: Uint8Array[] = []
  for (let at = 0; at < raw.length; at += PAGE_BYTES) {
    const page = raw.subarray(at, Math.min(raw.length, at + PAGE_BYTES))
    if (compression === 'none') parts.push(page)
    else {
      const packed = io.codec.deflate(page)
      parts.push(packed.length < page.length ? packed : page)
    }
  }
  if (compression === 'runs') {
    const stored = parts.reduce((s, p) => s + p.length, 0)
    if (stored * 4 > raw.length) return storePages(raw, io, 'none')
  }
  const ends: number[] = []
  const crcs: number[] = []
  let end = 0
  for (const p of parts) {
    end += p.length
    ends.push(end)
    crcs.push(io.checksum(p))
  }
  const bytes = new Uint8Array(end)
  let to = 0
  for (const p of parts) {
    bytes.set(p, to)
    to += p.length
  }
  return { bytes, pages: { size: raw.length, ends, crcs } }
}

/** Checks a page table against its section's stored length; throws IndexFileError if it does not fit. */
export function checkPageTable(pages: unknown, stored: number, name: string): StoredPages {
  const t = pages as StoredPages | undefined
  const ok =
    t !== undefined &&
    Number.isInteger(t.size) &&
    t.size >= 0 &&
    Array.isArray(t.ends) &&
    Array.isArray(t.crcs) &&
    t.ends.length === Math.ceil(t.size / PAGE_BYTES) &&
    t.crcs.length === t.ends.length &&
    t.ends.every(
      (e, p) =>
        Number.isInteger(e) &&
        e > (p ? (t.ends[p - 1] as number) : 0) &&
        // A stored page is never longer than the page it holds.
        e - (p ? (t.ends[p - 1] as number) : 0) <= pageSize(t, p),
    ) &&
    (t.ends.length ? t.ends[t.ends.length - 1] : 0) === stored &&
    t.crcs.every((c) => Number.isInteger(c))
  if (!ok) throw new IndexFileError(`${name}: the page table does not fit the section`)
  return t
}

/** Uncompressed bytes of page p. */
export function pageSize(pages: StoredPages, p: number): number {
  return Math.min(PAGE_BYTES, pages.size - p * PAGE_BYTES)
}

/**
 * Page p of a section stored at `base`, inflated: read, checked against its CRC, inflated when
 * it was stored deflated (shorter than its page). Throws IndexFileError naming `name` and the
 * page when it is truncated, fails its checksum or does not inflate to its page's length.
 */
export function loadPage(
  read: ByteReader,
  base: number,
  pages: StoredPages,
  p: number,
  io: SegmentIo,
  name: string,
): Uint8Array {
  const from = p ? (pages.ends[p - 1] as number) : 0
  const n = (pages.ends[p] as number) - from
  const raw = read(base + from, n)
  if (raw.length !== n) throw new IndexFileError(`${name} is truncated`)
  if (io.checksum(raw) !== pages.crcs[p]) throw new IndexFileError(`${name} fails its checksum`)
  const size = pageSize(pages, p)
  if (n === size) return raw
  let page: Uint8Array
  try {
    page = io.codec.inflate(raw)
  } catch {
    throw new IndexFileError(`${name} does not inflate`)
  }
  if (page.length !== size) throw new IndexFileError(`${name} does not inflate to its length`)
  return page
}

/** A whole section, inflated (what a column read whole takes); errors name `name`. */
export function loadSection(
  read: ByteReader,
  base: number,
  pages: StoredPages,
  io: SegmentIo,
  name: string,
): Uint8Array {
  if (pages.ends.length === 1) return loadPage(read, base, pages, 0, io, `${name}: page 0`)
  const out = new Uint8Array(pages.size)
  for (let p = 0; p < pages.ends.length; p++)
    out.set(loadPage(read, base, pages, p, io, `${name}: page ${p}`), p * PAGE_BYTES)
  return out
}
