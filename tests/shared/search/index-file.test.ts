import { describe, expect, it } from 'vitest'
import { deserializeSegment, IndexFileError } from '../../../src/shared/search/index-file'
import { serializeSegment } from '../../../src/shared/search/segment-write'
import { readManifest, serializeManifest } from '../../../src/shared/search/index-manifest'
import { composeIndex } from '../../../src/shared/search/compose-index'
import { matchingArticles } from '../../../src/shared/search/engine'
import { parseQuery } from '../../../src/shared/search/query'
import { seedArchive } from './seed-index'
import { checksum, io } from './segment-io'

const { index } = seedArchive()

describe('index segment file', () => {
  const bytes = serializeSegment(index.segments[0]!.seg, io)
  const deserializeIndex = (b: Uint8Array) => ({
    index: composeIndex([{ seg: deserializeSegment(b, io) }]),
  })

  it('round-trips: the loaded index answers like the built one', () => {
    const loaded = deserializeIndex(bytes)
    for (const q of ['发展和改革委员会', '绿色 低碳', '雷锋 OR 北京', '企']) {
      expect(matchingArticles(loaded.index, parseQuery(q))).toEqual(
        matchingArticles(index, parseQuery(q)),
      )
    }
  })

  it('loads from an unaligned buffer', () => {
    const shifted = new Uint8Array(bytes.length + 3)
    shifted.set(bytes, 3)
    expect(deserializeIndex(shifted.subarray(3)).index.docs.issue.length).toBe(
      index.docs.issue.length,
    )
  })

  it('detects every kind of damage', () => {
    const flip = bytes.slice()
    flip[flip.length - 5]! ^= 0xff
    expect(() => deserializeIndex(flip)).toThrow(/fails its checksum/)
    expect(() => deserializeIndex(bytes.slice(0, bytes.length - 100))).toThrow(/truncated/)
    expect(() => deserializeIndex(bytes.slice(0, 20))).toThrow(IndexFileError)
    expect(() => deserializeIndex(new TextEncoder().encode('{"not":"an index"}'))).toThrow(
      /bad magic/,
    )
    const header = bytes.slice()
    header[14]! ^= 0x20
    expect(() => deserializeIndex(header)).toThrow(IndexFileError)
  })
})

describe('index file (the manifest of segments)', () => {
  const m = {
    sourceKey: 'key-1',
    segmentDir: 'index.bin.segments',
    segments: [
      { file: 'seg-0123456789abcdef.bin', bytes: 10, docs: 2, issues: ['a', 'b'], deleted: [1] },
    ],
  }
  const bytes = serializeManifest(m, checksum)

  it('round-trips', () => expect(readManifest(bytes, checksum)).toEqual(m))

  it('refuses damage, names from data that are paths, and the single-file index of v5', () => {
    const flip = bytes.slice()
    flip[40]! ^= 0x01
    expect(() => readManifest(flip, checksum)).toThrow(IndexFileError)
    expect(() => readManifest(bytes.slice(0, bytes.length - 1), checksum)).toThrow(/truncated/)
    for (const bad of [
      { ...m, segmentDir: '../elsewhere.segments' },
      { ...m, segments: [{ ...m.segments[0]!, file: '../seg-0123456789abcdef.bin' }] },
      { ...m, segments: [{ ...m.segments[0]!, deleted: [2] }] },
    ])
      expect(() => readManifest(serializeManifest(bad, checksum), checksum)).toThrow(
        /unreadable header/,
      )
    const old = bytes.slice()
    old.set(new TextEncoder().encode('ARIDX004'), 0)
    expect(() => readManifest(old, checksum)).toThrow(/format v5 or earlier \(one file\)/)
  })
})
