// The field index (src/shared/search/fields/: the vocabulary and its MiniSearch index) kept
// beside the search index, as `<index file>.fields` (index.bin.fields): a preamble (magic,
// header length), a JSON header — the project's index format version, the field index's
// options, the identity of the search index it was made from (its segment files and their
// deletions) and a CRC-32 of the body — then the body: the vocabulary and MiniSearch's JSON.
// It is derived data: when missing, damaged, of another version or made from another state of
// the index (an issue added or removed since), it is rebuilt from the loaded index, with a
// message, and written again if the folder is writable; it never stops the archive opening.
//
// A change of the archive (add, remove, export, a correction: write/transaction.ts) deletes it
// in its transaction, right after installing the new index (invalidateFieldIndex), rather than
// writing a new one: building the vocabulary takes seconds on a large archive (bench:fields),
// far more than adding one issue may (≤ 1 s), and the next open builds it once, from the index
// that change installed. The header's identity makes a file left by a crash in between, or
// written by a reader of the old index at that moment, harmless: it is then seen as stale and
// rebuilt. `verify` reports its state (fieldFileHealth).
import { createHash } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import { INDEX_FORMAT_VERSION } from '../shared/search/segment-format'
import {
  buildFieldIndex,
  FIELD_INDEX_OPTIONS,
  fieldIndexJson,
  loadFieldIndex,
} from '../shared/search/fields/field-index'
import type { FieldIndex } from '../shared/search/fields/field-index'
import { buildVocabulary, KINDS, VOCABULARY_OPTIONS } from '../shared/search/fields/vocabulary'
import type { VocabularyEntry } from '../shared/search/fields/vocabulary'
import type { SearchIndex } from '../shared/search/compose-index'
import { writeFileAtomic } from './atomic'
import { entryKind, readRegularFile } from './safe-path'

export const FIELD_FILE_SUFFIX = '.fields'
const MAGIC = 'ARFLD001'
const PREAMBLE = 12
export const FIELD_FORMAT = 'archive-reader/field-index'

export interface FieldStoreOptions {
  indexPath: string
  log?: (message: string) => void
  /** Say that it was rebuilt (default); not when it is made with a new index, which said so. */
  announce?: boolean
}

interface FieldHeader {
  format: string
  version: number
  options: unknown
  /** The search index it was made from (fieldIdentity). */
  source: string
  bodyBytes: number
  crc: number
}

/** The options stored and compared: the field index's and the vocabulary's. */
const STORED_OPTIONS = { fieldIndex: FIELD_INDEX_OPTIONS.version, vocabulary: VOCABULARY_OPTIONS }

/**
 * Which state of the search index a field index was made from: its segment files in order and
 * each one's deleted issues. Adding or removing an issue changes it; a merge too.
 */
export function fieldIdentity(
  index: SearchIndex,
  papers: readonly { slug: string; name: string }[],
): string | undefined {
  if (index.segments.some((r) => !r.file)) return undefined
  const parts = index.segments.map((r) => `${r.file}:${[...r.deleted].join('')}`)
  return createHash('sha256')
    .update(JSON.stringify({ parts, papers: papers.map((p) => [p.slug, p.name]) }))
    .digest('hex')
}

export class FieldFileError extends Error {
  override name = 'FieldFileError'
  constructor(
    message: string,
    /** Sound, but of another version or options, or made from another state of the index. */
    readonly outdated = false,
  ) {
    super(message)
  }
}

/** The vocabulary in columns (smaller than objects): terms, texts (when not the term), kinds, counts, refs. */
function packEntries(entries: readonly VocabularyEntry[]): unknown {
  return {
    term: entries.map((e) => e.term),
    text: entries.map((e) => (e.text === e.term ? 0 : e.text)),
    kind: entries.map((e) => KINDS.indexOf(e.kind)),
    count: entries.map((e) => e.count),
    ref: entries.map((e) => e.ref ?? 0),
  }
}

function unpackEntries(v: unknown): VocabularyEntry[] {
  const c = v as {
    term: string[]
    text: (string | 0)[]
    kind: number[]
    count: number[]
    ref: (string | 0)[]
  }
  const n = c.term.length
  if (![c.text, c.kind, c.count, c.ref].every((a) => Array.isArray(a) && a.length === n))
    throw new FieldFileError('inconsistent vocabulary columns')
  return c.term.map((term, i) => {
    const kind = KINDS[c.kind[i] as number]
    if (typeof term !== 'string' || !kind) throw new FieldFileError('bad vocabulary entry')
    const text = c.text[i]
    const ref = c.ref[i]
    return {
      term,
      text: typeof text === 'string' ? text : term,
      kind,
      count: Number(c.count[i]),
      ...(typeof ref === 'string' ? { ref } : {}),
    }
  })
}

