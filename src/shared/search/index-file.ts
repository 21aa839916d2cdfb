// A persisted segment of the index (segment.ts): a small JSON header (our format version, the
// options it was built with, its issues, a checksum per section) followed by the typed arrays as
// raw little-endian bytes, each 8-byte aligned. Loading reads each section into its own buffer
// and makes a view of it: no parsing, and the text sections' bytes are released once decoded.
// The postings (`lists`, most of the file) are the exception: checked page by page and, from a
// file, read only when a query needs them (paged-bytes.ts).
// The index file itself (index-manifest.ts) lists the segment files and their deletions.
import { IndexFileError } from './index-error'
import type { ByteReader, Checksum } from './index-error'
import type { NgramIndexData } from './ngram'
import { checkPages, PagedBytes, pageChecksums, PlainBytes } from './paged-bytes'
import type { PageCache } from './paged-bytes'
import { readDictionary } from './term-dictionary'
import { INDEX_OPTIONS } from './search-index'
import type { DocColumns, IndexSegment, IssueRow } from './segment'

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
export const INDEX_FORMAT_VERSION = 11
const MAGIC = 'ARSEG011'
export const PREAMBLE = 12 // magic + header length

export { IndexFileError }
export type { ByteReader, Checksum }

interface SectionInfo {
  name: string
  offset: number
  bytes: number
  /** CRC-32 of the section; 0 for a paged one, whose pages' CRCs are a section of their own. */
  crc: number
}

interface Header {
  format: string
  version: number
  options: unknown
  issues: IssueRow[]
  radix: number
  sections: SectionInfo[]
}

/**
 * Sections and how their bytes are viewed: text (UTF-16), bytes, 16- or 32-bit integers, or
 * bytes checked and read a page at a time (paged: the postings, whose page CRCs are `listPages`).
 */
const SECTIONS = {
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
  bodyEdits: 'u16',
  bodyEditStarts: 'u32',
  bodyTable: 'u16',
  bodyPlain: 'u8',
  bylines: 'text',
  bylineStarts: 'u32',
  bylineNorms: 'text',
  bylineNormStarts: 'u32',
  charIds: 'u16',
  sampleKeys: 'u32',
  sampleStarts: 'u32',
  blockAt: 'u32',
  termDeltas: 'u8',
  listPages: 'u32',
  lists: 'paged',
} as const
type SectionName = keyof typeof SECTIONS

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

function encodeUtf16(text: string): Uint8Array {
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return bytesOf(out)
}

const align = (n: number): number => (n + 7) & ~7

function sectionsOf(
  index: IndexSegment,
  checksum: Checksum,
): Record<SectionName, ArrayBufferView | string> {
  const { docs, ngram } = index
  // All of a loaded segment's pages are read (and checked) when it is written elsewhere.
  const lists = ngram.lists.range(0, ngram.lists.length)
  return {
    text: docs.text,
    starts: docs.starts,
    headEnds: docs.headEnds,
    issue: docs.issue,
    page: docs.page,
    article: docs.article,
    type: docs.type,
    story: docs.story,
    headlines: docs.headlines,
    headlineStarts: docs.headlineStarts,
    titles: docs.titles,
    titleStarts: docs.titleStarts,
    bodyEdits: docs.bodyEdits,
    bodyEditStarts: docs.bodyEditStarts,
    bodyTable: docs.bodyTable,
    bodyPlain: docs.bodyPlain,
    bylines: docs.bylines,
    bylineStarts: docs.bylineStarts,
    bylineNorms: docs.bylineNorms,
    bylineNormStarts: docs.bylineNormStarts,
    charIds: ngram.charIds,
    sampleKeys: ngram.terms.sampleKeys,
    sampleStarts: ngram.terms.sampleStarts,
    blockAt: ngram.terms.blockAt,
    termDeltas: ngram.terms.deltas,
    listPages: pageChecksums(lists, checksum),
    lists,
  }
}

