// The labelled seed set and the prediction adapter shared by `npm run bench:segment` and the
// unit test that pins the seeds' figures (tests/shared/archive/segment-quality.test.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pageArticles } from '../../src/shared/archive/articles'
import { GoldPage } from './segment-gold'
import type { GoldPageT } from './segment-gold'
import { lineOf } from './segment-score'
import type { PredictedBlock } from './segment-score'

const ROOT = join(import.meta.dirname, '..', '..')
export const LABELS = join(ROOT, 'tests', 'fixtures', 'segmentation')

const squash = (s: string): string => s.replace(/[\s\u3000#]+/g, '')

export function predict(text: string): PredictedBlock[] {
  const lines = new Set(text.split('\n').map(squash))
  return pageArticles('bench', 1, text).map((a) => {
    // Segmenters from SEGMENTER_VERSION 3 on type every block and mark derived titles.
    const marked = 'type' in a ? a.headlineDerived === true : undefined
    const p: PredictedBlock = {
      line: lineOf(text, a.sourceRange[0]),
      type: (a as { type?: string }).type ?? 'article',
      headline: a.headline,
      // Older segmenters did not say; a derived title is not a whole line of the page.
      derived: marked ?? !lines.has(squash(a.headline)),
    }
    if (a.kicker) p.kicker = a.kicker
    if (a.subheadline) p.subheadline = a.subheadline
    return p
  })
}

export function seedGold(): { gold: GoldPageT; text: string }[] {
  return readdirSync(LABELS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = GoldPage.parse(JSON.parse(readFileSync(join(LABELS, f), 'utf8')))
      return { gold, text: readFileSync(join(ROOT, 'seeds', gold.source), 'utf8') }
    })
}
