// The layout of a segment file (index-file.ts reads and writes it): the magic bytes, the
// header and its section table, and how each section's bytes are viewed.
import { IndexFileError } from './index-error'
import type { ByteReader } from './index-error'
import { INDEX_OPTIONS } from './search-index'
import type { IssueRow } from './segment'
import type { Compression, StoredPages } from './page-store'

export const SEGMENT_FORMAT = 'archive-reader/index-segment'
// v4: the header carries a checksum of itself (`check`), so a damaged issue row, radix or
// section table cannot slip through where the sections' own checksums do not reach.
// v5: a `story` column (the first part of each doc's continued story).
// v6: the index is a list of segments (index-manifest.ts); this is one segment's file.
// v7: byline columns (as printed and normalized), for `byline:` terms and the vocabulary.
// v8: compressed postings (postings.ts): `listStarts` and `lists` replace `offsets`, `postings`
// and `tf`.
// v9: display bodies kept as edits to the normalized text (body-text.ts): `bodyEdits`,
// `bodyEditStarts`, `bodyTable` and `bodyPlain` replace `bodies` and `bodyStarts`.
// v10: the term dictionary as sampled blocks of varint gaps (term-dictionary.ts): `sampleKeys`,
// `sampleStarts`, `blockAt` and `termDeltas` replace `keys` and `listStarts`.
// v11: the postings are checked per page of PAGE_BYTES (`listPages`, a CRC-32 each) instead of
// as one section, so that a segment opens without reading them (paged-bytes.ts).
// v12: the text sections are checked per page of TEXT_PAGE_UNITS (`pages` in their header
// entry), so that a segment opens without reading its text either (paged-text.ts).
// v13: a title is kept only where it is not its headline (`titleOwn`).
// v14: the term dictionary's varints (`termDeltas`) are paged like the postings, with their page
// CRCs in `termPages`, so that an open reads only the dictionary's samples.
// v15: every section is stored in pages (page-store.ts), deflated where that pays, its page table
// (stored ends and CRCs) in the header entry (`pages`): `listPages` and `termPages` go.
export const INDEX_FORMAT_VERSION = 15
export const MAGIC = 'ARSEG015'
export const PREAMBLE = 12 // magic + header length

export interface SectionInfo {
  name: string
  /** Where its stored bytes start (after the header, 8-byte aligned), and how many there are. */
  offset: number
  bytes: number
  /** Its pages: uncompressed size, where each stored page ends, their CRCs (page-store.ts). */
  pages: StoredPages
}

export interface Header {
  format: string
  version: number
  options: unknown
  issues: IssueRow[]
  radix: number
  sections: SectionInfo[]
}

/**
 * Sections and how their bytes are viewed: text (UTF-16, checked and read a page at a time),
 * string (UTF-16 read at open: the bylines, short, which a `byline:` term scans whole), bytes,
 * 16- or 32-bit integers, or bytes read a page at a time (paged: the postings and the
 * dictionary's varints). How each is stored (deflated or not) is storageOf's.
 */
export const SECTIONS = {
  text: 'text',
  starts: 'u32',
  headEnds: 'u32',
  issue: 'u32',
  page: 'u16',
  article: 'u16',
  type: 'u8',
  story: 'u32',
  headlines: 'text',
  headlineStarts: 'u32',
  titles: 'text',
  titleStarts: 'u32',
  titleOwn: 'u8',
  bodyEdits: 'u16',
  bodyEditStarts: 'u32',
  bodyTable: 'u16',
  bodyPlain: 'u8',
  bylines: 'string',
  bylineStarts: 'u32',
  bylineNorms: 'string',
  bylineNormStarts: 'u32',
  charIds: 'u16',
  sampleKeys: 'u32',
  sampleStarts: 'u32',
  blockAt: 'u32',
  termDeltas: 'paged',
  lists: 'paged',
} as const
export type SectionName = keyof typeof SECTIONS

/**
 * How a section is stored (page-store.ts). The text sections and the body edits are deflated
 * page by page (28–60% smaller; a page inflates once, then its cache keeps it inflated). What is
 * read as byte ranges is not (the postings, the dictionary's varints): bit-packed or varints
 * already, they deflate by 16–30% only, and the page cache holds less than all of them, so
 * every miss of a warm session inflated a page again — the first v15 bench run's warm p50 went
 * from 0.5 to 1.5 ms, two thirds of it in zlib. The sections an open reads (READ_AT_OPEN,
 * lazy-columns.ts) stay raw too: inflating the issue, page and article columns (runs) cost a
 * cold open 10–15 ms for 3 MiB of disk. Another column read whole is deflated only when it
 * shrinks to a quarter (runs: mostly empty bylines and titles), which inflates at memory speed.
 */
export function storageOf(name: SectionName, readAtOpen: boolean): Compression {
  const kind = SECTIONS[name]
  if (kind === 'paged') return 'none'
  if (kind === 'text' || name === 'bodyEdits') return 'pages'
  return readAtOpen ? 'none' : 'runs'
}

export const align = (n: number): number => (n + 7) & ~7

/** Reads and checks the magic bytes, format version and options of a segment file's header. */
export function readHeader(
  size: number,
  read: ByteReader,
): { header: Header; headerEnd: number; dataStart: number } {
  if (size < PREAMBLE) throw new IndexFileError('not an index file (too short)')
  const pre = read(0, PREAMBLE)
  if (new TextDecoder().decode(pre.subarray(0, 8)) !== MAGIC) {
    throw new IndexFileError('not an index segment of this version (bad magic bytes)')
  }
  const headerLength = new DataView(pre.buffer, pre.byteOffset, PREAMBLE).getUint32(8, true)
  if (PREAMBLE + headerLength > size) throw new IndexFileError('truncated header')
  let header: Header
  try {
    header = JSON.parse(new TextDecoder().decode(read(PREAMBLE, headerLength))) as Header
  } catch {
    throw new IndexFileError('unreadable header')
  }
  if (header.format !== SEGMENT_FORMAT || header.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(
      `index format ${header.format} v${header.version}, expected v${INDEX_FORMAT_VERSION}`,
    )
  }
  if (JSON.stringify(header.options) !== JSON.stringify(INDEX_OPTIONS)) {
    throw new IndexFileError('built with other search options')
  }
  return { header, headerEnd: PREAMBLE + headerLength, dataStart: align(PREAMBLE + headerLength) }
}
