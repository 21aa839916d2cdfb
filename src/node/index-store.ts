// Reading and writing index files. A file is read section by section into separate buffers,
// so the bytes of its text sections are freed once decoded (a 360 MiB index would otherwise
// keep its text twice: as bytes and as a string).
import { closeSync, fstatSync, readSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { readIndex, readIndexKey, serializeIndex } from '../shared/search/index-file'
import type { ByteReader, LoadedIndex } from '../shared/search/index-file'
import type { SearchIndex } from '../shared/search/search-index'
import { writeFileAtomic } from './atomic'
import { openRegularFile } from './safe-path'

export const checksum = (b: Uint8Array): number => crc32(b)

function withReader<T>(path: string, fn: (size: number, read: ByteReader) => T): T {
  // An archive's index is data too: never read through a link, never a device or a pipe.
  const fd = openRegularFile(path)
  try {
    const size = fstatSync(fd).size
    return fn(size, (offset, length) => {
      const buf = Buffer.allocUnsafeSlow(length)
      let got = 0
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, offset + got)
        if (n === 0) break
        got += n
      }
      return got === length ? buf : buf.subarray(0, got)
    })
  } finally {
    closeSync(fd)
  }
}

/** Loads and verifies an index file; throws IndexFileError when it is damaged or foreign. */
export function loadIndexFile(path: string): LoadedIndex {
  return withReader(path, (size, read) => readIndex(size, read, checksum))
}

/** The archive key an index file was built for, reading only its header. */
export function indexFileKey(path: string): string {
  return withReader(path, (size, read) => readIndexKey(size, read))
}

/** The bytes of an index file (for callers that stage the file themselves). */
export function indexFileBytes(index: SearchIndex, sourceKey: string): Uint8Array {
  return serializeIndex(index, sourceKey, checksum)
}

export function saveIndexFile(path: string, index: SearchIndex, sourceKey: string): void {
  writeFileAtomic(path, indexFileBytes(index, sourceKey))
}
