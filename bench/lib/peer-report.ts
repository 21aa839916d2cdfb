// The peers' part of the bench table and of results.json: each peer's build, memory, disk and
// reopen figures, its latency over the sampled queries and per hit band, and the engine's p95
// beside the best peer's in every band (issue 16: "below every peer's"; "print the ratios to
// the best peer"). The engine's figures are its engine-only times (no snippets), the form in
// which every peer answers.
import { BANDS } from './bands'
import type { Row } from './report'
import type { PeerResult, QueryDetail } from './results'
import { fmtBytes, fmtMs, latency } from './stats'
import type { Latency } from './stats'

export interface PeerRun {
  peer: string
  result?: PeerResult
  /** Why the peer was not measured (not installed, crashed, out of memory). */
  error?: string
}

const SAMPLED = (d: QueryDetail): boolean => !d.kind.startsWith('band ')

function pick(
  details: readonly QueryDetail[],
  ms: readonly number[],
  keep: (d: QueryDetail) => boolean,
): Latency {
  return latency(details.flatMap((d, i) => (keep(d) ? [ms[i] as number] : [])))
}

export interface PeerSummary {
  name: string
  sampled: Latency
  byHits: Record<string, Latency>
}

function summarize(
  name: string,
  details: readonly QueryDetail[],
  ms: readonly number[],
): PeerSummary {
  const byHits: Record<string, Latency> = {}
  for (const b of BANDS) byHits[b.name] = pick(details, ms, (d) => d.kind === `band ${b.name}`)
  return { name, sampled: pick(details, ms, SAMPLED), byHits }
}

const ratio = (x: number): string => (x >= 1 ? `${x.toFixed(2)}×` : `1/${(1 / x).toFixed(1)}`)

export function peerRows(
  details: readonly QueryDetail[],
  runs: readonly PeerRun[],
  textBytes: number,
): { rows: Row[]; summaries: PeerSummary[] } {
  const engine = summarize(
    'engine',
    details,
    details.map((d) => d.coreMs),
  )
  const rows: Row[] = [
    {
      section:
        'Peers (same articles and queries, complete result sets, interleaved with the scan in their own process; ms)',
    },
  ]
  const summaries: PeerSummary[] = []
  for (const run of runs) {
    const r = run.result
    if (!r) {
      rows.push({ label: run.peer, value: `not measured: ${run.error ?? 'unknown'}` })
      continue
    }
    const s = summarize(r.name, details, r.peerMs)
    summaries.push(s)
    const scan = summarize('scan', details, r.scanMs)
    rows.push(
      {
        label: `${r.name} (${r.setup})`,
        value: `build ${fmtMs(r.buildMs)}, heap ${fmtBytes(r.heapBytes)} = ${(r.heapBytes / textBytes).toFixed(2)}× text, rss +${fmtBytes(r.rssBytes)}`,
      },
      {
        label: '  disk / reopen + 1 query',
        value: `${r.diskBytes === undefined ? '–' : `${fmtBytes(r.diskBytes)} = ${(r.diskBytes / textBytes).toFixed(2)}× text`} / ${r.reopenMs === undefined ? '–' : fmtMs(r.reopenMs)}${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`,
      },
      {
        label: '  sampled p50 / p95',
        value: `${fmtMs(s.sampled.p50)} / ${fmtMs(s.sampled.p95)} (scan beside it ${fmtMs(scan.sampled.p50)} / ${fmtMs(scan.sampled.p95)})`,
      },
      {
        label: '  p95 by hits',
        value: BANDS.map((b) => `${b.name} ${fmtMs((s.byHits[b.name] as Latency).p95)}`).join(', '),
      },
      {
        label: '  recall / precision',
        value: `${(r.recall * 100).toFixed(3)}% / ${(r.precision * 100).toFixed(3)}% (${r.exactQueries} of ${r.checkedQueries} queries identical)`,
      },
    )
  }
  rows.push({
    label: 'engine (engine only)',
    value: `sampled p50 / p95 ${fmtMs(engine.sampled.p50)} / ${fmtMs(engine.sampled.p95)}; p95 by hits ${BANDS.map((b) => `${b.name} ${fmtMs((engine.byHits[b.name] as Latency).p95)}`).join(', ')}`,
  })
  if (summaries.length === 0) return { rows, summaries }
  const best = (band?: string): { name: string; p95: number } =>
    summaries
      .map((s) => ({ name: s.name, p95: band ? (s.byHits[band] as Latency).p95 : s.sampled.p95 }))
      .filter((x) => Number.isFinite(x.p95))
      .reduce((a, b) => (b.p95 < a.p95 ? b : a))
  for (const band of [undefined, ...BANDS.map((b) => b.name)]) {
    const b = best(band)
    const ours = band ? (engine.byHits[band] as Latency).p95 : engine.sampled.p95
    rows.push({
      label: `engine p95 / best peer, ${band ? `${band} hits` : 'sampled'}`,
      value: `${fmtMs(ours)} / ${fmtMs(b.p95)} (${b.name}) = ${ratio(ours / b.p95)}`,
      target: 'below every peer',
      pass: ours < b.p95,
    })
  }
  return { rows, summaries }
}
