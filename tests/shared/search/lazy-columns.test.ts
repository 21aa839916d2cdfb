// A segment read from its file reads its engine columns at open and each shown column (body
// edits, headline, title and byline starts …) only when first asked for: the same values as the
// segment read whole, each section read once, a damaged one refused every time it is asked
// for, and nothing read once the segment is closed.
import { describe, expect, it } from 'vitest'
import { deserializeSegment, readSegment } from '../../../src/shared/search/index-file'
import { serializeSegment } from '../../../src/shared/search/segment-write'
import {
  ENGINE_COLUMNS,
  readAllColumns,
  SHOWN_COLUMNS,
} from '../../../src/shared/search/lazy-columns'
import { PageCache } from '../../../src/shared/search/paged-bytes'
import { buildSearchIndex } from '../../../src/shared/search/search-index'
import { composeIndex } from '../../../src/shared/search/compose-index'
import type { DocColumns, DocInput } from '../../../src/shared/search/segment'
import { readHeader } from '../../../src/shared/search/segment-format'
import { io } from './segment-io'

const docs: DocInput[] = Array.from({ length: 300 }, (_, d) => ({
  issue: d % 3,
  page: 1 + (d % 4),
  article: d,
  headline: `标题${d}`,
  ...(d % 5 === 0 ? { title: `引题 标题${d}` } : {}),
  text: `第${d}篇 重慶日報報道，記者走訪了${d % 7}個村。`,
  ...(d % 4 === 0 ? { byline: `记者 刘${d}` } : {}),
}))
const issues = [0, 1, 2].map((i) => ({
  id: `x-2020-01-0${i + 1}`,
  paper: 'x',
  date: `2020-01-0${i + 1}`,
}))
const bytes = serializeSegment(buildSearchIndex(issues, docs).segments[0]!.seg, io)
const { header, dataStart } = readHeader(bytes.length, (o, n) => bytes.subarray(o, o + n))
const section = (name: string) => header.sections.find((s) => s.name === name)!

/** The segment read as from a file, recording which sections' bytes were read. */
function open(file: Uint8Array) {
  const read: string[] = []
  const seg = readSegment(
    file.length,
    (o, n) => {
      const s = header.sections.find(
        (x) => o >= dataStart + x.offset && o + n <= dataStart + x.offset + x.bytes && n > 0,
      )
      if (s) read.push(s.name)
      return file.slice(o, o + n)
    },
    io,
    { cache: new PageCache(), name: 'segment seg-test.bin' },
  )
  return { seg, read }
}

describe('lazy doc columns', () => {
  const whole = deserializeSegment(bytes, io)

  it('reads the engine columns at open and no shown column', () => {
    const { read } = open(bytes)
    for (const c of ENGINE_COLUMNS) expect(read).toContain(c)
    for (const c of SHOWN_COLUMNS) expect(read).not.toContain(c)
  })

  it('gives each shown column as the segment read whole, reading it once', () => {
    const { seg, read } = open(bytes)
    for (const c of [...ENGINE_COLUMNS, ...SHOWN_COLUMNS]) {
      expect(seg.docs[c as keyof DocColumns]).toEqual(whole.docs[c as keyof DocColumns])
      expect(seg.docs[c as keyof DocColumns]).toEqual(whole.docs[c as keyof DocColumns])
    }
    for (const c of SHOWN_COLUMNS) expect(read.filter((r) => r === c)).toHaveLength(1)
  })

  it('composes the same index, whose engine columns are laid out on first use', () => {
    const a = composeIndex([{ seg: open(bytes).seg }])
    const b = composeIndex([{ seg: whole }])
    expect(a.docs).toEqual(b.docs)
    expect(a.stats).toEqual(b.stats)
  })

  it('refuses a damaged shown column each time it is asked for, naming it', () => {
    const bad = bytes.slice()
    const at = dataStart + section('bodyEditStarts').offset + 1
    bad[at] = (bad[at] as number) ^ 0xff
    const { seg } = open(bad)
    const message = /segment seg-test\.bin, section bodyEditStarts: page 0 fails its checksum/
    expect(() => seg.docs.bodyEditStarts).toThrow(message)
    expect(() => seg.docs.bodyEditStarts).toThrow(message)
    expect(() => readAllColumns(seg.docs)).toThrow(message)
    // The in-memory reader checks it at once.
    expect(() => deserializeSegment(bad, io)).toThrow(
      /section bodyEditStarts: page 0 fails its checksum/,
    )
  })

  it('refuses a damaged engine column at open', () => {
    const bad = bytes.slice()
    const at = dataStart + section('story').offset + 1
    bad[at] = (bad[at] as number) ^ 0xff
    expect(() => open(bad)).toThrow(/section story: page 0 fails its checksum/)
  })

  it('reads nothing once its segment is closed', () => {
    const { seg, read } = open(bytes)
    void seg.docs.headlineStarts
    seg.ngram.lists.close()
    // What was read stays; what was not is refused rather than read through a closed file.
    expect(seg.docs.headlineStarts).toEqual(whole.docs.headlineStarts)
    expect(() => seg.docs.bylines).toThrow(/section bylines was closed; the index was replaced/)
    expect(read).not.toContain('bylines')
  })
})