/** Serializes a segment into the bytes of one file. */
export function serializeSegment(index: IndexSegment, checksum: Checksum): Uint8Array {
  const values = sectionsOf(index, checksum)
  const names = Object.keys(SECTIONS) as SectionName[]
  const payloads = names.map((name) => {
    const v = values[name]
    return typeof v === 'string' ? encodeUtf16(v) : bytesOf(v)
  })
  const infos: SectionInfo[] = []
  let offset = 0
  let end = 0
  names.forEach((name, i) => {
    const b = payloads[i] as Uint8Array
    offset = align(end)
    const crc = SECTIONS[name] === 'paged' ? 0 : checksum(b)
    infos.push({ name, offset, bytes: b.byteLength, crc })
    end = offset + b.byteLength
  })
  const header: Header = {
    format: SEGMENT_FORMAT,
    version: INDEX_FORMAT_VERSION,
    options: INDEX_OPTIONS,
    issues: index.issues,
    radix: index.ngram.radix,
    sections: infos,
  }
  const check = checksum(new TextEncoder().encode(JSON.stringify(header)))
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, check }))
  const dataStart = align(PREAMBLE + headerBytes.length)
  // No padding after the last section, so every byte of the file is accounted for.
  const out = new Uint8Array(dataStart + end)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(8, headerBytes.length, true)
  out.set(headerBytes, PREAMBLE)
  infos.forEach((info, i) => out.set(payloads[i] as Uint8Array, dataStart + info.offset))
  return out
}

