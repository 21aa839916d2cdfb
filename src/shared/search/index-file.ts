// A persisted segment of the index (segment.ts): a small JSON header (our format version, the
// options it was built with, its issues, a checksum per section) followed by the typed arrays as
// raw little-endian bytes, each 8-byte aligned. Loading reads each section into its own buffer
// and makes a view of it: no parsing. The postings (`lists`) and the text sections, most of the
// file, are the exception: checked page by page and, from a file, read only when a query or a
// view needs them (paged-bytes.ts, paged-text.ts).
// The index file itself (index-manifest.ts) lists the segment files and their deletions.
import { IndexFileError } from './index-error'
import type { ByteReader, Checksum } from './index-error'
import type { NgramIndexData } from './ngram'
import { checkPages, PagedBytes, pageChecksums, PlainBytes } from './paged-bytes'
import type { PageCache } from './paged-bytes'
import { decodeUnits, PagedText, TextPageCache, textPageChecksums } from './paged-text'
import type { TextColumn } from './paged-text'
import { checkAllBlocks, readDictionary } from './term-dictionary'
import { INDEX_OPTIONS } from './search-index'
import type { DocColumns, IndexSegment } from './segment'
import {
  align,
  INDEX_FORMAT_VERSION,
  MAGIC,
  PREAMBLE,
  readHeader,
  SECTIONS,
  SEGMENT_FORMAT,
} from './segment-format'
import type { Header, SectionInfo, SectionName } from './segment-format'

export { IndexFileError }
export type { ByteReader, Checksum }

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

function encodeUtf16(column: TextColumn): Uint8Array {
  // A loaded column's pages are all read (and checked) when it is written elsewhere.
  const text = typeof column === 'string' ? column : column.slice(0, column.length)
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return bytesOf(out)
}

function sectionsOf(
  index: IndexSegment,
  checksum: Checksum,
): Record<SectionName, ArrayBufferView | TextColumn> {
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
    titleOwn: docs.titleOwn,
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
    const kind = SECTIONS[name]
    return kind === 'text' || kind === 'string'
      ? encodeUtf16(v as TextColumn)
      : bytesOf(v as ArrayBufferView)
  })
  const infos: SectionInfo[] = []
  let offset = 0
  let end = 0
  names.forEach((name, i) => {
    const b = payloads[i] as Uint8Array
    offset = align(end)
    const kind = SECTIONS[name]
    if (kind === 'text')
      infos.push({
        name,
        offset,
        bytes: b.byteLength,
        crc: 0,
        pages: textPageChecksums(b, checksum),
      })
    else infos.push({ name, offset, bytes: b.byteLength, crc: kind === 'paged' ? 0 : checksum(b) })
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

/**
 * How a segment file's postings are read: on demand through `read` (which must then stay usable
 * until the segment's `ngram.lists.close()`), their pages kept in `cache`, errors naming `name`.
 */
export interface Paging {
  cache: PageCache
  /** The decoded text pages the index keeps; by default one cache for this segment alone. */
  textCache?: TextPageCache
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
  const texts: SectionInfo[] = []
  for (const s of header.sections) {
    const name = s.name as SectionName
    const kind = SECTIONS[name]
    if (kind === undefined || name in got) throw new IndexFileError(`unexpected section ${s.name}`)
    if (dataStart + s.offset + s.bytes > size)
      throw new IndexFileError(`section ${name} is truncated`)
    if (kind === 'paged' || kind === 'text') {
      // Checked against their page CRCs below, whole or page by page.
      if (kind === 'paged') paged = s
      else texts.push(s)
      got[name] = s
      continue
    }
    let raw = read(dataStart + s.offset, s.bytes)
    if (raw.length !== s.bytes) throw new IndexFileError(`section ${name} is truncated`)
    if (checksum(raw) !== s.crc) throw new IndexFileError(`section ${name} fails its checksum`)
    // Typed-array views need aligned offsets; copy when the reader's buffer is not aligned.
    if (raw.byteOffset % 4 !== 0) raw = raw.slice()
    const buffer = raw.buffer as ArrayBuffer
    if (kind === 'string')
      got[name] = decodeUnits(new Uint16Array(buffer, raw.byteOffset, s.bytes / 2))
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
      ? TextColumn
      : (typeof SECTIONS)[K] extends 'string'
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
    // The text columns read the same file as the postings: closing the postings (the segment's
    // one close, index-store.ts) ends their reading too and drops their cached pages.
    const textCache = paging.textCache ?? new TextPageCache()
    const columns: PagedText[] = []
    lists = new PagedBytes({
      read,
      base: dataStart + listsInfo.offset,
      length: listsInfo.bytes,
      crcs: v.listPages,
      checksum,
      cache: paging.cache,
      name: paging.name,
      onClose: () => {
        for (const c of columns) c.close()
        textCache.drop()
        paging.onClose?.()
      },
    })
    // Each column holds the postings, so that the file is not closed by the safety net of an
    // index dropped unclosed (index-store.ts) while a column of it is still read.
    for (const s of texts) {
      const column = new PagedText({
        read,
        base: dataStart + s.offset,
        bytes: s.bytes,
        crcs: s.pages ?? [],
        checksum,
        cache: textCache,
        name: `${paging.name}, section ${s.name}`,
        holds: lists,
      })
      columns.push(column)
      got[s.name as SectionName] = column
    }
  } else {
    const raw = read(dataStart + listsInfo.offset, listsInfo.bytes)
    if (raw.length !== listsInfo.bytes) throw new IndexFileError('section lists is truncated')
    checkPages(raw, v.listPages, checksum, 'section lists')
    lists = new PlainBytes(raw)
    for (const s of texts) got[s.name as SectionName] = readText(read, dataStart, s, checksum)
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
    titleOwn: v.titleOwn,
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
  // Bytes in memory are checked whole now; a file's dictionary a block at a time as it is read.
  if (!paging) checkAllBlocks(terms)
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
    docs.titleOwn.length === n &&
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

/** A text section read whole and checked page by page (a segment held in memory). */
function readText(read: ByteReader, dataStart: number, s: SectionInfo, checksum: Checksum): string {
  const raw = read(dataStart + s.offset, s.bytes)
  const name = `section ${s.name}`
  if (raw.length !== s.bytes || s.bytes % 2 !== 0) throw new IndexFileError(`${name} is truncated`)
  const crcs = textPageChecksums(raw, checksum)
  if (!Array.isArray(s.pages) || s.pages.length !== crcs.length)
    throw new IndexFileError(`${name}: the page table does not fit the text`)
  crcs.forEach((c, p) => {
    if (c !== s.pages?.[p]) throw new IndexFileError(`${name}: page ${p} fails its checksum`)
  })
  const units = raw.byteOffset % 2 === 0 ? raw : raw.slice()
  return decodeUnits(new Uint16Array(units.buffer, units.byteOffset, s.bytes / 2))
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
