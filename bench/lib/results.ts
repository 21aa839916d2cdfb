// What each bench child reports to the parent (as one JSON line).
import type { Latency } from './stats'

export interface BuildResult {
  buildMs: number
  /** ms since the start of open() at which each phase ended. */
  phases: { collected?: number; indexed?: number; ready?: number }
  openResult: { index: string; reason?: string; written: boolean }
  indexBytes: number
  articles: number
  issues: number
  textChars: number
  distinctTerms: number
  postings: number
  segmentation: { fewer: number; more: number; examples: string[]; viewChecks: string[] }
  maxRssBytes: number
}

export interface Mismatch {
  q: string
  kind: string
  engine: number
  engineTotalAtLimit20: number
  scan: number
  missing: string[]
  extra: string[]
}

export interface QueryDetail {
  q: string
  kind: string
  hits: number
  engineMs: number
  coreMs: number
  scanMs: number
}

export interface BandResult {
  queries: number
  medianHits: number
  engine: Latency
  core: Latency
  scan: Latency
}

export interface WarmResult {
  openMs: number
  collectMs: number
  articles: number
  textChars: number
  sameArticles: boolean
  /** The sampled queries (the headline figures); the band queries come on top. */
  queries: number
  rounds: number
  kinds: Record<string, number>
  zeroHitQueries: number
  medianHits: number
  engine: Latency
  core: Latency
  scan: Latency
  /** Which scan the baseline is. */
  scanKind: string
  /** p50/p95 per band of hit counts (1–9, 10–99, 100–999, ≥ 1000), the corpus's words. */
  byHits: Record<string, BandResult>
  /** Bands that got fewer queries than wanted (a small corpus has few ≥ 1000-hit words). */
  bandsShort: string[]
  recall: number
  precision: number
  exactQueries: number
  /** Queries whose result sets were compared: the sampled and the band queries. */
  checkedQueries: number
  engineFound: number
  scanFound: number
  mismatches: Mismatch[]
  slowest: QueryDetail[]
}

export interface HeapResult {
  openMs: number
  index: string
  baseline: NodeJS.MemoryUsage
  afterOpen: NodeJS.MemoryUsage
  afterQueries: NodeJS.MemoryUsage
  queries: number
}

export interface ColdIndexResult {
  importedMs: number
  openedMs: number
  answeredMs: number
  index: string
  total: number
  hits: number
}

export interface ColdScanResult {
  importedMs: number
  answeredMs: number
  articles: number
  bytes: number
  matching: number
}

export interface AddRemoveResult {
  /** Each add of one issue: plan + commit of the import, ms. */
  addMs: number[]
  removeMs: number[]
  /** Bytes of the page added. */
  pageBytes: number
  /** Issues of the archive before. */
  issues: number
  indexBytesAfter: number
  maxRssBytes: number
}

export interface NoopResult {
  importedMs: number
}

export interface PeerResult {
  name: string
  setup: string
  articles: number
  buildMs: number
  /** heapUsed + external grown by the build (after gc). */
  heapBytes: number
  rssBytes: number
  diskBytes?: number
  reopenMs?: number
  notes: string[]
  /** Median ms per query, in query-details.json's order. */
  peerMs: number[]
  /** The joined-string scan, timed interleaved with the peer in the same child. */
  scanMs: number[]
  recall: number
  precision: number
  exactQueries: number
  checkedQueries: number
}
