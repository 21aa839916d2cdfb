// The sampled, gap-coded term dictionary finds exactly the terms a flat sorted array would, and
// its persisted sections read back only when consistent.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IndexFileError } from '../../../src/shared/search/index-error'
import { PlainBytes } from '../../../src/shared/search/paged-bytes'
import {
  buildDictionary,
  checkAllBlocks,
  findTerm,
  forEachTerm,
  readDictionary,
  SAMPLE,
} from '../../../src/shared/search/term-dictionary'

/** Sorted distinct keys and list starts (each list ≥ 2 bytes), from gaps. */
const dictionaryInput = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 70_000 }), fc.integer({ min: 2, max: 300 })), {
    maxLength: 3 * SAMPLE + 5,
  })
  .map((gaps) => {
    const keys = new Uint32Array(gaps.length)
    const starts = new Uint32Array(gaps.length + 1)
    let key = 0
    let start = 0
    gaps.forEach(([k, s], i) => {
      key += k
      keys[i] = key
      starts[i] = start
      start += s
    })
    starts[gaps.length] = start
    return { keys, starts }
  })

describe('term dictionary', () => {
  it('finds every key at its list start, and no other key (property)', () => {
    fc.assert(
      fc.property(dictionaryInput, fc.array(fc.nat(300_000)), ({ keys, starts }, probes) => {
        const d = buildDictionary(keys, starts)
        expect(d.count).toBe(keys.length)
        keys.forEach((k, i) => expect(findTerm(d, k)).toBe(starts[i]))
        for (const p of probes) {
          const i = keys.indexOf(p)
          expect(findTerm(d, p)).toBe(i < 0 ? -1 : starts[i])
        }
        const seen: number[][] = []
        forEachTerm(d, (key, start) => seen.push([key, start]))
        expect(seen).toEqual([...keys].map((k, i) => [k, starts[i]]))
      }),
    )
  })

  it('reads back its sections, and refuses inconsistent ones', () => {
    fc.assert(
      fc.property(dictionaryInput, ({ keys, starts }) => {
        const d = buildDictionary(keys, starts)
        const end = starts[keys.length] as number
        const back = readDictionary(d, end)
        expect(back?.count).toBe(keys.length)
        expect(back?.lastKey).toBe(keys.length ? keys[keys.length - 1] : 0)
        expect(readDictionary(d, end + 1)).toBeNull()
        if (keys.length > 1) {
          // A key gap of 0 makes two terms one key: not ascending. Refused at read when it is in
          // the last block, else when its block is first read.
          const deltas = d.deltas.range(0, d.deltas.length).slice()
          deltas[0] = 0
          const read = readDictionary({ ...d, deltas: new PlainBytes(deltas) }, end)
          if (read) {
            expect(keys.length).toBeGreaterThan(SAMPLE)
            expect(() => findTerm(read, keys[1] as number)).toThrow(IndexFileError)
            expect(() => checkAllBlocks(read)).toThrow(/inconsistent term dictionary \(block 0\)/)
          }
        }
      }),
    )
  })

  it('costs well under the flat 8 bytes a term for small gaps', () => {
    const n = 100_000
    const keys = Uint32Array.from({ length: n }, (_, i) => 10 + i * 3)
    const starts = Uint32Array.from({ length: n + 1 }, (_, i) => i * 5)
    const d = buildDictionary(keys, starts)
    const bytes =
      d.deltas.length + d.sampleKeys.byteLength + d.sampleStarts.byteLength + d.blockAt.byteLength
    expect(bytes / n).toBeLessThan(2.5)
  })
})
