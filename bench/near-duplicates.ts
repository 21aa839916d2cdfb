// How well the page fingerprint (src/shared/text/fingerprint.ts) tells copies from other pages,
// measured on the seeds and on a month of People's Daily pages (bench/lib/people-daily.ts, in its
// web form and re-wrapped as PDF extraction gives it):
//   - same page, other layout: exact fingerprint equal? estimated similarity;
//   - every pair of different pages: the highest similarity, and how many pairs reach the
//     warning and error thresholds (false positives);
//   - copies with a fraction of characters changed or cut off: the similarity they get;
//   - the cost of a sketch per MB of text.
//
//   npm run bench:dupes
import { join } from 'node:path'
import { readdirSync, readFileSync } from 'node:fs'
import {
  FINGERPRINT_PARAMS,
  MIN_FINGERPRINT_CHARS,
  NEAR_DUPLICATE_ERROR,
  NEAR_DUPLICATE_WARNING,
  similarity,
  sketchContent,
} from '../src/shared/text/fingerprint'
import { makeRng } from '../tests/support/rng'
import { peopleDailyPages } from './lib/people-daily'

const ROOT = join(import.meta.dirname, '..')
const seeds = readdirSync(join(ROOT, 'seeds'))
  .filter((n) => n.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'seeds', name), 'utf8') }))

interface Pairs {
  n: number
  /** Highest similarity of two pages below the warning threshold (the margin to it). */
  max: number
  warn: number
  error: number
  /** Pairs at or above the warning threshold whose content is identical / differs. */
  same: number
  differing: string[]
}

/** Every pair of pages with at least MIN_FINGERPRINT_CHARS characters of content. */
function pairs(pages: { name: string; text: string }[]): Pairs {
  const sk = pages
    .map((p) => ({ name: p.name, ...sketchContent(p.text) }))
    .filter((s) => s.chars >= MIN_FINGERPRINT_CHARS)
  const out: Pairs = { n: 0, max: 0, warn: 0, error: 0, same: 0, differing: [] }
  for (let i = 0; i < sk.length; i++)
    for (let j = i + 1; j < sk.length; j++) {
      const a = sk[i] as (typeof sk)[number]
      const b = sk[j] as (typeof sk)[number]
      const s = similarity(a.minhash, b.minhash)
      out.n++
      const identical = a.content === b.content
      if (s < NEAR_DUPLICATE_WARNING && s > out.max) out.max = s
      if (s >= NEAR_DUPLICATE_WARNING) {
        out.warn++
        if (identical) out.same++
        else out.differing.push(`${a.name}/${b.name} ${s.toFixed(3)} (${a.chars}/${b.chars} chars)`)
      }
      if (s >= NEAR_DUPLICATE_ERROR) out.error++
    }
  return out
}

function describe(p: Pairs): string {
  return `${p.n} pairs: highest similarity below the warning threshold ${p.max.toFixed(3)}; ≥warning ${p.warn} (identical content ${p.same}), ≥error ${p.error}${p.differing.length ? `; differing but flagged: ${p.differing.join(', ')}` : ''}`
}

function edited(text: string, rate: number, seed: number): string {
  const rng = makeRng(seed)
  const pool = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动'
  return [...text]
    .map((c) => (/\s/.test(c) || rng() >= rate ? c : pool[Math.floor(rng() * pool.length)]))
    .join('')
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b)
  const mean = s.reduce((a, b) => a + b, 0) / s.length
  return `min ${s[0]?.toFixed(3)} mean ${mean.toFixed(3)} max ${s[s.length - 1]?.toFixed(3)}`
}

console.log(
  `params: shingle ${FINGERPRINT_PARAMS.shingle}, bins ${FINGERPRINT_PARAMS.bins}; warning ≥ ${NEAR_DUPLICATE_WARNING}, error ≥ ${NEAR_DUPLICATE_ERROR}`,
)
console.log(`seeds: ${seeds.length} pages, ${describe(pairs(seeds))}`)

const cache = join(import.meta.dirname, '.cache', 'people-daily')
const web = peopleDailyPages(cache, 'web')
const pdf = peopleDailyPages(cache, 'pdf')
const material: string[] = seeds.map((s) => s.text)
if (typeof web === 'string' || typeof pdf === 'string')
  console.log(`people-daily: skipped — ${String(typeof web === 'string' ? web : pdf)}`)
else {
  const byName = new Map(pdf.map((p) => [p.name, p.text]))
  let exact = 0
  const sims: number[] = []
  for (const w of web) {
    const p = byName.get(w.name)
    if (p === undefined) continue
    const a = sketchContent(w.text)
    const b = sketchContent(p)
    if (a.content === b.content) exact++
    sims.push(similarity(a.minhash, b.minhash))
  }
  console.log(
    `people-daily web vs re-wrapped (pdf form), ${sims.length} pages: exact fingerprint equal ${exact}; similarity ${stats(sims)}`,
  )
  const short = pdf.filter((p) => sketchContent(p.text).chars < MIN_FINGERPRINT_CHARS)
  console.log(
    `people-daily: ${pdf.length} pages, ${short.length} under ${MIN_FINGERPRINT_CHARS} characters (exempt: ${short.map((p) => `${p.name} "${p.text.trim().slice(0, 10)}"`).join(', ')})`,
  )
  console.log(`people-daily (pdf form), ${describe(pairs(pdf))}`)
  material.push(...pdf.map((p) => p.text))
}

// Edited copies: of pages long enough to be checked.
const long = material.filter((t) => sketchContent(t).chars >= MIN_FINGERPRINT_CHARS)
material.length = 0
material.push(...long)
for (const rate of [0.001, 0.002, 0.005, 0.01, 0.02, 0.05]) {
  const sims = material.map((t, k) =>
    similarity(sketchContent(t).minhash, sketchContent(edited(t, rate, k)).minhash),
  )
  console.log(
    `${(rate * 100).toFixed(1)}% of characters changed (${sims.length} pages): ${stats(sims)}; ≥error ${sims.filter((s) => s >= NEAR_DUPLICATE_ERROR).length}, ≥warning ${sims.filter((s) => s >= NEAR_DUPLICATE_WARNING).length}`,
  )
}
for (const cut of [0.01, 0.05, 0.1]) {
  const sims = material.map((t) =>
    similarity(
      sketchContent(t).minhash,
      sketchContent(t.slice(0, Math.round(t.length * (1 - cut)))).minhash,
    ),
  )
  console.log(
    `last ${cut * 100}% cut off: ${stats(sims)}; ≥error ${sims.filter((s) => s >= NEAR_DUPLICATE_ERROR).length}, ≥warning ${sims.filter((s) => s >= NEAR_DUPLICATE_WARNING).length}`,
  )
}
const bytes = material.reduce((s, t) => s + Buffer.byteLength(t), 0)
const t0 = performance.now()
for (let r = 0; r < 3; r++) for (const t of material) sketchContent(t)
const ms = (performance.now() - t0) / 3
console.log(
  `sketch cost: ${ms.toFixed(0)} ms for ${(bytes / 1024 / 1024).toFixed(1)} MB (${((bytes / 1024 / 1024) * (1000 / ms)).toFixed(1)} MB/s), normalizer included`,
)
