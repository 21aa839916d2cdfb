// `npm run bench:segment`: how well pages are cut into articles, on two labelled sets.
// - seeds: the bundled pages, hand-labelled in tests/fixtures/segmentation/ (every block's line
//   range, type and title);
// - People's Daily, February 2019, joined from its per-article files, in the web and the
//   PDF-like form (bench/lib/people-daily.ts); rebuilt into bench/.cache/people-daily/ from a
//   local mirror, and skipped with the reason where the mirror or the 7-Zip binary is absent.
// It prints boundary precision / recall / F1, title accuracy and (seeds) type accuracy per set
// and form, and with --misses the titles it got wrong. Figures, not a timed test.
import { join } from 'node:path'
import { peopleDailyPages } from './lib/people-daily'
import type { PdForm } from './lib/people-daily'
import type { GoldPageT } from './lib/segment-gold'
import { emptyScore, figures, scorePage } from './lib/segment-score'
import type { Score } from './lib/segment-score'
import { LABELS, predict, seedGold } from './lib/segment-sets'

const showMisses = process.argv.includes('--misses')

function run(pages: { gold: GoldPageT; text: string }[]): Score {
  const s = emptyScore()
  for (const { gold, text } of pages) scorePage(gold, predict(text), s)
  return s
}

const pct = (x: number): string => x.toFixed(3)
const rows: string[][] = []
function report(
  set: string,
  s: Score,
  targets: { f1: number; titles: number; types?: number },
): void {
  const f = figures(s)
  const ok = f.f1 >= targets.f1 && f.titles >= targets.titles && (targets.types ?? 0) <= f.types
  rows.push([
    set,
    String(s.pages),
    String(s.trueBlocks),
    String(s.predicted),
    pct(f.precision),
    pct(f.recall),
    `${pct(f.f1)} (≥${targets.f1})`,
    `${pct(f.titles)} (≥${targets.titles})`,
    targets.types === undefined ? '–' : `${pct(f.types)} (≥${targets.types})`,
    ok ? 'PASS' : 'FAIL',
  ])
  if (showMisses)
    for (const m of s.misses)
      process.stdout.write(`  ${set} ${m.page}:${m.line}  want ${m.want}\n      got ${m.got}\n`)
}

const seeds = seedGold()
if (seeds.length) report('seeds', run(seeds), { f1: 0.95, titles: 0.9, types: 0.9 })
else process.stdout.write(`seeds: no labels in ${LABELS}\n`)

const cache = join(import.meta.dirname, '.cache', 'people-daily')
for (const form of ['web', 'pdf'] as PdForm[]) {
  const pages = peopleDailyPages(cache, form)
  if (typeof pages === 'string') {
    process.stdout.write(`people-daily ${form}: skipped — ${pages}\n`)
    continue
  }
  report(`people-daily ${form}`, run(pages), { f1: 0.9, titles: 0.85 })
}

const head = ['set', 'pages', 'true', 'found', 'P', 'R', 'F1', 'titles', 'types', '']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
for (const r of [head, ...rows])
  process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i] as number)).join('  ')}\n`)
