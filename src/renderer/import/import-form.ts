// The import form's pure parts: what each field shows (the librarian's edit, else what the
// report found), which edits are valid, the overrides sent for the next check, and the labels
// of metadata sources and problem codes.
import { PAPER_SLUG_PATTERN } from '../../shared/rules'
import { isValidIsoDate } from '../../shared/archive/catalog'
import type { FileReport, MetaSource, PageProblem } from '../../shared/archive/import-report'
import type { FileOverride } from '../../shared/import-contract'
import type { ImportMessageKey } from './import-messages'

export type FieldName = 'paper' | 'paperName' | 'date' | 'page'
export const FIELDS: readonly FieldName[] = ['paper', 'paperName', 'date', 'page']

/** Raw input per file (by the report's file name), only for fields the librarian changed. */
export type Edits = Readonly<Record<string, Partial<Record<FieldName, string>>>>

export function reportValue(file: FileReport, field: FieldName): string {
  const v = file[field]?.value
  return v === undefined ? '' : String(v)
}

export function fieldValue(file: FileReport, edits: Edits, field: FieldName): string {
  return edits[file.file]?.[field] ?? reportValue(file, field)
}

/** The edits with one field set; a value back to what the report says is no edit. */
export function setEdit(edits: Edits, file: FileReport, field: FieldName, value: string): Edits {
  const own = { ...edits[file.file] }
  if (value === reportValue(file, field)) delete own[field]
  else own[field] = value
  const next = { ...edits }
  if (Object.keys(own).length) next[file.file] = own
  else delete next[file.file]
  return next
}

/** Whether a field's raw input can be sent (empty means "not given"). */
export function fieldValid(field: FieldName, raw: string): boolean {
  const v = raw.trim()
  if (v === '') return true
  switch (field) {
    case 'paper':
      return PAPER_SLUG_PATTERN.test(v)
    case 'paperName':
      return v.length <= 60
    case 'date':
      return isValidIsoDate(v)
    case 'page':
      return /^\d{1,3}$/.test(v) && Number(v) >= 1
  }
}

export function editsValid(edits: Edits): boolean {
  return Object.values(edits).every((e) =>
    FIELDS.every((f) => e[f] === undefined || fieldValid(f, e[f])),
  )
}

/** What the next check is told, file by file (valid edits only; empty means "not given"). */
export function overridesOf(edits: Edits): FileOverride[] {
  const out: FileOverride[] = []
  for (const [file, e] of Object.entries(edits)) {
    const o: FileOverride = { file }
    const paper = e.paper?.trim()
    const paperName = e.paperName?.trim()
    const date = e.date?.trim()
    const page = e.page?.trim()
    if (paper && fieldValid('paper', paper)) o.paper = paper
    if (paperName && fieldValid('paperName', paperName)) o.paperName = paperName
    if (date && fieldValid('date', date)) o.date = date
    if (page && fieldValid('page', page)) o.page = Number(page)
    if (Object.keys(o).length > 1) out.push(o)
  }
  return out.sort((a, b) => a.file.localeCompare(b.file))
}

export function sameOverrides(a: readonly FileOverride[], b: readonly FileOverride[]): boolean {
  const key = (list: readonly FileOverride[]): string =>
    JSON.stringify(list.map((o) => [o.file, o.paper, o.paperName, o.date, o.page]))
  return key(a) === key(b)
}

export const SOURCE_LABEL: Record<MetaSource, ImportMessageKey> = {
  text: 'impSrcText',
  filename: 'impSrcFilename',
  manifest: 'impSrcManifest',
  sidecar: 'impSrcSidecar',
  option: 'impSrcOption',
  order: 'impSrcOrder',
  archive: 'impSrcArchive',
}

const CODE_TITLES: Record<string, ImportMessageKey> = {
  decode: 'codeDecode',
  empty: 'codeEmpty',
  'too-large': 'codeTooLarge',
  unreadable: 'codeUnreadable',
  'not-a-file': 'codeUnreadable',
  'not-found': 'codeUnreadable',
  mojibake: 'codeMojibake',
  'control-characters': 'codeControl',
  'private-use': 'codePrivateUse',
  'form-feed': 'codeFormFeed',
  'long-line': 'codePageSize',
  'too-many-lines': 'codePageSize',
  'too-many-articles': 'codePageSize',
  bom: 'codeBom',
  'mixed-line-endings': 'codeLineEndings',
  'no-articles': 'codeNoArticles',
  'missing-metadata': 'codeMissing',
  'unknown-paper': 'codeUnknownPaper',
  'bad-paper': 'codeBadPaper',
  'paper-disagrees': 'codePaperDisagrees',
  'bad-date': 'codeDate',
  'future-date': 'codeDate',
  'early-date': 'codeDate',
  'date-disagrees': 'codeDateDisagrees',
  weekday: 'codeWeekday',
  'later-date': 'codeLaterDate',
  duplicate: 'codeDuplicate',
  'duplicate-page': 'codeDuplicate',
  'file-exists': 'codeDuplicate',
  'issue-exists': 'codeIssueExists',
  'issue-id': 'codeIssueExists',
  'page-conflict': 'codePageConflict',
  continuation: 'codeContinuation',
  'page-gap': 'codePageGap',
  manifest: 'codeMetadataFile',
  sidecar: 'codeMetadataFile',
  'new-archive': 'codeNewLibrary',
  skipped: 'codeSkipped',
  interrupted: 'codeInterrupted',
  nothing: 'codeNothing',
}

export function problemTitle(code: string): ImportMessageKey {
  return CODE_TITLES[code] ?? 'codeOther'
}

export function levelCounts(problems: readonly PageProblem[]): {
  errors: number
  warnings: number
} {
  let errors = 0
  let warnings = 0
  for (const p of problems) {
    if (p.level === 'error') errors++
    else if (p.level === 'warning') warnings++
  }
  return { errors, warnings }
}

/** Files with errors first, then with warnings, then the others, each in batch order. */
export function fileRank(file: FileReport): number {
  const { errors, warnings } = levelCounts(file.problems)
  return errors ? 0 : warnings ? 1 : 2
}

/** Errors first, then warnings, then notes: what blocks the import is read first. */
export function byLevel(problems: readonly PageProblem[]): PageProblem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const
  return [...problems].sort((a, b) => rank[a.level] - rank[b.level])
}
