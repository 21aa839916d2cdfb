// The persisted index: a small JSON header (our format version, the options it was built with,
// the key of the archive it indexes, a checksum per section) followed by the typed arrays as
// raw little-endian bytes, each 8-byte aligned, so loading is a read and a few views: no parse.
import type { NgramIndexData } from './ngram'
import { INDEX_OPTIONS } from './search-index'
import type { DocColumns, IssueRow, SearchIndex } from './search-index'

export const INDEX_FORMAT = 'archive-reader/index'
export const INDEX_FORMAT_VERSION = 2
const MAGIC = 'ARIDX002'

export type Checksum = (bytes: Uint8Array) => number

interface SectionInfo {
  name: string
  offset: number
  bytes: number
  crc: number
}

interface Header {
  format: string
  version: number
  options: unknown
  sourceKey: string
  issues: IssueRow[]
  radix: number
  sections: SectionInfo[]
}

export class IndexFileError extends Error {
  override name = 'IndexFileError'
}

type Sections = {
  text: Uint8Array
  starts: Uint32Array
  headEnds: Uint32Array
  issue: Uint32Array
  page: Uint16Array
  article: Uint16Array
  charIds: Uint16Array
  keys: Uint32Array
  offsets: Uint32Array
  postings: Uint32Array
  tf: Uint8Array
  bodyStart: Uint32Array
  bodyEnd: Uint32Array
  width: Uint16Array
  headlines: Uint8Array
  headlineStarts: Uint32Array
}
const SECTION_NAMES: (keyof Sections)[] = [
  'text',
  'starts',
  'headEnds',
  'issue',
  'page',
  'article',
  'charIds',
  'keys',
  'offsets',
  'postings',
  'tf',
  'bodyStart',
  'bodyEnd',
  'width',
  'headlines',
  'headlineStarts',
]
const BYTE_SECTIONS = new Set<keyof Sections>(['text', 'tf', 'headlines'])
const U16_SECTIONS = new Set<keyof Sections>(['page', 'article', 'charIds', 'width'])

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
}

function encodeUtf16(text: string): Uint8Array {
  const out = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i)
  return bytesOf(out)
}

const align = (n: number): number => (n + 7) & ~7

/** Serializes `index` into the bytes of one file. */
export function serializeIndex(
  index: SearchIndex,
  sourceKey: string,
  checksum: Checksum,
): Uint8Array {
  const { docs, ngram } = index
  const sections: Sections = {
    text: encodeUtf16(docs.text),
    starts: docs.starts,
    headEnds: docs.headEnds,
    issue: docs.issue,
    page: docs.page,
    article: docs.article,
    charIds: ngram.charIds,
    keys: ngram.keys,
    offsets: ngram.offsets,
    postings: ngram.postings,
    tf: ngram.tf,
    bodyStart: docs.bodyStart,
    bodyEnd: docs.bodyEnd,
    width: docs.width,
    headlines: encodeUtf16(docs.headlines),
    headlineStarts: docs.headlineStarts,
  }
  const infos: SectionInfo[] = []
  let offset = 0
  for (const name of SECTION_NAMES) {
    const b = bytesOf(sections[name])
    infos.push({ name, offset, bytes: b.byteLength, crc: checksum(b) })
    offset = align(offset + b.byteLength)
  }
  const header: Header = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    options: INDEX_OPTIONS,
    sourceKey,
    issues: index.issues,
    radix: ngram.radix,
    sections: infos,
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const dataStart = align(12 + headerBytes.length)
  const out = new Uint8Array(dataStart + offset)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(8, headerBytes.length, true)
  out.set(headerBytes, 12)
  for (const info of infos)
    out.set(bytesOf(sections[info.name as keyof Sections]), dataStart + info.offset)
  return out
}

export interface LoadedIndex {
  index: SearchIndex
  sourceKey: string
}

/** Reads the header only: which archive the file indexes, under which rules. */
export function readIndexHeader(bytes: Uint8Array): Header {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new IndexFileError('not an index file (bad magic bytes)')
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)
  if (12 + headerLength > bytes.length) throw new IndexFileError('truncated header')
  let header: Header
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Header
  } catch {
    throw new IndexFileError('unreadable header')
  }
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(
      `index format ${header.format} v${header.version}, expected v${INDEX_FORMAT_VERSION}`,
    )
  }
  if (JSON.stringify(header.options) !== JSON.stringify(INDEX_OPTIONS)) {
    throw new IndexFileError('built with other search options')
  }
  return header
}

/** Parses and verifies an index file. Throws IndexFileError on any damage or mismatch. */
export function deserializeIndex(bytes: Uint8Array, checksum: Checksum): LoadedIndex {
  const header = readIndexHeader(bytes)
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)
  const dataStart = align(12 + headerLength)
  // Typed-array views need aligned offsets; copy once if the buffer is not 8-byte aligned.
  const base = (bytes.byteOffset + dataStart) % 8 === 0 ? bytes : bytes.slice()
  const views: Partial<Record<keyof Sections, ArrayBufferView>> = {}
  const expected = new Set(SECTION_NAMES)
  for (const s of header.sections) {
    const name = s.name as keyof Sections
    if (!expected.delete(name)) throw new IndexFileError(`unexpected section ${s.name}`)
    const start = base.byteOffset + dataStart + s.offset
    if (dataStart + s.offset + s.bytes > base.length)
      throw new IndexFileError(`section ${name} is truncated`)
    const raw = new Uint8Array(base.buffer, start, s.bytes)
    if (checksum(raw) !== s.crc) throw new IndexFileError(`section ${name} fails its checksum`)
    const buffer = base.buffer as ArrayBuffer
    if (BYTE_SECTIONS.has(name)) views[name] = raw
    else if (U16_SECTIONS.has(name)) views[name] = new Uint16Array(buffer, start, s.bytes / 2)
    else views[name] = new Uint32Array(buffer, start, s.bytes / 4)
  }
  if (expected.size) throw new IndexFileError(`missing sections: ${[...expected].join(', ')}`)
  const v = views as Sections
  const docs: DocColumns = {
    text: new TextDecoder('utf-16le').decode(v.text),
    starts: v.starts,
    headEnds: v.headEnds,
    issue: v.issue,
    page: v.page,
    article: v.article,
    bodyStart: v.bodyStart,
    bodyEnd: v.bodyEnd,
    width: v.width,
    headlines: new TextDecoder('utf-16le').decode(v.headlines),
    headlineStarts: v.headlineStarts,
  }
  const ngram: NgramIndexData = {
    charIds: v.charIds,
    radix: header.radix,
    keys: v.keys,
    offsets: v.offsets,
    postings: v.postings,
    tf: v.tf,
  }
  const n = docs.issue.length
  if (
    docs.starts.length !== n + 1 ||
    docs.headEnds.length !== n ||
    docs.bodyStart.length !== n ||
    docs.bodyEnd.length !== n ||
    docs.width.length !== n ||
    docs.headlineStarts.length !== n + 1 ||
    ngram.offsets.length !== ngram.keys.length + 1 ||
    ngram.tf.length !== ngram.postings.length
  ) {
    throw new IndexFileError('inconsistent section sizes')
  }
  return { index: { issues: header.issues, docs, ngram }, sourceKey: header.sourceKey }
}
