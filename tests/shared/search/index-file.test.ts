import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  deserializeIndex,
  IndexFileError,
  serializeIndex,
} from '../../../src/shared/search/index-file'
import { matchingArticles } from '../../../src/shared/search/engine'
import { parseQuery } from '../../../src/shared/search/query'
import { seedArchive } from './seed-index'

const checksum = (b: Uint8Array) => crc32(b)
const { index } = seedArchive()

describe('index file', () => {
  const bytes = serializeIndex(index, 'key-1', checksum)

  it('round-trips: the loaded index answers like the built one', () => {
    const loaded = deserializeIndex(bytes, checksum)
    expect(loaded.sourceKey).toBe('key-1')
    for (const q of ['发展和改革委员会', '绿色 低碳', '雷锋 OR 北京', '企']) {
      expect(matchingArticles(loaded.index, parseQuery(q))).toEqual(
        matchingArticles(index, parseQuery(q)),
      )
    }
  })

  it('loads from an unaligned buffer', () => {
    const shifted = new Uint8Array(bytes.length + 3)
    shifted.set(bytes, 3)
    expect(deserializeIndex(shifted.subarray(3), checksum).index.docs.issue.length).toBe(
      index.docs.issue.length,
    )
  })

  it('detects every kind of damage', () => {
    const flip = bytes.slice()
    flip[flip.length - 5]! ^= 0xff
    expect(() => deserializeIndex(flip, checksum)).toThrow(/fails its checksum/)
    expect(() => deserializeIndex(bytes.slice(0, bytes.length - 100), checksum)).toThrow(
      /truncated/,
    )
    expect(() => deserializeIndex(bytes.slice(0, 20), checksum)).toThrow(IndexFileError)
    expect(() =>
      deserializeIndex(new TextEncoder().encode('{"not":"an index"}'), checksum),
    ).toThrow(/bad magic/)
    const header = bytes.slice()
    header[14]! ^= 0x20
    expect(() => deserializeIndex(header, checksum)).toThrow(IndexFileError)
  })
})
