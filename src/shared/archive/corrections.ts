// The corrections layer (corrections.json beside catalog.json): what librarians corrected of the
// machine's reading of a page, kept apart from the page files, which never change. Each entry
// belongs to one page (issue id + page number) and is anchored there by offsets in the page's
// decoded text plus a hash of the anchored text, never by article numbers: a new segmenter
// moves block boundaries and renumbers articles, but the page text stays, so an entry still
// finds its place (corrections-apply.ts); where the text at the offsets is no longer the one
// hashed (the page was re-imported or decoded differently), the entry is re-anchored by its
// text, or reported stale by its id. This file is the one schema and parser of the format.
import { z } from 'zod'
import { BLOCK_TYPES } from '../types'
import type { BlockType } from '../types'
import { parseJsonText } from './json-text'

export const CORRECTIONS_FILE = 'corrections.json'
export const CORRECTIONS_FORMAT = 'archive-reader/corrections'
export const CORRECTIONS_VERSION = 1

/** A range of a page's decoded text and what stood there. */
export interface Anchor {
  start: number
  end: number
  /** fnv1a32 of the page text [start, end), 8 hex digits. */
  hash: string
  /** The first characters of the anchored text (at most ANCHOR_HEAD), to find it again. */
  head: string
}

export type TitleField = 'kicker' | 'headline' | 'subheadline' | 'byline'
export const TITLE_FIELDS: readonly TitleField[] = ['kicker', 'headline', 'subheadline', 'byline']

interface EntryBase {
  /** Stable name of the entry, for messages and removal. */
  id: string
  issue: string
  page: number
  anchor: Anchor
  created?: string
  note?: string
}

/** Split the block the anchor starts in, at the anchor's start (the new block starts there). */
export interface SplitEntry extends EntryBase {
  kind: 'split'
}
/** The blocks the anchor spans are one. */
export interface MergeEntry extends EntryBase {
  kind: 'merge'
}
export interface RetypeEntry extends EntryBase {
  kind: 'retype'
  type: BlockType
}
/** Title fields to set; an empty string removes the field. */
export interface RetitleEntry extends EntryBase {
  kind: 'retitle'
  fields: Partial<Record<TitleField, string>>
}
/** The block continues on (下转) the block `to` anchors on page `to.page`. */
export interface LinkEntry extends EntryBase {
  kind: 'link'
  to: { page: number; anchor: Anchor }
}
/** The block's continuation links (to `toPage`, or all) are wrong. */
export interface UnlinkEntry extends EntryBase {
  kind: 'unlink'
  toPage?: number
}
/** The anchored span reads `replacement`; the original stays, shown on request and searchable. */
export interface FixTextEntry extends EntryBase {
  kind: 'fix-text'
  replacement: string
}

export type CorrectionEntry =
  SplitEntry | MergeEntry | RetypeEntry | RetitleEntry | LinkEntry | UnlinkEntry | FixTextEntry

export interface CorrectionsFile {
  format: typeof CORRECTIONS_FORMAT
  version: typeof CORRECTIONS_VERSION
  entries: CorrectionEntry[]
}

export const ANCHOR_HEAD = 24

/** FNV-1a over UTF-16 code units: pure (every runtime), and enough to tell a changed span. */
export function fnv1a32(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function makeAnchor(pageText: string, start: number, end: number): Anchor {
  const text = pageText.slice(start, end)
  return { start, end, hash: fnv1a32(text), head: text.slice(0, ANCHOR_HEAD) }
}

const anchor = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{8}$/, 'a hash is 8 lower-case hex digits'),
    head: z.string().max(ANCHOR_HEAD),
  })
  .strict()
  .refine((a) => a.end >= a.start, 'an anchor ends before it starts')

const base = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an id is letters, digits, . _ -'),
  issue: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'not an issue id'),
  page: z.number().int().min(1).max(999),
  anchor,
  created: z.string().max(40).optional(),
  note: z.string().max(1000).optional(),
}
const title = z.string().max(500)

const entrySchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('split') }).strict(),
  z.object({ ...base, kind: z.literal('merge') }).strict(),
  z
    .object({ ...base, kind: z.literal('retype'), type: z.enum(BLOCK_TYPES as [BlockType]) })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('retitle'),
      fields: z
        .object({
          kicker: title.optional(),
          headline: title.optional(),
          subheadline: title.optional(),
          byline: title.optional(),
        })
        .strict()
        .refine((f) => Object.keys(f).length > 0, 'a retitle sets at least one field'),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('link'),
      to: z.object({ page: z.number().int().min(1).max(999), anchor }).strict(),
    })
    .strict(),
  z
    .object({ ...base, kind: z.literal('unlink'), toPage: z.number().int().min(1).optional() })
    .strict(),
  z.object({ ...base, kind: z.literal('fix-text'), replacement: z.string().max(10_000) }).strict(),
])

const fileSchema = z
  .object({
    format: z.literal(CORRECTIONS_FORMAT),
    version: z.literal(CORRECTIONS_VERSION),
    entries: z.array(z.unknown()).max(1_000_000),
  })
  .strict()

export class CorrectionsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`)
    this.name = 'CorrectionsError'
  }
}

export function emptyCorrections(): CorrectionsFile {
  return { format: CORRECTIONS_FORMAT, version: CORRECTIONS_VERSION, entries: [] }
}

export interface ParsedCorrections {
  file: CorrectionsFile
  /** Entries that do not pass the schema, by position (and id where it can be read): skipped. */
  rejected: { at: number; id?: string; problem: string }[]
}

/**
 * Parses corrections.json. A file that is not this format throws CorrectionsError; one bad entry
 * is reported in `rejected` and the others still apply. Duplicate ids: the later is rejected.
 */
export function parseCorrections(json: string, file = CORRECTIONS_FILE): ParsedCorrections {
  let data: unknown
  try {
    data = parseJsonText(json)
  } catch (e) {
    throw new CorrectionsError(file, [`not valid JSON (${(e as Error).message})`])
  }
  const top = fileSchema.safeParse(data)
  if (!top.success)
    throw new CorrectionsError(
      file,
      top.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`),
    )
  const out = emptyCorrections()
  const rejected: ParsedCorrections['rejected'] = []
  const ids = new Set<string>()
  top.data.entries.forEach((raw, at) => {
    const rawId = (raw as { id?: unknown } | null)?.id
    const id = typeof rawId === 'string' ? rawId : undefined
    const r = entrySchema.safeParse(raw)
    if (!r.success) {
      const problem = r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`)
        .join('; ')
      rejected.push(id === undefined ? { at, problem } : { at, id, problem })
      return
    }
    const entry = r.data as CorrectionEntry
    if (ids.has(entry.id)) {
      rejected.push({ at, id: entry.id, problem: `the id "${entry.id}" is used twice` })
      return
    }
    ids.add(entry.id)
    out.entries.push(entry)
  })
  return { file: out, rejected }
}

export function serializeCorrections(file: CorrectionsFile): string {
  return JSON.stringify(file, null, 2) + '\n'
}

/** The entries of one issue, by page number. */
export function entriesByPage(
  entries: readonly CorrectionEntry[],
  issueId: string,
): Map<number, CorrectionEntry[]> {
  const out = new Map<number, CorrectionEntry[]>()
  for (const e of entries) {
    if (e.issue !== issueId) continue
    const list = out.get(e.page)
    if (list) list.push(e)
    else out.set(e.page, [e])
  }
  return out
}

/** A short id from what the entry says: the same correction made twice gets the same id. */
export function correctionId(entry: Omit<CorrectionEntry, 'id' | 'created' | 'note'>): string {
  const { kind, issue, page } = entry
  return `${kind}-${fnv1a32(JSON.stringify(entry))}-${issue}-p${page}`.slice(0, 64)
}
