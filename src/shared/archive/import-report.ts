// The validation report of a batch import: what `archive-reader add --json` prints and what the
// app's import dialog shows. Plain data, so it crosses IPC as JSON.
import type { LineEndings } from '../text/decode'
import type { DateSource, TextEncodingName } from '../types'
import type { PageProblem } from './page-check'

export type { PageProblem, ProblemLevel } from './page-check'

/** Where a piece of metadata came from, strongest first. */
export type MetaSource =
  'option' | 'manifest' | 'sidecar' | 'filename' | 'text' | 'order' | 'archive'

export interface MetaField<T> {
  value: T
  source: MetaSource
  /** What it was read from, for metadata inferred from the text ("2023年6月9日 星期五", line 5). */
  evidence?: string
}

export interface ContinuationCheck {
  marker: string
  targetPage: number
  /** The target page is in this issue (in the batch or already in the archive). */
  targetExists: boolean
}

export interface FileReport {
  /** The file as given (or found in a given folder). */
  file: string
  bytes: number
  encoding: TextEncodingName | null
  /** How the encoding was known: declared (option, manifest, sidecar) or detected. */
  encodingSource?: 'declared' | 'detected'
  /** The name it was declared by when that is not the decoder's (gbk, big5-hkscs, cp950…). */
  declaredAs?: string
  bom: boolean
  lineEndings: LineEndings | null
  paper?: MetaField<string>
  paperName?: MetaField<string>
  date?: MetaField<string>
  page?: MetaField<number>
  /** The issue the page goes to, once paper and date are known. */
  issueId?: string
  /** The file name it gets in the archive. */
  source?: string
  articles: number
  continuations: ContinuationCheck[]
  sha256?: string
  /**
   * sha256 of the page's content text (normalized, without any whitespace: shared/text/
   * fingerprint.ts): the same page in another encoding, layout or line width.
   */
  textHash?: string
  /** Characters of that content text; below MIN_FINGERPRINT_CHARS no duplicate check applies. */
  contentChars?: number
  problems: PageProblem[]
}

export interface IssueReport {
  id: string
  paper: string
  paperName: string
  date: string
  dateSource: DateSource
  /** 'new', or 'extends' an issue already in the archive. */
  kind: 'new' | 'extends'
  /** Page numbers after the import (existing and new). */
  pages: number[]
  newPages: { number: number; file: string }[]
  problems: PageProblem[]
}

export interface ImportReport {
  archive: string
  dryRun: boolean
  /** No errors: the batch can be imported. */
  ok: boolean
  /** Some metadata was inferred from the text and must be confirmed (`--yes`). */
  needsConfirmation: boolean
  files: FileReport[]
  issues: IssueReport[]
  /** Problems of the batch as a whole (a bad manifest, an unusable archive, nothing to import). */
  problems: PageProblem[]
  summary: {
    files: number
    bytes: number
    issues: number
    newIssues: number
    pages: number
    errors: number
    warnings: number
  }
}

export interface ImportProgress {
  phase: 'scan' | 'index-base' | 'validate' | 'copy' | 'index' | 'commit' | 'done'
  done: number
  total: number
  file?: string
}
