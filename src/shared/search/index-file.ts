// Reads a persisted segment of the index (segment.ts; written by segment-write.ts): a small JSON
// header (our format version, the options it was built with, its issues, a checksum per
// section) followed by the typed arrays as raw little-endian bytes, each 8-byte aligned. Loading
// reads each section into its own buffer and makes a view of it: no parsing. From a file, most
// of it is read only when a query or a view needs it: the postings and the text page by page
// (paged-bytes.ts, paged-text.ts), the columns only shown hits read on first use
// (lazy-columns.ts).
// The index file itself (index-manifest.ts) lists the segment files and their deletions.
import { IndexFileError } from './index-error'
import type { ByteReader, Checksum, SegmentIo } from './index-error'
import type { NgramIndexData } from './ngram'
import { PagedBytes, PlainBytes } from './paged-bytes'
import type { ListBytes, PageCache } from './paged-bytes'
import { decodeUnits, PagedText, TextPageCache } from './paged-text'
import { checkPageTable, loadSection } from './page-store'
import type { TextColumn } from './paged-text'
import { checkAllBlocks, readDictionary } from './term-dictionary'
import {
  ENGINE_COLUMNS,
  LazyDocColumns,
  READ_AT_OPEN,
  SHOWN_COLUMNS,
  readChecked,
  UNIT,
  unitsOf,
  viewSection,
} from './lazy-columns'
import type { DocArray, EngineColumns, LazySource, ShownColumn } from './lazy-columns'
import type { DocColumns, IndexSegment } from './segment'
import { readHeader, SECTIONS } from './segment-format'
import type { Header, SectionInfo, SectionName } from './segment-format'

