// A segment's doc columns read from its file on first use. Reading and checksumming every column
// at open (16 MiB a segment of the bench corpus, most of them read only to show a hit: body
// edits, headline, title and byline starts) was two thirds of an open; the issue asks that an
// open read only headers and dictionaries. The columns every query reads for each candidate
// (ENGINE_COLUMNS) are still read and checked at open, so that a damage to them is found there
// and rebuilt; each other column is read, checked against its section's CRC-32 and viewed the
// first time a shown hit asks for it, then kept (a few MiB, read whole). Every column's length
// follows from its section's size and is checked at open (index-file.ts); what needs the bytes
// (a list's end) when they are read.
// A damaged column throws IndexFileError naming the segment and the section, as a damaged page
// does, and a closed segment reads nothing (its descriptor may name another file by then).
import { IndexFileError } from './index-error'
import type { ByteReader, SegmentIo } from './index-error'
import { loadSection } from './page-store'
import type { TextColumn } from './paged-text'
import type { DocColumns } from './segment'
import type { SectionInfo } from './segment-format'

/** How a section's bytes are viewed (segment-format.ts's SECTIONS kinds, less the paged ones). */
export type ColumnKind = 'u8' | 'u16' | 'u32' | 'string'

export const UNIT: Record<ColumnKind, number> = { u8: 1, u16: 2, u32: 4, string: 2 }

/** Elements of a section of `kind` (its length as its reader will see it). */
export function unitsOf(s: SectionInfo, kind: ColumnKind): number {
  return s.pages.size / UNIT[kind]
}

/** Views checked bytes as their kind; `decode` makes a string of UTF-16 units. */
export function viewSection(
  raw: Uint8Array,
  kind: ColumnKind,
  decode: (units: Uint16Array) => string,
): Uint8Array | Uint16Array | Uint32Array | string {
  // Typed-array views need aligned offsets; copy when the reader's buffer is not aligned.
  if (raw.byteOffset % 4 !== 0) raw = raw.slice()
  const buffer = raw.buffer as ArrayBuffer
  if (kind === 'string') return decode(new Uint16Array(buffer, raw.byteOffset, raw.length / 2))
  if (kind === 'u8') return raw
  if (kind === 'u16') return new Uint16Array(buffer, raw.byteOffset, raw.length / 2)
  return new Uint32Array(buffer, raw.byteOffset, raw.length / 4)
}

/** Reads section `s` (each page checked against its CRC, inflated); errors name `name`. */
export function readChecked(
  read: ByteReader,
  dataStart: number,
  s: SectionInfo,
  io: SegmentIo,
  name: string,
): Uint8Array {
  return loadSection(read, dataStart + s.offset, s.pages, io, name)
}

type Column = Uint8Array | Uint16Array | Uint32Array | string

/** The doc columns that are arrays or short strings (not paged text). */
export type DocArray = Exclude<keyof DocColumns, 'text' | 'headlines' | 'titles'>

/** The columns every query reads for each candidate: read (and checked) at open. */
export type EngineColumns = Pick<
  DocColumns,
  'starts' | 'headEnds' | 'issue' | 'page' | 'article' | 'type' | 'story'
>
export const ENGINE_COLUMNS = [
  'starts',
  'headEnds',
  'issue',
  'page',
  'article',
  'type',
  'story',
] as const satisfies readonly (keyof EngineColumns)[]

/**
 * Sections a segment read from its file reads (and checks) at open (index-file.ts): the
 * dictionary's samples and the character ids, which every lookup needs, and the doc columns
 * every query reads for each candidate (a damaged one is then found by the open, which
 * rebuilds). The columns only a shown hit reads — body edits, headline, title and byline
 * starts, 70% of the doc columns' bytes — wait for their first use (below); the postings, the
 * dictionary's varints and the text are read a page at a time. Stored raw (storageOf).
 */
export const READ_AT_OPEN: ReadonlySet<string> = new Set([
  'charIds',
  'sampleKeys',
  'sampleStarts',
  'blockAt',
  ...ENGINE_COLUMNS,
])

/** The columns only a shown hit (or a `byline:` term) reads: read on first use. */
export type ShownColumn = Exclude<DocArray, keyof EngineColumns>

