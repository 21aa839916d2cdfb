// Pins the segmentation quality on the hand-labelled seed pages (tests/fixtures/segmentation/),
// measured by the same scorer as `npm run bench:segment`, so the figures cannot silently fall.
import { describe, expect, it } from 'vitest'
import { predict, seedGold } from '../../../bench/lib/segment-sets'
import { emptyScore, figures, scorePage } from '../../../bench/lib/segment-score'
import { BLOCK_TYPES } from '../../../src/shared/types'

describe('segmentation quality on the labelled seeds', () => {
  const pages = seedGold()
  const score = emptyScore()
  for (const { gold, text } of pages) scorePage(gold, predict(text), score)
  const f = figures(score)

  it('has a label file for every seed page, with every type known', () => {
    expect(pages).toHaveLength(5)
    for (const { gold } of pages) for (const b of gold.blocks) expect(BLOCK_TYPES).toContain(b.type)
  })

  it('finds the blocks, their printed titles and their types (measured 2026-12-02)', () => {
    // Measured: P 1.000, R 0.961, F1 0.980, titles 0.943, types 0.961.
    expect(f.f1).toBeGreaterThanOrEqual(0.98)
    expect(f.titles).toBeGreaterThanOrEqual(0.94)
    expect(f.types).toBeGreaterThanOrEqual(0.96)
  })

  it('never takes another block for a title (photo titles, figures, ad credits, banners)', () => {
    const titles = pages.flatMap(({ text }) =>
      predict(text).filter((p) => p.type === 'article' || p.type === 'brief'),
    )
    const wrong = ['健康养老', '同比增长600%', '江北区融媒体中心 宣', '新闻快递', '（无正文）']
    for (const t of titles) for (const w of wrong) expect(t.headline).not.toContain(w)
  })
})
