// fingerprints.json: every page's content fingerprint (shared/text/fingerprint.ts), kept in the
// archive so that an import recognizes a page it already has — in another encoding, layout or
// with a few characters changed — without reading every page again. It is derived data, like
// index.bin: versioned (format, version and the sketch's parameters), checksummed, staged and
// installed by the transaction that changes the catalog (write/transaction.ts), and rebuilt from
// the pages when it is missing, damaged or out of date. Each entry names the page's sha256, so a
// stale entry is never mistaken for the current page: it is recomputed instead.
import { describeZodError } from '../shared/zod-problems'
import { join } from 'node:path'
import { z } from 'zod'
import { FINGERPRINT_PARAMS, sketchContent } from '../shared/text/fingerprint'
import type { Catalog } from '../shared/types'
import { readPageText, sha256 } from './archive-dir'
import { writeFileAtomic } from './atomic'
import { entryKind, readRegularText } from './safe-path'
import { FINGERPRINTS_FILE } from './write/journal'

export { FINGERPRINTS_FILE }
const FORMAT = 'archive-reader/fingerprints'
const VERSION = 1

export interface PageFingerprint {
  issue: string
  page: number
  /** sha256 of the page file's bytes: which version of the page this is the fingerprint of. */
  sha256: string
  /** sha256 of the content text (normalized, no whitespace). */
  exact: string
  /** Characters of the content text. */
  chars: number
  minhash: Uint32Array
}

/** Exact hash, length and sketch of a decoded page's text. */
export function fingerprintText(
  text: string,
): Pick<PageFingerprint, 'exact' | 'chars' | 'minhash'> {
  const s = sketchContent(text)
  return { exact: sha256(s.content), chars: s.chars, minhash: s.minhash }
}

function encodeSketch(m: Uint32Array): string {
  return Buffer.from(m.buffer, m.byteOffset, m.byteLength).toString('base64')
}

function decodeSketch(s: string): Uint32Array | undefined {
  const b = Buffer.from(s, 'base64')
  if (b.length !== FINGERPRINT_PARAMS.bins * 4) return undefined
  const out = new Uint32Array(FINGERPRINT_PARAMS.bins)
  for (let i = 0; i < out.length; i++) out[i] = b.readUInt32LE(i * 4)
  return out
}

function entryLine(e: PageFingerprint): string {
  // Fixed key order: the checksum is over these lines.
  return JSON.stringify({
    issue: e.issue,
    page: e.page,
    sha256: e.sha256,
    exact: e.exact,
    chars: e.chars,
    minhash: encodeSketch(e.minhash),
  })
}

/** The file's text: a header with the checksum of the entries, then one entry per line. */
export function serializeFingerprints(entries: readonly PageFingerprint[]): string {
  const lines = [...entries]
    .sort((a, b) => a.issue.localeCompare(b.issue) || a.page - b.page)
    .map(entryLine)
  const header = {
    format: FORMAT,
    version: VERSION,
    params: FINGERPRINT_PARAMS,
    count: lines.length,
    checksum: sha256(lines.join('\n')),
  }
  const head = JSON.stringify(header).slice(0, -1)
  return `${head},"pages":[\n${lines.join(',\n')}\n]}\n`
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.number().int(),
    params: z.object({ normalizer: z.number(), shingle: z.number(), bins: z.number() }).strict(),
    count: z.number().int().nonnegative(),
    checksum: hex64,
    pages: z.array(
      z
        .object({
          issue: z.string().max(200),
          page: z.number().int().positive(),
          sha256: hex64,
          exact: hex64,
          chars: z.number().int().nonnegative(),
          minhash: z.string().max(4096),
        })
        .strict(),
    ),
  })
  .strict()

export type FingerprintFileState = 'ok' | 'missing' | 'damaged' | 'outdated'

export interface StoredFingerprints {
  state: FingerprintFileState
  /** Why the file cannot be used (damaged or outdated). */
  problem?: string
  entries: PageFingerprint[]
}

