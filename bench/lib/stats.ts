// Small statistics and formatting helpers for the bench figures.

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50)
}

export interface Latency {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export function latency(samples: readonly number[]): Latency {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    // A loop, not Math.max(...samples): a load run collects more samples than a call's arguments.
    max: samples.reduce((m, x) => (x > m ? x : m), -Infinity),
    mean: samples.reduce((s, x) => s + x, 0) / Math.max(1, samples.length),
  }
}

export const MB = 1e6
export const MIB = 1024 * 1024

export function fmtBytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB (${(bytes / MB).toFixed(1)} MB)`
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 100) return `${ms.toFixed(0)} ms`
  if (ms >= 1) return `${ms.toFixed(2)} ms`
  return `${ms.toFixed(3)} ms`
}
