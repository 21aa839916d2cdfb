// Queries by hit count (issue 16, `warm.byHits`): random substrings mostly hit one article
// (median 1, 75% ≤ 4), which flatters an index. These are the corpus's own words and phrases —
// runs of 2–4 Han characters — drawn so that each band of hit counts (1–9, 10–99, 100–999,
// ≥ 1000) gets at least BAND_QUERIES queries, their exact hit count taken from the scan.
import type { Rng } from '../../tests/support/rng'
import { shuffled } from './rng'
import type { JoinedScan } from './scan'

export const BANDS = [
  { name: '1-9', lo: 1, hi: 9 },
  { name: '10-99', lo: 10, hi: 99 },
  { name: '100-999', lo: 100, hi: 999 },
  { name: '>=1000', lo: 1000, hi: Infinity },
] as const
export type BandName = (typeof BANDS)[number]['name']

export const BAND_QUERIES = 48

export interface BandQuery {
  q: string
  band: BandName
  hits: number
}

const HAN = /^\p{Script=Han}+$/u

/**
 * Document frequencies of the Han n-grams (2–4 characters) of a sample of the articles, scaled
 * to the whole, pick candidates near each band; the scan gives each its exact hit count.
 */
export function sampleBandQueries(
  rng: Rng,
  texts: readonly string[],
  scan: JoinedScan,
  exclude: ReadonlySet<string>,
): { queries: BandQuery[]; short: BandName[] } {
  const sample = shuffled(rng, texts).slice(0, 12_000)
  const df = new Map<string, number>()
  for (const t of sample) {
    const seen = new Set<string>()
    for (let i = 0; i < t.length; i++)
      for (let len = 2; len <= 4 && i + len <= t.length; len++) seen.add(t.slice(i, i + len))
    for (const g of seen) if (HAN.test(g)) df.set(g, (df.get(g) ?? 0) + 1)
  }
  const scale = texts.length / Math.max(1, sample.length)
  const grams = shuffled(rng, [...df])
  const queries: BandQuery[] = []
  const short: BandName[] = []
  const taken = new Set(exclude)
  for (const band of BANDS) {
    // Candidates whose estimate is within a factor of 3 of the band (the estimate of a rare
    // gram is coarse: one sighting in the sample stands for `scale` articles).
    const near = grams.filter(([g, n]) => {
      const est = n * scale
      if (taken.has(g)) return false
      // Seen once in the sample: the rarest the sample can tell; the scan decides.
      if (band.lo === 1) return n === 1 || est <= band.hi * 3
      return est >= band.lo / 3 && (band.hi === Infinity || est <= band.hi * 3)
    })
    let got = 0
    for (let k = 0; k < near.length && k < 1500 && got < BAND_QUERIES; k++) {
      const g = (near[k] as [string, number])[0]
      const hits = scan.find([g]).length
      if (hits < band.lo || hits > band.hi) continue
      taken.add(g)
      queries.push({ q: g, band: band.name, hits })
      got++
    }
    if (got < BAND_QUERIES) short.push(band.name)
  }
  return { queries, short }
}