export function serializeFieldIndex(fi: FieldIndex, source: string): Uint8Array {
  const body = new TextEncoder().encode(
    `{"entries":${JSON.stringify(packEntries(fi.entries))},"minisearch":${fieldIndexJson(fi)}}`,
  )
  const header: FieldHeader = {
    format: FIELD_FORMAT,
    version: INDEX_FORMAT_VERSION,
    options: STORED_OPTIONS,
    source,
    bodyBytes: body.length,
    crc: crc32(body),
  }
  const head = new TextEncoder().encode(JSON.stringify(header))
  const out = new Uint8Array(PREAMBLE + head.length + body.length)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(8, head.length, true)
  out.set(head, PREAMBLE)
  out.set(body, PREAMBLE + head.length)
  return out
}

/** The header and body of a field index file, checked (magic, version, options, length, CRC). */
function readFieldFile(bytes: Uint8Array): { header: FieldHeader; body: Uint8Array } {
  if (bytes.length < PREAMBLE || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw new FieldFileError('not a field index of this version')
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE).getUint32(8, true)
  let header: FieldHeader
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headLength)),
    ) as FieldHeader
  } catch {
    throw new FieldFileError('unreadable header')
  }
  if (header.format !== FIELD_FORMAT || header.version !== INDEX_FORMAT_VERSION)
    throw new FieldFileError(
      `format ${header.format} v${header.version}, expected v${INDEX_FORMAT_VERSION}`,
      true,
    )
  if (JSON.stringify(header.options) !== JSON.stringify(STORED_OPTIONS))
    throw new FieldFileError('built with other options', true)
  const body = bytes.subarray(PREAMBLE + headLength)
  if (body.length !== header.bodyBytes) throw new FieldFileError('truncated')
  if (crc32(body) !== header.crc) throw new FieldFileError('checksum mismatch')
  return { header, body }
}

/** Reads a field index file made from `source`; throws FieldFileError when it is not usable. */
export function deserializeFieldIndex(bytes: Uint8Array, source: string): FieldIndex {
  const { header, body } = readFieldFile(bytes)
  if (header.source !== source)
    throw new FieldFileError('made from another state of the index', true)
  let parsed: { entries: unknown; minisearch: unknown }
  try {
    parsed = JSON.parse(new TextDecoder().decode(body)) as typeof parsed
    const entries = unpackEntries(parsed.entries)
    return loadFieldIndex(JSON.stringify(parsed.minisearch), entries)
  } catch (e) {
    if (e instanceof FieldFileError) throw e
    throw new FieldFileError(`unreadable body (${(e as Error).message})`)
  }
}

/**
 * The field index of `index`: loaded from beside the index file when it was made from this
 * state of the index, else built from the index (and saved there, when it can be).
 */
export function openFieldIndex(
  index: SearchIndex,
  papers: readonly { slug: string; name: string }[],
  store?: FieldStoreOptions,
): FieldIndex {
  const source = fieldIdentity(index, papers)
  const path = store ? fieldFilePath(store.indexPath) : undefined
  let reason = 'no field index yet'
  if (path && source) {
    try {
      return deserializeFieldIndex(readRegularFile(path), source)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') reason = 'no field index yet'
      else if (e instanceof FieldFileError)
        reason = `the field index is damaged or outdated (${e.message})`
      else reason = `the field index cannot be read (${code ?? (e as Error).message})`
    }
  }
  const fi = buildFieldIndex(buildVocabulary(index, papers))
  if (path && source) {
    if (store?.announce !== false) store?.log?.(`Rebuilt the suggestions index: ${reason}.`)
    try {
      writeFileAtomic(path, serializeFieldIndex(fi, source))
    } catch (e) {
      store?.log?.(
        `The suggestions index could not be saved to ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it is kept in memory.`,
      )
    }
  }
  return fi
}

/** The field index file of the index at `indexPath`. */
export function fieldFilePath(indexPath: string): string {
  return `${indexPath}${FIELD_FILE_SUFFIX}`
}

/**
 * Deletes the field index beside `indexPath` (a change's transaction, once its new index is in
 * place: see the head of this file). Anything but a regular file there is left alone: it is
 * never read (readRegularFile) and must not fail a committed change. True when one was deleted.
 */
export function invalidateFieldIndex(indexPath: string): boolean {
  const path = fieldFilePath(indexPath)
  if (entryKind(path) !== 'file') return false
  unlinkSync(path)
  return true
}

export type FieldHealth =
  | { state: 'current'; terms: number }
  | { state: 'missing' }
  /** Sound but not this index's: another state (a change since), version or options. */
  | { state: 'stale'; problem: string }
  | { state: 'damaged'; problem: string }

/**
 * The state of the field index beside `indexPath` against `index` (as loaded) and the papers:
 * its format version, options, checksum, and whether it was made from this state of the index.
 */
export function fieldFileHealth(
  indexPath: string,
  index: SearchIndex,
  papers: readonly { slug: string; name: string }[],
): FieldHealth {
  let bytes: Uint8Array
  try {
    bytes = readRegularFile(fieldFilePath(indexPath))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    return { state: 'damaged', problem: (e as Error).message }
  }
  try {
    const fi = deserializeFieldIndex(bytes, fieldIdentity(index, papers) ?? 'unsaved')
    return { state: 'current', terms: fi.entries.length }
  } catch (e) {
    if (!(e instanceof FieldFileError)) throw e
    return { state: e.outdated ? 'stale' : 'damaged', problem: e.message }
  }
}