/** The doc columns only a shown hit reads (read on first use from a file), in section order. */
export const SHOWN_COLUMNS: readonly ShownColumn[] = [
  'headlineStarts',
  'titleStarts',
  'titleOwn',
  'bodyEdits',
  'bodyEditStarts',
  'bodyTable',
  'bodyPlain',
  'bylines',
  'bylineStarts',
  'bylineNorms',
  'bylineNormStarts',
]

export interface LazySource {
  /** The engine's columns, read (and checked) at open. */
  engine: EngineColumns
  texts: Pick<DocColumns, 'text' | 'headlines' | 'titles'>
  read: ByteReader
  dataStart: number
  io: SegmentIo
  /** Each shown column's section and kind. */
  sections: Record<ShownColumn, { info: SectionInfo; kind: ColumnKind }>
  decode: (units: Uint16Array) => string
  /** Checks what needs a column's bytes; throws IndexFileError when they do not hold. */
  validate: (name: ShownColumn, value: Column) => void
  /** Names the segment in errors: "segment seg-….bin". */
  name: string
  /** What owns the file (the segment's postings): kept reachable while the columns are. */
  holds?: object
}

/**
 * DocColumns whose shown columns are read on first use. The engine's columns and the text are
 * plain fields (the hot loops read them per candidate); the others are getters on a fixed
 * class shape, not properties redefined on a plain object, which can push it into dictionary
 * mode.
 */
export class LazyDocColumns implements DocColumns {
  readonly text: TextColumn
  readonly headlines: TextColumn
  readonly titles: TextColumn
  readonly starts: Uint32Array
  readonly headEnds: Uint32Array
  readonly issue: Uint32Array
  readonly page: Uint16Array
  readonly article: Uint16Array
  readonly type: Uint8Array
  readonly story: Uint32Array
  private readonly got: Partial<Record<ShownColumn, Column>> = {}
  private closed = false

  constructor(private readonly source: LazySource) {
    ;({ text: this.text, headlines: this.headlines, titles: this.titles } = source.texts)
    ;({
      starts: this.starts,
      headEnds: this.headEnds,
      issue: this.issue,
      page: this.page,
      article: this.article,
      type: this.type,
      story: this.story,
    } = source.engine)
  }

  /** Reads nothing more: the segment's file was closed. */
  close(): void {
    this.closed = true
  }

  readAll(): void {
    for (const name of Object.keys(this.source.sections) as ShownColumn[]) this.load(name)
  }

  private load(name: ShownColumn): Column {
    const have = this.got[name]
    if (have !== undefined) return have
    const { read, dataStart, io, sections } = this.source
    const where = `${this.source.name}, section ${name}`
    if (this.closed) throw new IndexFileError(`${where} was closed; the index was replaced`)
    const { info, kind } = sections[name]
    const raw = readChecked(read, dataStart, info, io, where)
    const value = viewSection(raw, kind, this.source.decode)
    this.source.validate(name, value)
    this.got[name] = value
    return value
  }

  get headlineStarts(): Uint32Array {
    return this.load('headlineStarts') as Uint32Array
  }
  get titleStarts(): Uint32Array {
    return this.load('titleStarts') as Uint32Array
  }
  get titleOwn(): Uint8Array {
    return this.load('titleOwn') as Uint8Array
  }
  get bodyEdits(): Uint16Array {
    return this.load('bodyEdits') as Uint16Array
  }
  get bodyEditStarts(): Uint32Array {
    return this.load('bodyEditStarts') as Uint32Array
  }
  get bodyTable(): Uint16Array {
    return this.load('bodyTable') as Uint16Array
  }
  get bodyPlain(): Uint8Array {
    return this.load('bodyPlain') as Uint8Array
  }
  get bylines(): string {
    return this.load('bylines') as string
  }
  get bylineStarts(): Uint32Array {
    return this.load('bylineStarts') as Uint32Array
  }
  get bylineNorms(): string {
    return this.load('bylineNorms') as string
  }
  get bylineNormStarts(): Uint32Array {
    return this.load('bylineNormStarts') as Uint32Array
  }
}

/** Reads every column once, so a damaged one throws now: what `verify` does. */
export function readAllColumns(docs: DocColumns): void {
  if (docs instanceof LazyDocColumns) docs.readAll()
}