export { IndexFileError }
export type { ByteReader, Checksum, SegmentIo }

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
  io: SegmentIo,
  paging?: Paging,
): IndexSegment {
  const { checksum } = io
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
  const infos: Partial<Record<SectionName, SectionInfo>> = {}
  const texts: SectionInfo[] = []
  for (const s of header.sections) {
    const name = s.name as SectionName
    const kind = SECTIONS[name]
    if (kind === undefined || name in infos)
      throw new IndexFileError(`unexpected section ${s.name}`)
    if (
      !Number.isInteger(s.offset) ||
      !Number.isInteger(s.bytes) ||
      s.offset < 0 ||
      s.bytes < 0 ||
      dataStart + s.offset + s.bytes > size
    )
      throw new IndexFileError(`section ${name} is truncated`)
    checkPageTable(s.pages, s.bytes, `section ${name}`)
    infos[name] = s
    if (kind === 'paged' || kind === 'text') {
      // Checked against their page CRCs below, whole or page by page.
      if (kind === 'text') texts.push(s)
      continue
    }
    if (s.pages.size % UNIT[kind] !== 0)
      throw new IndexFileError(`section ${name} has a partial unit`)
    // From a file, a doc column is read when first used (lazy-columns.ts); the rest now.
    if (paging && !READ_AT_OPEN.has(name)) continue
    got[name] = viewSection(
      readChecked(read, dataStart, s, io, `section ${name}`),
      kind,
      decodeUnits,
    )
  }
  if (dataStart > headerEnd && read(headerEnd, dataStart - headerEnd).some((b) => b !== 0))
    throw new IndexFileError('damaged padding after the header')
  const missing = (Object.keys(SECTIONS) as SectionName[]).filter((n) => !(n in infos))
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
  const info = infos as Record<SectionName, SectionInfo>
  const v = got as {
    [K in SectionName]: (typeof SECTIONS)[K] extends 'text'
      ? TextColumn
      : (typeof SECTIONS)[K] extends 'string'
        ? string
        : (typeof SECTIONS)[K] extends 'u8'
          ? Uint8Array
          : (typeof SECTIONS)[K] extends 'u16'
            ? Uint16Array
            : Uint32Array
  }
  const listsInfo = info.lists
  const termsInfo = info.termDeltas
  let lists: ListBytes
  let deltas: ListBytes
  let lazyColumns: LazyDocColumns | undefined
  if (paging) {
    // The text columns read the same file as the postings: closing the postings (the segment's
    // one close, index-store.ts) ends their reading too and drops their cached pages.
    const textCache = paging.textCache ?? new TextPageCache()
    const columns: PagedText[] = []
    const termBytes = new PagedBytes({
      read,
      base: dataStart + termsInfo.offset,
      pages: termsInfo.pages,
      io,
      cache: paging.cache,
      name: paging.name,
      what: 'the term dictionary',
    })
    deltas = termBytes
    lists = new PagedBytes({
      read,
      base: dataStart + listsInfo.offset,
      pages: listsInfo.pages,
      io,
      cache: paging.cache,
      name: paging.name,
      onClose: () => {
        for (const c of columns) c.close()
        lazyColumns?.close()
        termBytes.close()
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
        pages: s.pages,
        io,
        cache: textCache,
        name: `${paging.name}, section ${s.name}`,
        holds: lists,
      })
      columns.push(column)
      got[s.name as SectionName] = column
    }
  } else {
    lists = new PlainBytes(
      loadSection(read, dataStart + listsInfo.offset, listsInfo.pages, io, 'section lists'),
    )
    deltas = new PlainBytes(
      loadSection(read, dataStart + termsInfo.offset, termsInfo.pages, io, 'section termDeltas'),
    )
    for (const s of texts) got[s.name as SectionName] = readText(read, dataStart, s, io)
  }
  const terms = readDictionary(
    {
      sampleKeys: v.sampleKeys,
      sampleStarts: v.sampleStarts,
      blockAt: v.blockAt,
      deltas,
    },
    lists.length,
  )
  if (!terms) throw new IndexFileError('inconsistent term dictionary')
  // Bytes in memory are checked whole now; a file's dictionary a block at a time as it is read.
  if (!paging) checkAllBlocks(terms)
  const ngram: NgramIndexData = { charIds: v.charIds, radix: header.radix, terms, lists }
  // Every column's length follows from its section's size: checked now, read or not.
  const units = (name: DocArray): number => unitsOf(info[name], SECTIONS[name])
  const n = units('issue')
  const perDoc: DocArray[] = [
    'headEnds',
    'page',
    'article',
    'type',
    'story',
    'titleOwn',
    'bodyPlain',
  ]
  const perDocPlusOne: DocArray[] = [
    'starts',
    'headlineStarts',
    'titleStarts',
    'bodyEditStarts',
    'bylineStarts',
    'bylineNormStarts',
  ]
  const consistent =
    perDoc.every((c) => units(c) === n) &&
    perDocPlusOne.every((c) => units(c) === n + 1) &&
    units('bodyTable') === header.radix &&
    ngram.charIds.length === 0x10000
  if (!consistent) throw new IndexFileError('inconsistent section sizes')
  const textColumns = { text: v.text, headlines: v.headlines, titles: v.titles }
  // What needs a column's bytes, checked when they are read: at open for the engine's.
  const engineValid = (v.starts[n] ?? 0) === v.text.length && storiesValid(v.story, v.issue)
  if (!engineValid) throw new IndexFileError('inconsistent section sizes')
  const validate = (name: ShownColumn, value: unknown): void => {
    if (name === 'bodyEditStarts' && (value as Uint32Array)[n] !== units('bodyEdits'))
      throw new IndexFileError(`inconsistent section ${name}`)
  }
  const engine = {} as Record<string, unknown>
  for (const name of ENGINE_COLUMNS) engine[name] = v[name]
  let docs: DocColumns
  if (paging) {
    const sections = {} as LazySource['sections']
    for (const name of SHOWN_COLUMNS) sections[name] = { info: info[name], kind: SECTIONS[name] }
    lazyColumns = new LazyDocColumns({
      engine: engine as unknown as EngineColumns,
      texts: textColumns,
      read,
      dataStart,
      io,
      sections,
      decode: decodeUnits,
      validate,
      name: paging.name,
      holds: lists,
    })
    docs = lazyColumns
  } else {
    const eager = { ...textColumns, ...engine } as Record<string, unknown>
    for (const name of SHOWN_COLUMNS) {
      eager[name] = v[name]
      validate(name, v[name])
    }
    docs = eager as unknown as DocColumns
  }
  return { issues: header.issues, docs, ngram }
}

/** A text section read whole, each page checked (a segment held in memory). */
function readText(read: ByteReader, dataStart: number, s: SectionInfo, io: SegmentIo): string {
  const name = `section ${s.name}`
  if (s.pages.size % 2 !== 0) throw new IndexFileError(`${name} has an odd length`)
  let raw = loadSection(read, dataStart + s.offset, s.pages, io, name)
  if (raw.byteOffset % 2 !== 0) raw = raw.slice()
  return decodeUnits(new Uint16Array(raw.buffer, raw.byteOffset, raw.length / 2))
}

/** Every story points at an earlier (or the same) doc of its issue, which is a story's first part. */
function storiesValid(story: Uint32Array, issue: Uint32Array): boolean {
  for (let d = 0; d < story.length; d++) {
    const h = story[d] as number
    if (h > d || issue[h] !== issue[d] || story[h] !== h) return false
  }
  return true
}

/** Parses and verifies a segment held in memory. */
export function deserializeSegment(bytes: Uint8Array, io: SegmentIo): IndexSegment {
  return readSegment(bytes.length, (offset, length) => bytes.subarray(offset, offset + length), io)
}
