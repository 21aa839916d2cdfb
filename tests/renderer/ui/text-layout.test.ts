// Highlights and continuation links are laid out as pieces (never HTML).
import { describe, expect, it } from 'vitest'
import { layoutText, piecesOf } from '../../../src/renderer/ui/text-layout'

describe('layoutText', () => {
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
