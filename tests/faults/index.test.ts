// A damaged index is never trusted: every truncation and every flipped byte of a segment file
// (where nearly all of its bytes are) is detected by a checksum (one per section, one for the
// header), a damaged index.bin by its own checksum, and one written for another archive by its
// key — and opening the archive then rebuilds it with a message: the answers are those of a
// fresh index, and the rebuilt index loads cleanly next time. (Before the header had its own
// checksum, a flipped byte in an issue's date or id went unnoticed.)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { IndexDamagedError } from '../../src/node/index-damage'
import { toPublicError } from '../../src/shared/errors'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { checksum, loadIndexFile, segmentDirName, segmentIo } from '../../src/node/index-store'
import { deserializeSegment, IndexFileError } from '../../src/shared/search/index-file'
import { serializeSegment } from '../../src/shared/search/segment-write'
import { INDEX_FORMAT_VERSION } from '../../src/shared/search/segment-format'
import { readManifest, serializeManifest } from '../../src/shared/search/index-manifest'
import { tempArchive } from '../helpers'

let archive: { dir: string; cleanup: () => void }
let file: string
let indexFile: string
let manifest: Buffer
let good: Buffer
const QUERIES = ['发展和改革委员会', '雷锋', '低碳 OR 绿色', '"记者 刘静"', '经济 -北碚']
let expected: unknown[]

function answers(s: ArchiveService): unknown[] {
  return QUERIES.map((q) => ({ ...s.searchSync({ q, limit: 50 }), tookMs: 0 }))
}

beforeAll(() => {
  archive = tempArchive()
  const fresh = ArchiveService.open({ archiveDir: archive.dir })
  indexFile = join(archive.dir, INDEX_FILE)
  manifest = readFileSync(indexFile)
  const m = readManifest(manifest, checksum)
  // A fresh build is one segment: the damage goes to its file.
  file = join(archive.dir, segmentDirName(indexFile), m.segments[0]!.file)
  good = readFileSync(file)
  expect(loadIndexFile(indexFile).index.segments.length).toBe(1)
  expected = answers(fresh)
})

afterAll(() => archive.cleanup())

/** Where section `name` of the (good) segment file starts. */
function sectionAt(name: string): number {
  const headerLength = good.readUInt32LE(8)
  const header = JSON.parse(good.subarray(12, 12 + headerLength).toString()) as {
    sections: { name: string; offset: number }[]
  }
  const dataStart = (12 + headerLength + 7) & ~7
  return dataStart + (header.sections.find((s) => s.name === name)?.offset ?? NaN)
}

/**
 * Reads a damaged copy of the segment: refused (IndexFileError), or — the failure — read as a
 * segment with different content.
 */
function judge(bytes: Buffer): 'refused' | 'same' | 'SILENTLY DIFFERENT' {
  let loaded
  try {
    loaded = deserializeSegment(bytes, segmentIo)
  } catch (e) {
    if (!(e instanceof IndexFileError)) throw e
    return 'refused'
  }
  const again = Buffer.from(serializeSegment(loaded, segmentIo))
  return again.equals(good) ? 'same' : 'SILENTLY DIFFERENT'
}

describe('index segment damage is detected', () => {
  it('every truncation: the first 4 KB byte by byte, then every 997 bytes, then the last bytes', () => {
    const lengths = new Set<number>()
    for (let n = 0; n < Math.min(4096, good.length); n++) lengths.add(n)
    for (let n = 4096; n < good.length; n += 997) lengths.add(n)
    for (let n = good.length - 64; n < good.length; n++) lengths.add(n)
    for (const n of lengths) expect(judge(good.subarray(0, n)), `cut at ${n}`).toBe('refused')
  })

  it('a flipped byte anywhere (header byte by byte, then every 401st byte of the body)', () => {
    const offsets: number[] = []
    const headerLength = 12 + good.readUInt32LE(8)
    for (let i = 0; i < headerLength; i++) offsets.push(i)
    for (let i = headerLength; i < good.length; i += 401) offsets.push(i)
    const outcomes = new Map<string, number>()
    for (const at of offsets) {
      const bad = Buffer.from(good)
      bad[at] = (bad[at] as number) ^ 0x5a
      const outcome = judge(bad)
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      expect(['refused'], `flip at ${at}`).toContain(outcome)
    }
    expect(outcomes.get('refused')).toBe(offsets.length)
  })

  it('junk appended, zeroed sections, not an index at all', () => {
    // 4 KB of the postings, the last section (the middle of the file may be the character
    // table, zeros already for the most part).
    const zeroed = Buffer.from(good)
    zeroed.fill(0, good.length - 4096 - 64, good.length - 64)
    expect(zeroed.equals(good)).toBe(false)
    for (const [what, bytes] of [
      ['zeroed 4 KB', zeroed],
      ['text', Buffer.from('not an index\n')],
      ['the catalog', readFileSync(join(archive.dir, 'catalog.json'))],
      ['zeros', Buffer.alloc(good.length)],
    ] as const)
      expect(judge(bytes), what).toBe('refused')
    expect(judge(Buffer.concat([good, Buffer.from('junk')])), 'junk appended').toBe('refused')
  })
})

