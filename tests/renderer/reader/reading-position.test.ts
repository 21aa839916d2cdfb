// Reading positions: remembered most recent first, forgotten back at the top, bounded, a
// "continue reading" list without finished articles, and the line/block arithmetic the pane's
// hook uses. A corrupt store is reset like any persisted store (tests/renderer/ui/persisted).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  blockAtLine,
  blockFor,
  clearPositions,
  continueList,
  forgetCount,
  forgetPosition,
  fractionAt,
  MAX_POSITIONS,
  percentRead,
  positionOf,
  readingStore,
  rememberPosition,
} from '../../../src/renderer/reader/reading-position'

const at = (articleId: string, offset: number, within = 0.5, length = 1000) => ({
  articleId,
  offset,
  within,
  length,
  headline: '“碳”寻发展新路径',
  paperName: '江北报',
  date: '2023-07-13',
  page: 1,
})

describe('reading positions', () => {
  beforeEach(() => clearPositions())

  it('remembers the latest position per article, most recent first', () => {
    rememberPosition(at('jiangbei-2023-07-13/p1/a1', 200))
    rememberPosition(at('jiangbei-2023-07-13/p2/a6', 50))
    rememberPosition(at('jiangbei-2023-07-13/p1/a1', 400, 0.25))
    const ids = readingStore.get().positions.map((p) => p.articleId)
    expect(ids).toEqual(['jiangbei-2023-07-13/p1/a1', 'jiangbei-2023-07-13/p2/a6'])
    expect(positionOf('jiangbei-2023-07-13/p1/a1')).toMatchObject({ offset: 400, within: 0.25 })
  })

  it('forgets an article scrolled back to its top', () => {
    rememberPosition(at('jiangbei-2023-07-13/p1/a1', 200))
    rememberPosition(at('jiangbei-2023-07-13/p1/a1', 0, 0))
    expect(positionOf('jiangbei-2023-07-13/p1/a1')).toBeUndefined()
    rememberPosition(at('jiangbei-2023-07-13/p1/a1', 0, 0.6))
    expect(positionOf('jiangbei-2023-07-13/p1/a1')).toBeDefined()
    forgetPosition('jiangbei-2023-07-13/p1/a1')
    expect(readingStore.get().positions).toEqual([])
  })

  it('counts the forgets of each article, so a pane drops a save recorded before one', () => {
    const a1 = 'jiangbei-2023-07-13/p1/a1'
    const before = forgetCount(a1)
    const other = forgetCount('jiangbei-2023-07-13/p2/a6')
    forgetPosition(a1)
    expect(forgetCount(a1)).toBe(before + 1)
    expect(forgetCount('jiangbei-2023-07-13/p2/a6')).toBe(other)
    clearPositions()
    expect(forgetCount(a1)).toBe(before + 2)
    expect(forgetCount('jiangbei-2023-07-13/p2/a6')).toBe(other + 1)
  })

  it(`keeps at most ${MAX_POSITIONS}, dropping the oldest`, () => {
    for (let i = 1; i <= MAX_POSITIONS + 5; i++) rememberPosition(at(`x-2023-01-01/p1/a${i}`, 10))
    const positions = readingStore.get().positions
    expect(positions).toHaveLength(MAX_POSITIONS)
    expect(positions[0]?.articleId).toBe(`x-2023-01-01/p1/a${MAX_POSITIONS + 5}`)
    expect(positionOf('x-2023-01-01/p1/a1')).toBeUndefined()
  })

  it('continue reading lists recent positions not read to the end', () => {
    rememberPosition(at('a-2023-01-01/p1/a1', 990, 0.5, 1000))
    rememberPosition(at('a-2023-01-01/p1/a2', 420, 0.5, 1000))
    expect(percentRead(at('x', 420))).toBe(42)
    expect(continueList(readingStore.get().positions).map((p) => p.articleId)).toEqual([
      'a-2023-01-01/p1/a2',
    ])
  })
})

describe('the reading line', () => {
  // Blocks of 100 px from y = 0: bottoms at 100, 200, 300…
  const bottom = (i: number) => (i + 1) * 100

  it('finds the block under the line by binary search', () => {
    expect(blockAtLine(10, bottom, 0)).toBe(0)
    expect(blockAtLine(10, bottom, 250)).toBe(2)
    expect(blockAtLine(10, bottom, 300)).toBe(3)
    expect(blockAtLine(10, bottom, 5000)).toBe(10)
    expect(blockAtLine(0, bottom, 10)).toBe(0)
  })

  it('says how far into the block the line is', () => {
    expect(fractionAt(200, 100, 250)).toBe(0.5)
    expect(fractionAt(200, 100, 100)).toBe(0)
    expect(fractionAt(200, 100, 900)).toBe(1)
    expect(fractionAt(200, 0, 250)).toBe(0)
  })

  it('finds the block for a remembered offset, also after the text changed', () => {
    const blocks = [{ start: 0 }, { start: 120 }, { start: 400 }]
    expect(blockFor(blocks, 120)).toBe(1)
    expect(blockFor(blocks, 130)).toBe(1)
    expect(blockFor(blocks, 10_000)).toBe(2)
    expect(blockFor([], 5)).toBe(-1)
  })
})

describe('the stored positions', () => {
  const data = new Map<string, string>()
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
  beforeEach(() => {
    data.clear()
    vi.stubGlobal('localStorage', storage)
    vi.resetModules()
  })
  afterEach(() => vi.unstubAllGlobals())

  const load = async () => ({
    reading: await import('../../../src/renderer/reader/reading-position'),
    persisted: await import('../../../src/renderer/ui/persisted'),
  })

  it('round-trip through localStorage', async () => {
    const { reading } = await load()
    reading.rememberPosition(at('jiangbei-2023-07-13/p1/a1', 200))
    vi.resetModules()
    const again = await load()
    expect(again.reading.positionOf('jiangbei-2023-07-13/p1/a1')).toMatchObject({ offset: 200 })
  })

  it('a position that is no article id resets the store, reported and kept aside', async () => {
    const bad = { version: 1, positions: [{ ...at('javascript:alert(1)', 1), at: '' }] }
    data.set('archive-reader.reading', JSON.stringify(bad))
    const { reading, persisted } = await load()
    expect(reading.readingStore.get().positions).toEqual([])
    expect(persisted.storeProblems()[0]).toMatchObject({ store: 'archive-reader.reading' })
    expect(data.get('archive-reader.reading.corrupt')).toContain('javascript')
  })

  it('truncated JSON resets the store too', async () => {
    data.set('archive-reader.reading', '{"version":1,"positions":[{"articleId":')
    const { reading, persisted } = await load()
    expect(reading.readingStore.get().positions).toEqual([])
    expect(persisted.storeProblems()).toHaveLength(1)
  })
})
