// Writes a segment (segment.ts) as the bytes of one file, in the layout segment-format.ts
// describes and index-file.ts reads: the header with its checksum and each section's page
// table, then each section 8-byte aligned, stored in pages (page-store.ts).
import type { SegmentIo } from './index-error'
import { READ_AT_OPEN } from './lazy-columns'
import { storePages } from './page-store'
import type { TextColumn } from './paged-text'
import { INDEX_OPTIONS } from './search-index'
import type { IndexSegment } from './segment'
import {
  align,
  INDEX_FORMAT_VERSION,
  MAGIC,
  PREAMBLE,
  SECTIONS,
  SEGMENT_FORMAT,
  storageOf,
} from './segment-format'
import type { Header, SectionInfo, SectionName } from './segment-format'

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

function sectionsOf(index: IndexSegment): Record<SectionName, ArrayBufferView | TextColumn> {
  const { docs, ngram } = index
  // All of a loaded segment's pages are read (and checked) when it is written elsewhere.
  const lists = ngram.lists.range(0, ngram.lists.length)
  const deltas = ngram.terms.deltas.range(0, ngram.terms.deltas.length)
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
    termDeltas: deltas,
    lists,
  }
}

/** Serializes a segment into the bytes of one file, each section stored as storageOf says. */
export function serializeSegment(index: IndexSegment, io: SegmentIo): Uint8Array {
  const { checksum } = io
  const values = sectionsOf(index)
  const names = Object.keys(SECTIONS) as SectionName[]
  const stored = names.map((name) => {
    const v = values[name]
    const kind = SECTIONS[name]
    const raw =
      kind === 'text' || kind === 'string'
        ? encodeUtf16(v as TextColumn)
        : bytesOf(v as ArrayBufferView)
    return storePages(raw, io, storageOf(name, READ_AT_OPEN.has(name)))
  })
  const infos: SectionInfo[] = []
  let offset = 0
  let end = 0
  names.forEach((name, i) => {
    const { bytes, pages } = stored[i] as (typeof stored)[number]
    offset = align(end)
    infos.push({ name, offset, bytes: bytes.byteLength, pages })
    end = offset + bytes.byteLength
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
  infos.forEach((info, i) =>
    out.set((stored[i] as (typeof stored)[number]).bytes, dataStart + info.offset),
  )
  return out
}
