// The checksum and page codec the segment tests read and write with: what the app uses
// (node:zlib), so that what a test writes is what the app would.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import type { SegmentIo } from '../../../src/shared/search/index-error'

export const checksum = (b: Uint8Array): number => crc32(b)

export const io: SegmentIo = {
  checksum,
  codec: { deflate: (b) => deflateRawSync(b, { level: 4 }), inflate: (b) => inflateRawSync(b) },
}
