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

export interface WarmResult {
  openMs: number
  collectMs: number
  articles: number
  textChars: number
  sameArticles: boolean
  queries: number
  kinds: Record<string, number>
  zeroHitQueries: number
  medianHits: number
  engine: Latency
  core: Latency
  scan: Latency
  recall: number
  precision: number
  exactQueries: number
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
  files: number
  bytes: number
  matching: number
}

export interface NoopResult {
  importedMs: number
}
