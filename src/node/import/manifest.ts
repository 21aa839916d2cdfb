// Metadata files a librarian can put beside the texts: one `manifest.json` per folder (several
// issues, their pages and new papers) or one `NAME.meta.json` per page file. Both are validated
// strictly: a misspelt key is an error, not silently ignored metadata.
import {
  ISSUE_ID_PATTERN,
  ISSUE_ID_RULE,
  MAX_PAGE_NUMBER,
  PAPER_SLUG_PATTERN,
  PAPER_SLUG_RULE,
} from '../../shared/rules'
import { describeZodError } from '../../shared/zod-problems'
import { UserFacingError } from '../../shared/errors'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { parseJsonText } from '../../shared/archive/json-text'
import { nameProblem } from '../../shared/archive/safe-name'
import { ENCODING_HELP, parseEncodingLabel } from '../../shared/text/decode'
import type { EncodingLabel } from '../../shared/text/decode'
import { entryKind, readRegularText, UnsafePathError } from '../safe-path'

export const MANIFEST_FILE = 'manifest.json'
export const SIDECAR_SUFFIX = '.meta.json'

const slug = z.string().regex(PAPER_SLUG_PATTERN, PAPER_SLUG_RULE)
const date = z.string().refine(isValidIsoDate, 'not a real date YYYY-MM-DD')
const encoding = z.string().transform((s, ctx) => {
  const e = parseEncodingLabel(s)
  if (!e) ctx.addIssue({ code: 'custom', message: `unknown encoding "${s}"; use ${ENCODING_HELP}` })
  return e as EncodingLabel
})
const page = z.number().int().min(1).max(MAX_PAGE_NUMBER)
const issueId = z.string().regex(ISSUE_ID_PATTERN, ISSUE_ID_RULE)
const dateSource = z.enum(['printed', 'inferred'])

const paperSchema = z
  .object({
    slug,
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
  })
  .strict()

const manifestSchema = z
  .object({
    format: z.literal('archive-reader/import-manifest'),
    version: z.literal(1),
    papers: z.array(paperSchema).optional(),
    defaults: z
      .object({ paper: slug.optional(), date: date.optional(), encoding: encoding.optional() })
      .strict()
      .optional(),
    issues: z
      .array(
        z
          .object({
            paper: slug,
            date,
            id: issueId.optional(),
            dateSource: dateSource.optional(),
            dateNote: z.string().min(1).optional(),
            pages: z
              .array(
                z
                  .object({
                    file: z.string().superRefine((s, ctx) => {
                      const problem = nameProblem(s)
                      if (problem)
                        ctx.addIssue({
                          code: 'custom',
                          message: `"${s}" is ${problem}: a manifest lists the files of its own folder by name`,
                        })
                    }),
                    number: page.optional(),
                    encoding: encoding.optional(),
                    note: z.string().min(1).optional(),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .optional(),
  })
  .strict()

const sidecarSchema = z
  .object({
    paper: slug.optional(),
    paperName: z.string().min(1).optional(),
    date: date.optional(),
    page: page.optional(),
    encoding: encoding.optional(),
    issue: issueId.optional(),
    dateSource: dateSource.optional(),
    dateNote: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict()

export type Sidecar = z.output<typeof sidecarSchema>
export type ManifestPaper = z.output<typeof paperSchema>

/** Metadata one file gets from a manifest (its issue entry and page entry, or the defaults). */
export interface FileMeta {
  paper?: string
  date?: string
  page?: number
  encoding?: EncodingLabel
  issue?: string
  dateSource?: 'printed' | 'inferred'
  dateNote?: string
  note?: string
  paperName?: string
}

export class MetadataFileError extends UserFacingError {
  override name = 'MetadataFileError'
  readonly errorCode = 'bad-data'
}

function parseJsonFile<T>(file: string, schema: z.ZodType<T>, what: string): T {
  let data: unknown
  try {
    data = parseJsonText(readRegularText(file))
  } catch (e) {
    if (e instanceof UnsafePathError) throw new MetadataFileError(e.message)
    throw new MetadataFileError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  const r = schema.safeParse(data)
  if (!r.success) {
    const problems = describeZodError(r.error, { max: 8 })
    throw new MetadataFileError(`${file}: not a valid ${what}: ${problems}`)
  }
  return r.data
}

export interface LoadedManifest {
  file: string
  papers: ManifestPaper[]
  /** Absolute path of each listed page file → its metadata. */
  files: Map<string, FileMeta>
  defaults: FileMeta
}

export function loadManifest(file: string): LoadedManifest {
  const m = parseJsonFile(file, manifestSchema, 'import manifest')
  const dir = dirname(file)
  const files = new Map<string, FileMeta>()
  for (const issue of m.issues ?? []) {
    for (const p of issue.pages) {
      const path = join(dir, p.file)
      if (files.has(path))
        throw new MetadataFileError(`${file}: "${p.file}" is listed twice; a file is one page`)
      const meta: FileMeta = { paper: issue.paper, date: issue.date }
      if (p.number !== undefined) meta.page = p.number
      const enc = p.encoding ?? m.defaults?.encoding
      if (enc) meta.encoding = enc
      if (issue.id) meta.issue = issue.id
      if (issue.dateSource) meta.dateSource = issue.dateSource
      if (issue.dateNote) meta.dateNote = issue.dateNote
      if (p.note) meta.note = p.note
      files.set(path, meta)
    }
  }
  const defaults: FileMeta = {}
  if (m.defaults?.paper) defaults.paper = m.defaults.paper
  if (m.defaults?.date) defaults.date = m.defaults.date
  if (m.defaults?.encoding) defaults.encoding = m.defaults.encoding
  return { file, papers: m.papers ?? [], files, defaults }
}

/** `NAME.meta.json` beside `NAME.txt` (or beside any NAME.ext). */
export function sidecarPath(pageFile: string): string {
  return join(dirname(pageFile), basename(pageFile).replace(/\.[^.]*$/, '') + SIDECAR_SUFFIX)
}

export function loadSidecar(pageFile: string): { file: string; meta: FileMeta } | undefined {
  const file = sidecarPath(pageFile)
  if (entryKind(file) === 'missing') return undefined
  const s = parseJsonFile(file, sidecarSchema, 'sidecar (NAME.meta.json)')
  const meta: FileMeta = {}
  for (const k of Object.keys(s) as (keyof Sidecar)[]) {
    const v = s[k]
    if (v === undefined) continue
    if (k === 'paperName') meta.paperName = v as string
    else (meta as Record<string, unknown>)[k] = v
  }
  return { file, meta }
}