describe('opening an archive with a damaged index', () => {
  const cases: [string, () => void, RegExp][] = [
    ['truncated', () => writeFileSync(file, good.subarray(0, good.length >> 1)), /damaged/],
    [
      // The postings and the text are checked when a search reads them: see below.
      'a flipped byte in a section read at open (where each headline ends)',
      () => {
        const bad = Buffer.from(good)
        const at = sectionAt('headEnds') + 10
        bad[at] = (bad[at] as number) ^ 0xff
        writeFileSync(file, bad)
      },
      /section headEnds: page 0 fails its checksum/,
    ],
    [
      // Paged like the postings (format v14), but its last page is read at open for the count.
      'a flipped byte in the term dictionary (one page here)',
      () => {
        const bad = Buffer.from(good)
        const at = sectionAt('termDeltas') + 10
        bad[at] = (bad[at] as number) ^ 0xff
        writeFileSync(file, bad)
      },
      /page 0 of the term dictionary fails its checksum/,
    ],
    ['empty', () => writeFileSync(file, ''), /damaged/],
    ['index.bin truncated', () => writeFileSync(indexFile, manifest.subarray(0, 40)), /damaged/],
    [
      'index.bin written for another archive',
      () => {
        const m = readManifest(manifest, checksum)
        writeFileSync(indexFile, serializeManifest({ ...m, sourceKey: 'f'.repeat(64) }, checksum))
      },
      /the archive changed/,
    ],
    ['a segment missing', () => rmSync(file), /segment seg-[0-9a-f]+\.bin is missing/],
    [
      'index.bin of format v5 (one file)',
      () => {
        const old = Buffer.from(manifest)
        old.write('ARIDX004', 0)
        writeFileSync(indexFile, old)
      },
      /an index of format v5 or earlier \(one file\)/,
    ],
    [
      'index.bin of the format before (v9: a flat term dictionary)',
      () => {
        const at = manifest.indexOf(`"version":${INDEX_FORMAT_VERSION}`)
        expect(at).toBeGreaterThan(0)
        const old = Buffer.from(manifest)
        // Padded to the same length (JSON allows the space), so only the version differs.
        const before = `"version":${INDEX_FORMAT_VERSION - 1}`
        old.write(before.padEnd(`"version":${INDEX_FORMAT_VERSION}`.length), at)
        writeFileSync(indexFile, old)
      },
      new RegExp(`index format .* v${INDEX_FORMAT_VERSION - 1}, expected v${INDEX_FORMAT_VERSION}`),
    ],
    [
      'a segment file of the format before',
      () => {
        const old = Buffer.from(good)
        old.write(`ARSEG${String(INDEX_FORMAT_VERSION - 1).padStart(3, '0')}`, 0)
        writeFileSync(file, old)
      },
      /not an index segment of this version/,
    ],
    [
      'an issue date changed in the header (went unnoticed before the header had a checksum)',
      () => {
        const at = good.indexOf('"date":"2023-07-13"') + 16
        const bad = Buffer.from(good)
        bad[at] = '9'.charCodeAt(0)
        writeFileSync(file, bad)
      },
      /the header fails its checksum/,
    ],
    [
      'a folder in its place',
      () => {
        rmSync(indexFile)
        mkdirSync(indexFile)
      },
      /cannot be read \(.*it is a folder, not a file\)/,
    ],
  ]
  for (const [what, damage, reason] of cases) {
    it(`${what}: rebuilt with a message, same answers, loads cleanly next time`, () => {
      damage()
      const logs: string[] = []
      const s = ArchiveService.open({ archiveDir: archive.dir, log: (m) => logs.push(m) })
      expect(logs[0]).toMatch(/^Rebuilding the search index: /)
      expect(logs[0]).toMatch(reason)
      expect(answers(s)).toEqual(expected)
      if (what.includes('folder')) {
        // The index cannot replace a folder: kept in memory, and said so.
        expect(s.openResult.written).toBe(false)
        expect(logs.join()).toMatch(/kept in memory/)
        rmSync(indexFile, { recursive: true })
        ArchiveService.open({ archiveDir: archive.dir })
      } else expect(s.openResult).toMatchObject({ index: 'built', written: true })
      const next = ArchiveService.open({ archiveDir: archive.dir })
      expect(next.openResult.index).toBe('loaded')
      expect(answers(next)).toEqual(expected)
    })
  }
})

describe('a damaged page of the postings or the text, or a shown column (read and checked when first needed)', () => {
  const name = (): string => file.split('/').pop() as string
  it.each([
    // The last section is the postings: its last page.
    [
      'the postings',
      (): number => good.length - 100,
      (): string => `${name()}: page \\d+ of the postings`,
    ],
    // The text is the first section: its first page, which the first articles' hits show.
    [
      'the text',
      (): number => sectionAt('text') + 10,
      (): string => `${name()}, section text: page 0`,
    ],
    // A column only a shown hit reads (lazy-columns.ts): where each headline starts.
    [
      'the headline starts',
      (): number => sectionAt('headlineStarts') + 2,
      (): string => `${name()}, section headlineStarts: page 0`,
    ],
  ])(
    '%s: opens, then refuses the search with a message naming the segment and the page',
    (_what, at, where) => {
      const bad = Buffer.from(good)
      bad[at()] = (bad[at()] as number) ^ 0xff
      writeFileSync(file, bad)
      const s = ArchiveService.open({ archiveDir: archive.dir })
      expect(s.openResult.index).toBe('loaded')
      const damaged = new RegExp(
        `^The search index is damaged \\(segment ${where()} fails its checksum\\); run "index" to rebuild it`,
      )
      let thrown: unknown
      try {
        for (const q of QUERIES) s.searchSync({ q, limit: 50 })
      } catch (e) {
        thrown = e
      }
      expect(thrown).toBeInstanceOf(IndexDamagedError)
      expect((thrown as Error).message).toMatch(damaged)
      expect(toPublicError(thrown).code).toBe('bad-data')
      // Asked again, the page is read again and refused again: a damaged page is never cached.
      expect(() => QUERIES.forEach((q) => s.searchSync({ q, limit: 50 }))).toThrow(damaged)
      s.close()
      writeFileSync(file, good)
      expect(answers(ArchiveService.open({ archiveDir: archive.dir }))).toEqual(expected)
    },
  )
})