/** Reads fingerprints.json as it is (not against a catalog). Never throws for its content. */
export function readFingerprintFile(dir: string): StoredFingerprints {
  const file = join(dir, FINGERPRINTS_FILE)
  if (entryKind(file) === 'missing') return { state: 'missing', entries: [] }
  let data: unknown
  try {
    data = JSON.parse(readRegularText(file))
  } catch (e) {
    return { state: 'damaged', problem: `not readable JSON (${(e as Error).message})`, entries: [] }
  }
  const r = fileSchema.safeParse(data)
  if (!r.success) {
    return {
      state: 'damaged',
      problem: `not a fingerprint file of this program (${describeZodError(r.error, { top: 'top' })})`,
      entries: [],
    }
  }
  const f = r.data
  const p = FINGERPRINT_PARAMS
  if (
    f.version !== VERSION ||
    f.params.normalizer !== p.normalizer ||
    f.params.shingle !== p.shingle ||
    f.params.bins !== p.bins
  )
    return {
      state: 'outdated',
      problem: `made by another version (format ${f.version}, normalizer ${f.params.normalizer}, shingle ${f.params.shingle}, bins ${f.params.bins})`,
      entries: [],
    }
  const entries: PageFingerprint[] = []
  for (const e of f.pages) {
    const minhash = decodeSketch(e.minhash)
    if (!minhash)
      return {
        state: 'damaged',
        problem: `a bad sketch for ${e.issue} page ${e.page}`,
        entries: [],
      }
    entries.push({ ...e, minhash })
  }
  if (f.count !== entries.length || sha256(entries.map(entryLine).join('\n')) !== f.checksum)
    return { state: 'damaged', problem: 'its checksum does not match its entries', entries: [] }
  return { state: 'ok', entries }
}

export interface ArchiveFingerprints {
  /** One per catalog page whose file could be read, in catalog order. */
  entries: PageFingerprint[]
  file: StoredFingerprints
  /** Pages whose fingerprint was computed from the page file (missing or stale in the file). */
  computed: number
  /** Whether the file on disk holds exactly `entries` (nothing to rewrite). */
  current: boolean
}

/**
 * The fingerprint of every page of `catalog`: from fingerprints.json where its entry is for the
 * same bytes (sha256), otherwise computed from the page file. A page file that cannot be read is
 * left out (verify reports it).
 */
export function archiveFingerprints(
  dir: string,
  catalog: Catalog,
  onProgress?: (done: number, total: number) => void,
): ArchiveFingerprints {
  const file = readFingerprintFile(dir)
  const stored = new Map(file.entries.map((e) => [`${e.issue}\u0000${e.page}\u0000${e.sha256}`, e]))
  const entries: PageFingerprint[] = []
  let computed = 0
  const total = catalog.issues.reduce((s, i) => s + i.pages.length, 0)
  for (const issue of catalog.issues)
    for (const page of issue.pages) {
      const hit = stored.get(`${issue.id}\u0000${page.number}\u0000${page.sha256}`)
      if (hit) {
        entries.push(hit)
        continue
      }
      let text: string
      try {
        text = readPageText(dir, page)
      } catch {
        continue
      }
      computed++
      onProgress?.(computed, total)
      entries.push({
        issue: issue.id,
        page: page.number,
        sha256: page.sha256,
        ...fingerprintText(text),
      })
    }
  const current = file.state === 'ok' && computed === 0 && file.entries.length === entries.length
  return { entries, file, computed, current }
}

/** Rewrites fingerprints.json when it does not hold exactly the catalog's pages (index, repair). */
export function refreshFingerprints(dir: string, catalog: Catalog): ArchiveFingerprints {
  const fp = archiveFingerprints(dir, catalog)
  if (!fp.current) writeFileAtomic(join(dir, FINGERPRINTS_FILE), serializeFingerprints(fp.entries))
  return fp
}
