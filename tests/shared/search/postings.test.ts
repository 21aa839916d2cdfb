// The compressed postings codec (postings.ts, postings-encode.ts): any lists round-trip exactly
// (doc ids and tf bytes), at and around block boundaries too, and seeking through the skip table
// answers as a plain membership test over the decoded list would.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BLOCK,
  encodedLength,
  intersectList,
  PostingReader,
} from '../../../src/shared/search/postings'
import { encodeLists } from '../../../src/shared/search/postings-encode'

interface List {
  docs: number[]
  tf: number[]
}

function encode(lists: List[]) {
  const offsets = new Uint32Array(lists.length + 1)
  lists.forEach((l, k) => (offsets[k + 1] = (offsets[k] as number) + l.docs.length))
  const docs = Uint32Array.from(lists.flatMap((l) => l.docs))
  const tf = Uint8Array.from(lists.flatMap((l) => l.tf))
  return encodeLists(docs, tf, offsets)
}

function readers(lists: List[]): PostingReader[] {
  const { starts, bytes } = encode(lists)
  return lists.map((_, k) => new PostingReader(bytes, starts[k] as number))
}

/** A tf byte: a count of 1–127, sometimes with the headline bit. */
const tfByte = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 127 }),
  fc.integer({ min: 1, max: 127 }).map((c) => c | 0x80),
)

/** Ascending distinct doc ids with a tf byte each, gaps from dense to sparse to 32-bit. */
const list = (minLength: number, maxLength: number) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constant(1),
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 1, max: 70_000 }),
          fc.integer({ min: 1, max: 2 ** 24 }),
        ),
        tfByte,
      ),
      { minLength, maxLength },
    )
    .chain((pairs) => fc.integer({ min: 0, max: 5 }).map((start) => ({ pairs, start })))
    .map(({ pairs, start }): List => {
      let doc = start - 1
      const docs: number[] = []
      for (const [gap] of pairs) docs.push((doc += gap))
      return { docs, tf: pairs.map(([, t]) => t) }
    })
    .filter((l) => l.docs.every((d) => d < 2 ** 32))

function sequential(n: number, tf: (i: number) => number, step = 1, from = 0): List {
  return {
    docs: Array.from({ length: n }, (_, i) => from + i * step),
    tf: Array.from({ length: n }, (_, i) => tf(i)),
  }
}

describe('compressed postings', () => {
  it('round-trips any lists: doc ids, tf bytes and lengths', () => {
    fc.assert(
      fc.property(fc.array(list(1, 400), { minLength: 1, maxLength: 6 }), (lists) => {
        const { starts, bytes } = encode(lists)
        lists.forEach((l, k) => {
          const r = new PostingReader(bytes, starts[k] as number)
          expect(r.length).toBe(l.docs.length)
          expect(encodedLength(bytes, starts[k] as number)).toBe(l.docs.length)
          const all = r.decodeAll()
          expect([...all.docs]).toEqual(l.docs)
          expect([...all.tf]).toEqual(l.tf)
        })
      }),
      { numRuns: 200 },
    )
  })

  it('round-trips at block boundaries (127, 128, 129, 256, 257 postings)', () => {
    for (const n of [1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 2 * BLOCK + 1]) {
      const cases = [
        sequential(n, () => 1), // consecutive docs, all tf 1: zero bits a posting
        sequential(n, (i) => (i % 7 === 0 ? 0x83 : 1), 3, 10),
        sequential(n, (i) => (i * 37) % 127 || 1, 100_003),
        sequential(n, (i) => (i % 2 ? 0x81 : 2), 1, 2 ** 32 - n - 1), // the last 32-bit ids
      ]
      for (const [r, l] of readers(cases).map((r, k) => [r, cases[k]!] as const)) {
        const all = r.decodeAll()
        expect(r.length).toBe(n)
        expect([...all.docs]).toEqual(l.docs)
        expect([...all.tf]).toEqual(l.tf)
        // Every doc of the list is found by seek with its tf byte, block after block.
        const probe = readers([l])[0]!
        l.docs.forEach((d, i) => expect(probe.seek(d)).toBe(l.tf[i]))
        expect(probe.seek(l.docs[n - 1]! + 1)).toBe(0)
        expect(probe.done).toBe(true)
      }
    }
  })

  it('is small for dense lists: consecutive docs with tf 1 take about 4 bytes a block', () => {
    const { bytes } = encode([sequential(10 * BLOCK, () => 1)])
    // Length varint (2); skip table: 10 last-doc deltas (≤ 2 bytes) and 9 block lengths (1);
    // 10 block headers, and no bits at all for the deltas or the tf bytes.
    expect(bytes.length).toBeLessThanOrEqual(2 + 10 * 2 + 9 + 10)
  })

  it('seek and intersectList agree with a membership test over the decoded list', () => {
    fc.assert(
      fc.property(
        list(1, 700),
        fc.array(fc.integer({ min: 0, max: 3_000_000 }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 100 }),
        (l, probes, takeEvery) => {
          const set = new Map(l.docs.map((d, i) => [d, l.tf[i]!]))
          // Candidates: random ids mixed with some of the list's own, ascending and distinct.
          const own = l.docs.filter((_, i) => takeEvery > 0 && i % takeEvery === 0)
          const cands = [...new Set([...probes, ...own])].sort((a, b) => a - b)
          const tf: number[] = []
          const got = intersectList(cands, readers([l])[0]!, tf)
          const want = cands.filter((c) => set.has(c))
          expect(got).toEqual(want)
          expect(tf).toEqual(want.map((c) => set.get(c)))
          // Seek answers 0 for an absent doc and never revisits a passed block wrongly.
          const r = readers([l])[0]!
          for (const c of cands) expect(r.seek(c)).toBe(set.get(c) ?? 0)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('skips to the block of a target: probing the last doc decodes one block', () => {
    const l = sequential(50 * BLOCK, () => 1, 5)
    const r = readers([l])[0]!
    expect(r.seek(l.docs[l.docs.length - 1]!)).toBe(1)
    expect(r.seek(l.docs[0]!)).toBe(0) // earlier than the current block: targets only ascend
    const s = readers([l])[0]!
    // A target between two docs of a middle block, then the first doc of the next block.
    expect(s.seek(5 * (3 * BLOCK + 10) + 2)).toBe(0)
    expect(s.done).toBe(false)
    expect(s.seek(5 * 4 * BLOCK)).toBe(1)
  })
})
