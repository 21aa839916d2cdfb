// Display bodies kept as edits to the normalized text (body-text.ts): any text — whitespace the
// normalizer drops, traditional characters, full-width forms, expansions, a lone surrogate —
// comes back exactly, under the identity table and under any segment's table, and edits rebased
// from one table to another and back say the same text.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyEdits,
  applyEditsMapped,
  chooseTable,
  editsFromMap,
  identity,
  rebaseEdits,
  tableDisplay,
} from '../../../src/shared/search/body-text'
import {
  bodyMappedOf,
  bodyOf,
  buildSearchIndex,
  mergedSegment,
} from '../../../src/shared/search/search-index'
import { seedArchive } from './seed-index'
import { composeIndex } from '../../../src/shared/search/compose-index'
import { segmentBody } from '../../../src/shared/search/segment'
import { normalizeMapped } from '../../../src/shared/text/normalize'
import { findMatches, findMatchesIn } from '../../../src/shared/search/matches'

/** Characters the normalizer treats differently: kept, folded, widened, dropped, expanded. */
const PIECES = [
  ...'发展改革委员会学习雷锋',
  ...'發展學習雷鋒個們',
  ...'，。：；！？（）',
  ...'ＡＢａｂ１２',
  ...'abcXYZ 019',
  ' ',
  '\n',
  '\n\n',
  '\t',
  '\u3000',
  '\u200b',
  '①',
  '㈠',
  'ﬁ',
  '\ud800',
  '😀',
]
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''))

function edited(display: string) {
  const { text: norm, map } = normalizeMapped(display)
  return { norm, edits: editsFromMap(display, norm, map) }
}

/** A tiny stand-in for a segment's character ids: every code unit its own id. */
const charIds = new Uint16Array(0x10000).map((_, i) => i)

describe('display bodies as edits to the normalized text', () => {
  it('round-trips any text under the identity table', () => {
    fc.assert(
      fc.property(text, (display) => {
        const { norm, edits } = edited(display)
        expect(applyEdits(norm, edits, 0, edits.length, identity)).toBe(display)
      }),
      { numRuns: 500 },
    )
  })

  it('round-trips under the table a set of texts favours, and back', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (displays) => {
        const bodies = displays.map(edited)
        const table = chooseTable(charIds, 0x10000, bodies)
        const shown = tableDisplay(charIds, table)
        bodies.forEach(({ norm, edits }, i) => {
          const rebased = rebaseEdits(norm, edits, 0, edits.length, identity, shown)
          expect(applyEdits(norm, rebased, 0, rebased.length, shown)).toBe(displays[i])
          const back = rebaseEdits(norm, rebased, 0, rebased.length, shown, identity)
          expect(applyEdits(norm, back, 0, back.length, identity)).toBe(displays[i])
        })
      }),
      { numRuns: 200 },
    )
  })

  it('keeps a traditional text in a few edits once the table favours its characters', () => {
    const displays = ['發展學習，雷鋒。', '學習發展，個們。']
    const bodies = displays.map(edited)
    // Against the identity, each folded character is an edit.
    expect(bodies[0]!.edits.length).toBeGreaterThan(4)
    const table = chooseTable(charIds, 0x10000, bodies)
    const shown = tableDisplay(charIds, table)
    const rebased = bodies.map(({ norm, edits }) =>
      rebaseEdits(norm, edits, 0, edits.length, identity, shown),
    )
    expect(rebased.map((e) => e.length)).toEqual([0, 0])
    expect(applyEdits(bodies[1]!.norm, [], 0, 0, shown)).toBe(displays[1])
  })

  it('reads the edits of one article out of a shared array', () => {
    const a = edited('雷锋 同志\n學習')
    const b = edited('ＡＢ ①')
    const all = [...a.edits, ...b.edits]
    expect(applyEdits(b.norm, all, a.edits.length, all.length, identity)).toBe('ＡＢ ①')
    expect(applyEdits(a.norm, all, 0, a.edits.length, identity)).toBe('雷锋 同志\n學習')
  })

  it('a segment of simplified and traditional articles gives back each text, merged too', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (texts) => {
        const issues = [{ id: 'a-2023-01-01', paper: 'a', date: '2023-01-01' }]
        const inputs = texts.map((t, i) => ({
          issue: 0,
          page: 1,
          article: i + 1,
          headline: '题',
          text: t,
        }))
        const index = buildSearchIndex(issues, inputs)
        texts.forEach((t, d) => expect(bodyOf(index, d)).toBe(t))
        const twice = composeIndex([
          { seg: index.segments[0]!.seg },
          { seg: index.segments[0]!.seg },
        ])
        const merged = mergedSegment(twice.segments)
        ;[...texts, ...texts].forEach((t, d) => expect(segmentBody(merged, d)).toBe(t))
      }),
      { numRuns: 60 },
    )
  })

  it("rebuilds the normalizer's map with the text under the identity table: the same matches", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (display, from, span) => {
        const { norm, edits } = edited(display)
        const again = normalizeMapped(display)
        const mapped = applyEditsMapped(norm, edits, 0, edits.length, identity)
        expect(mapped.text).toBe(display)
        expect(Array.from(mapped.map)).toEqual(Array.from(again.map))
        const at = norm.length ? from % norm.length : 0
        const term = norm.slice(at, at + 1 + (span % 4))
        if (term)
          expect(findMatchesIn(mapped.norm, mapped.map, [term])).toEqual(
            findMatches(display, [term]),
          )
      }),
      { numRuns: 500 },
    )
  })

  it("under a segment's table learnt from one-for-one forms, the same matches too", () => {
    // A table learnt from expansions ("①" shown for "1", "㈠" for "(一)") may place a character
    // within its edit one unit over from the normalizer; an archive's table comes from thousands
    // of articles of variants and widths (the seeds' test below).
    const oneForOne = PIECES.filter((p) => !['①', '㈠', 'ﬁ'].includes(p))
    const plain = fc.array(fc.constantFrom(...oneForOne), { maxLength: 80 }).map((a) => a.join(''))
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), fc.nat(), (displays, from) => {
        const bodies = displays.map(edited)
        const shown = tableDisplay(charIds, chooseTable(charIds, 0x10000, bodies))
        bodies.forEach(({ norm, edits }, i) => {
          const display = displays[i] as string
          const rebased = rebaseEdits(norm, edits, 0, edits.length, identity, shown)
          const mapped = applyEditsMapped(norm, rebased, 0, rebased.length, shown)
          expect(mapped.text).toBe(display)
          expect(Array.from(mapped.map)).toEqual(Array.from(normalizeMapped(display).map))
          const at = norm.length ? from % norm.length : 0
          const term = norm.slice(at, at + 2)
          if (term)
            expect(findMatchesIn(mapped.norm, mapped.map, [term])).toEqual(
              findMatches(display, [term]),
            )
        })
      }),
      { numRuns: 300 },
    )
  })

  it("rebuilds every seed article's map as the normalizer makes it", () => {
    const { index } = seedArchive()
    const n = index.docs.issue.length
    expect(n).toBeGreaterThan(20)
    for (let d = 0; d < n; d++) {
      const mapped = bodyMappedOf(index, d)
      expect(Array.from(mapped.map)).toEqual(Array.from(normalizeMapped(mapped.text).map))
    }
  })
})
