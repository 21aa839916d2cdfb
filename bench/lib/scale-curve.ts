// The growth curve of issue 16 (`scale` in results.json): the headline figures of every scale
// measured, so that a run shows how build rate, disk, heap, open, latency and adding an issue grow
// with the archive. Each run records its own point in bench/.cache/scale/ (per corpus, seed and
// scale; a later run at the same scale replaces it) and then reads them all; a point measured
// with other engine sources than this run is kept but marked, since it does not describe the
// same code. `npm run bench:curve` measures 1/8, 1/4, 1/2 and the full corpus in one go.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Row } from './report'
import { fmtBytes, fmtMs } from './stats'

export interface ScalePoint {
  scale: number
  date: string
  engine: string
  loadAverage: number[]
  textBytes: number
  articles: number
  buildMs: number
  pageTextMBps: number
  indexBytes: number
  heapBytes: number
  openColdMs: number
  openWarmMs: number
  coldIndexMs: number
  coldScanMs: number
  warmP50: number
  warmP95: number
  /** Engine-only p95 per hit band. */
  bandP95: Record<string, number>
  addMs: number
  removeMs: number
  recall: number
  precision: number
}

/** Saves this run's point and returns every point of the same corpus and seed, by scale. */
export function recordScale(
  cacheDir: string,
  key: string,
  point: ScalePoint,
): Record<string, ScalePoint> {
  const dir = join(cacheDir, 'scale')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${key}-scale${point.scale}.json`), JSON.stringify(point, null, 1))
  const points: Record<string, ScalePoint> = {}
  for (const f of readdirSync(dir).sort()) {
    if (!f.startsWith(`${key}-scale`) || !f.endsWith('.json')) continue
    try {
      const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScalePoint
      points[String(p.scale)] = p
    } catch {
      // A damaged point is left out; the next run at that scale rewrites it.
    }
  }
  return Object.fromEntries(Object.entries(points).sort((a, b) => Number(a[0]) - Number(b[0])))
}

export function scaleRows(points: Record<string, ScalePoint>, engine: string): Row[] {
  const rows: Row[] = [
    {
      section:
        'Growth curve (results.json → scale; each scale as last measured, `npm run bench:curve` measures all)',
    },
  ]
  for (const p of Object.values(points)) {
    const x = (n: number): string => `${(n / p.textBytes).toFixed(2)}×`
    const bands = Object.entries(p.bandP95)
      .map(([b, ms]) => `${b} ${fmtMs(ms)}`)
      .join(', ')
    rows.push({
      label: `scale ${p.scale}: ${fmtBytes(p.textBytes)}, ${p.articles.toLocaleString('en')} articles${p.engine === engine ? '' : ' (other engine sources)'}`,
      value: `build ${p.pageTextMBps.toFixed(2)} MB/s, disk ${x(p.indexBytes)}, heap ${x(p.heapBytes)}, open cold ${fmtMs(p.openColdMs)}, cold/scan ${(p.coldIndexMs / p.coldScanMs).toFixed(2)}, warm p95 ${fmtMs(p.warmP95)} (${bands}), add ${fmtMs(p.addMs)}, recall ${(p.recall * 100).toFixed(2)}%`,
    })
  }
  return rows
}
