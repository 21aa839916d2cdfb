// The failure of a damaged, old or foreign index file, and the two functions a reader of one is
// given. In their own module so that the paged bytes (paged-bytes.ts), which throw it when a page
// fails its checksum at query time, need not import the segment reader (index-file.ts).

export class IndexFileError extends Error {
  override name = 'IndexFileError'
}

export type Checksum = (bytes: Uint8Array) => number

/** Reads `length` bytes at `offset` of the index file. */
export type ByteReader = (offset: number, length: number) => Uint8Array

/** Deflates and inflates pages of a segment file (raw deflate: node:zlib in the app). */
export interface Codec {
  deflate(bytes: Uint8Array): Uint8Array
  /** Throws on bytes that are not a deflate stream. */
  inflate(bytes: Uint8Array): Uint8Array
}

/** What reading and writing a segment file is given: its checksum and its page codec. */
export interface SegmentIo {
  checksum: Checksum
  codec: Codec
}
