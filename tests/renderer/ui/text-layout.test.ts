// Highlights and continuation links are laid out as pieces (never HTML).
import { describe, expect, it } from 'vitest'
import { layoutText, MAX_PARAGRAPH, piecesOf } from '../../../src/renderer/ui/text-layout'

describe('layoutText', () => {
  it('cuts a megabyte paragraph into blocks at sentence ends, every character and hit kept once', () => {
    const text = '城市建设，居民生活。'.repeat(35_000)
    const hits: [number, number][] = []
    for (let at = text.indexOf('居民'); at >= 0; at = text.indexOf('居民', at + 2))
      hits.push([at, at + 2])
    const paras = layoutText(text, hits)
    expect(paras.length).toBeGreaterThanOrEqual(text.length / MAX_PARAGRAPH)
    expect(paras.every((p) => p.end - p.start <= MAX_PARAGRAPH)).toBe(true)
    expect(paras.slice(1).every((p) => p.continued)).toBe(true)
    expect(paras.every((p) => text[p.end - 1] === '。')).toBe(true)
    const pieces = paras.flatMap((p) => p.runs.flatMap((r) => r.pieces))
    expect(pieces.map((x) => x.text).join('')).toBe(text)
    expect(pieces.filter((x) => x.hit !== undefined).map((x) => x.hit)).toEqual(
      hits.map((_, i) => i),
    )
  })
  it('splits paragraphs, marks hits and links, keeps every character once', () => {
    const text = '甲乙丙丁\n\n戊己（下转2版）'
    const paras = layoutText(
      text,
      [
        [1, 3],
        [6, 7],
      ],
      [[8, 14]],
    )
    expect(paras).toHaveLength(2)
    const joined = paras.map((p) => p.runs.flatMap((r) => r.pieces.map((x) => x.text)).join(''))
    expect(joined).toEqual(['甲乙丙丁', '戊己（下转2版）'])
    expect(paras[0]!.runs[0]!.pieces.filter((p) => p.hit !== undefined).map((p) => p.text)).toEqual(
      ['乙丙'],
    )
    const link = paras[1]!.runs.find((r) => r.link !== undefined)
    expect(link?.pieces.map((p) => p.text).join('')).toBe('（下转2版）')
  })

  it('a hit across a link boundary is split, both parts keep its number', () => {
    const pieces = piecesOf('abcdef', 2, 6, [[1, 4]])
    expect(pieces).toEqual([
      { start: 2, text: 'cd', hit: 0 },
      { start: 4, text: 'ef' },
    ])
  })

  it('text that looks like HTML stays text', () => {
    const paras = layoutText('<img src=x onerror=alert(1)>')
    expect(paras[0]!.runs[0]!.pieces[0]!.text).toBe('<img src=x onerror=alert(1)>')
  })
})