function readHeader(
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

/**
 * How a segment file's postings are read: on demand through `read` (which must then stay usable
 * until the segment's `ngram.lists.close()`), their pages kept in `cache`, errors naming `name`.
 */
export interface Paging {
  cache: PageCache
  name: string
  onClose?: () => void
}

/**
 * Reads and verifies a segment, section by section. Throws IndexFileError on any damage or
 * mismatch (bad magic, other version or options, truncation, a failed checksum, bad sizes).
 * With `paging`, the postings are not read here: each page is checked when a query first reads
 * it (paged-bytes.ts), and a damaged one throws IndexFileError then. Without, they are read and
 * every page checked now.
 */
export function readSegment(
  size: number,
  read: ByteReader,
  checksum: Checksum,
  paging?: Paging,
): IndexSegment {
  const { header: checked, headerEnd, dataStart } = readHeader(size, read)
  // The header without its `check` is written by JSON.stringify in this key order, so
  // re-serializing what was parsed reproduces the checksummed bytes exactly.
  const { check, ...header } = checked as Header & { check?: unknown }
  if (
    typeof check !== 'number' ||
    checksum(new TextEncoder().encode(JSON.stringify(header))) !== check
  )
    throw new IndexFileError('the header fails its checksum')
  if (
    !Number.isInteger(header.radix) ||
    !Array.isArray(header.issues) ||
    !Array.isArray(header.sections)
  )
    throw new IndexFileError('unreadable header')
  const got: Partial<Record<SectionName, unknown>> = {}
  let paged: SectionInfo | undefined
  for (const s of header.sections) {
    const name = s.name as SectionName
    const kind = SECTIONS[name]
    if (kind === undefined || name in got) throw new IndexFileError(`unexpected section ${s.name}`)
    if (dataStart + s.offset + s.bytes > size)
      throw new IndexFileError(`section ${name} is truncated`)
    if (kind === 'paged') {
      // Checked against listPages below, whole or page by page.
      paged = s
      got[name] = s
      continue
    }
    let raw = read(dataStart + s.offset, s.bytes)
    if (raw.length !== s.bytes) throw new IndexFileError(`section ${name} is truncated`)
    if (checksum(raw) !== s.crc) throw new IndexFileError(`section ${name} fails its checksum`)
    // Typed-array views need aligned offsets; copy when the reader's buffer is not aligned.
    if (raw.byteOffset % 4 !== 0) raw = raw.slice()
    const buffer = raw.buffer as ArrayBuffer
    if (kind === 'text') got[name] = new TextDecoder('utf-16le').decode(raw)
    else if (kind === 'u8') got[name] = raw
    else if (kind === 'u16') got[name] = new Uint16Array(buffer, raw.byteOffset, s.bytes / 2)
    else got[name] = new Uint32Array(buffer, raw.byteOffset, s.bytes / 4)
  }
  if (dataStart > headerEnd && read(headerEnd, dataStart - headerEnd).some((b) => b !== 0))
    throw new IndexFileError('damaged padding after the header')
  const missing = (Object.keys(SECTIONS) as SectionName[]).filter((n) => !(n in got))
  if (missing.length) throw new IndexFileError(`missing sections: ${missing.join(', ')}`)
  // Every byte is either in a checksummed section or zero padding before the next one.
  let at = 0
  for (const s of [...header.sections].sort((a, b) => a.offset - b.offset)) {
    if (s.offset < at || s.offset - at >= 8) throw new IndexFileError('inconsistent section layout')
    if (s.offset > at && read(dataStart + at, s.offset - at).some((b) => b !== 0)) {
      throw new IndexFileError('damaged padding between sections')
    }
    at = s.offset + s.bytes
  }
  if (dataStart + at !== size)
    throw new IndexFileError(`${size - dataStart - at} unexpected bytes at the end`)
  const v = got as {
    [K in SectionName]: (typeof SECTIONS)[K] extends 'text'
      ? string
      : (typeof SECTIONS)[K] extends 'u8'
        ? Uint8Array
        : (typeof SECTIONS)[K] extends 'u16'
          ? Uint16Array
          : (typeof SECTIONS)[K] extends 'paged'
            ? SectionInfo
            : Uint32Array
  }
  const listsInfo = paged as SectionInfo
  let lists
  if (paging) {
    lists = new PagedBytes({
      read,
      base: dataStart + listsInfo.offset,
      length: listsInfo.bytes,
      crcs: v.listPages,
      checksum,
      ...paging,
    })
  } else {
    const raw = read(dataStart + listsInfo.offset, listsInfo.bytes)
    if (raw.length !== listsInfo.bytes) throw new IndexFileError('section lists is truncated')
    checkPages(raw, v.listPages, checksum, 'section lists')
    lists = new PlainBytes(raw)
  }
  const docs: DocColumns = {
    text: v.text,
    starts: v.starts,
    headEnds: v.headEnds,
    issue: v.issue,
    page: v.page,
    article: v.article,
    type: v.type,
    story: v.story,
    headlines: v.headlines,
    headlineStarts: v.headlineStarts,
    titles: v.titles,
    titleStarts: v.titleStarts,
    bodyEdits: v.bodyEdits,
    bodyEditStarts: v.bodyEditStarts,
    bodyTable: v.bodyTable,
    bodyPlain: v.bodyPlain,
    bylines: v.bylines,
    bylineStarts: v.bylineStarts,
    bylineNorms: v.bylineNorms,
    bylineNormStarts: v.bylineNormStarts,
  }
  const terms = readDictionary(
    {
      sampleKeys: v.sampleKeys,
      sampleStarts: v.sampleStarts,
      blockAt: v.blockAt,
      deltas: v.termDeltas,
    },
    lists.length,
  )
  if (!terms) throw new IndexFileError('inconsistent term dictionary')
  const ngram: NgramIndexData = { charIds: v.charIds, radix: header.radix, terms, lists }
  const n = docs.issue.length
  const consistent =
    docs.starts.length === n + 1 &&
    docs.headEnds.length === n &&
    docs.page.length === n &&
    docs.article.length === n &&
    docs.type.length === n &&
    docs.story.length === n &&
    storiesValid(docs) &&
    docs.headlineStarts.length === n + 1 &&
    docs.titleStarts.length === n + 1 &&
    docs.bodyEditStarts.length === n + 1 &&
    docs.bodyEditStarts[n] === docs.bodyEdits.length &&
    docs.bodyTable.length === header.radix &&
    docs.bodyPlain.length === n &&
    docs.bylineStarts.length === n + 1 &&
    docs.bylineNormStarts.length === n + 1 &&
    ngram.charIds.length === 0x10000 &&
    (docs.starts[n] ?? 0) === docs.text.length
  if (!consistent) throw new IndexFileError('inconsistent section sizes')
  return { issues: header.issues, docs, ngram }
}

/** Every story points at an earlier (or the same) doc of its issue, which is a story's first part. */
function storiesValid(docs: DocColumns): boolean {
  for (let d = 0; d < docs.story.length; d++) {
    const h = docs.story[d] as number
    if (h > d || docs.issue[h] !== docs.issue[d] || docs.story[h] !== h) return false
  }
  return true
}

/** Parses and verifies a segment held in memory. */
export function deserializeSegment(bytes: Uint8Array, checksum: Checksum): IndexSegment {
  return readSegment(
    bytes.length,
    (offset, length) => bytes.subarray(offset, offset + length),
    checksum,
  )
}
