// The index file (index.bin) since format v6: a small manifest that lists the index's segment
// files (index-file.ts, in a folder beside it) in doc order, with each segment's removed issues.
// Segment files are immutable and named by their content, so a change — adding an issue,
// removing one, a merge — writes only its new segments and then replaces this file atomically:
// the replacement is the commit point, and a crash before it leaves the old manifest, whose
// segments are all still there. Layout: magic, header length, JSON header with its checksum.
import { IndexFileError } from './index-error'
import { INDEX_FORMAT_VERSION, PREAMBLE } from './segment-format'
import type { Checksum } from './index-file'
import { INDEX_OPTIONS } from './search-index'

export const INDEX_FORMAT = 'archive-reader/index'
const MAGIC = 'ARIDX007'
/** The magic bytes of the single-file index of formats v4 and v5. */
const SINGLE_FILE_MAGIC = 'ARIDX004'
/** A segment file's name: content-addressed, so never two different files under one name. */
export const SEGMENT_FILE = /^seg-[0-9a-f]{16}\.bin$/
/** The segment folder's name: the index file's name + ".segments" (a bare name, from data). */
const SEGMENT_DIR = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.segments$/

export interface ManifestSegment {
  file: string
  bytes: number
  docs: number
  /** The segment's issue ids, in order (checked against the segment file's own header). */
  issues: string[]
  /** Positions among `issues` of the removed ones. */
  deleted: number[]
}

export interface IndexManifest {
  /** The archive key (catalog + page sizes + rules) the index answers for. */
  sourceKey: string
  /** The folder beside the index file that holds its segments. */
  segmentDir: string
  segments: ManifestSegment[]
}

interface ManifestHeader extends IndexManifest {
  format: string
  version: number
  options: unknown
}

export function serializeManifest(m: IndexManifest, checksum: Checksum): Uint8Array {
  const header: ManifestHeader = {
    format: INDEX_FORMAT,
    version: INDEX_FORMAT_VERSION,
    options: INDEX_OPTIONS,
    sourceKey: m.sourceKey,
    segmentDir: m.segmentDir,
    segments: m.segments,
  }
  const check = checksum(new TextEncoder().encode(JSON.stringify(header)))
  const json = new TextEncoder().encode(JSON.stringify({ ...header, check }))
  const out = new Uint8Array(PREAMBLE + json.length)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(8, json.length, true)
  out.set(json, PREAMBLE)
  return out
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0

function validSegment(s: unknown): s is ManifestSegment {
  if (typeof s !== 'object' || s === null) return false
  const x = s as Partial<ManifestSegment>
  return (
    typeof x.file === 'string' &&
    SEGMENT_FILE.test(x.file) &&
    isCount(x.bytes) &&
    isCount(x.docs) &&
    Array.isArray(x.issues) &&
    x.issues.every((i) => typeof i === 'string') &&
    Array.isArray(x.deleted) &&
    x.deleted.every((i) => isCount(i) && i < (x.issues as string[]).length)
  )
}

/**
 * Reads and verifies the index file. Throws IndexFileError when it is damaged, of another
 * format (the single-file index of v5 and before says so, to be rebuilt) or other options.
 */
export function readManifest(bytes: Uint8Array, checksum: Checksum): IndexManifest {
  if (bytes.length < PREAMBLE) throw new IndexFileError('not an index file (too short)')
  const magic = new TextDecoder().decode(bytes.subarray(0, 8))
  if (magic === SINGLE_FILE_MAGIC)
    throw new IndexFileError(
      `an index of format v5 or earlier (one file); this version keeps the index in segments (format v${INDEX_FORMAT_VERSION})`,
    )
  if (magic !== MAGIC)
    throw new IndexFileError('not an index file of this version (bad magic bytes)')
  const length = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE).getUint32(8, true)
  if (PREAMBLE + length !== bytes.length)
    throw new IndexFileError(
      PREAMBLE + length > bytes.length ? 'truncated header' : 'unexpected bytes at the end',
    )
  let parsed: ManifestHeader & { check?: unknown }
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE))) as typeof parsed
  } catch {
    throw new IndexFileError('unreadable header')
  }
  const { check, ...header } = parsed
  if (header.format !== INDEX_FORMAT || header.version !== INDEX_FORMAT_VERSION)
    throw new IndexFileError(
      `index format ${header.format} v${header.version}, expected v${INDEX_FORMAT_VERSION}`,
    )
  if (
    typeof check !== 'number' ||
    checksum(new TextEncoder().encode(JSON.stringify(header))) !== check
  )
    throw new IndexFileError('the header fails its checksum')
  if (JSON.stringify(header.options) !== JSON.stringify(INDEX_OPTIONS))
    throw new IndexFileError('built with other search options')
  if (
    typeof header.sourceKey !== 'string' ||
    typeof header.segmentDir !== 'string' ||
    !SEGMENT_DIR.test(header.segmentDir) ||
    !Array.isArray(header.segments) ||
    !header.segments.every(validSegment)
  )
    throw new IndexFileError('unreadable header')
  return { sourceKey: header.sourceKey, segmentDir: header.segmentDir, segments: header.segments }
}
