// The manifest form of per-article import (issue 13, item 4): a folder's `manifest.json` that
// lists, page by page, the article files of one issue in reading order — for deliveries whose
// file names do not follow YYYYMMDD-PP-NN.txt. The manifest is data from anyone: it is validated
// strictly (an unknown key is an error), and every name in it must be a bare name of a regular
// file in the manifest's own folder (nameProblem, no link, realpath inside: safe-path.ts). Any
// problem names the manifest and the entry (pages[1].articles[0] "x.txt"), and the batch is
// refused whole. A .txt file of the folder that the manifest does not list refuses it too: an
// article left out silently would be lost from the page, so it is listed or moved out.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { PageProblem } from '../../shared/archive/import-report'
import { isValidIsoDate } from '../../shared/archive/catalog'
import { parseJsonText } from '../../shared/archive/json-text'
import { nameProblem } from '../../shared/archive/safe-name'
import { MAX_PAGE_NUMBER, PAPER_SLUG_PATTERN, PAPER_SLUG_RULE } from '../../shared/rules'
import { ENCODING_HELP, parseEncodingLabel } from '../../shared/text/decode'
import type { EncodingLabel } from '../../shared/text/decode'
import { describeZodError } from '../../shared/zod-problems'
import { entryKind, readRegularText, realpathInside, UnsafePathError } from '../safe-path'
import { MANIFEST_FILE } from './manifest'

export const ARTICLE_MANIFEST_FORMAT = 'archive-reader/article-manifest'

const schema = z
  .object({
    format: z.literal(ARTICLE_MANIFEST_FORMAT),
    version: z.literal(1),
    paper: z.string().regex(PAPER_SLUG_PATTERN, PAPER_SLUG_RULE).optional(),
    date: z.string().refine(isValidIsoDate, 'not a real date YYYY-MM-DD'),
    encoding: z
      .string()
      .refine((s) => parseEncodingLabel(s) !== undefined, `unknown encoding; use ${ENCODING_HELP}`)
      .optional(),
    pages: z
      .array(
        z
          .object({
            page: z.number().int().min(1).max(MAX_PAGE_NUMBER),
            articles: z.array(z.string()).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()

export interface ManifestPage {
  page: number
  /** Absolute paths of its article files, in reading order. */
  files: string[]
}

export interface ArticleManifest {
  file: string
  paper?: string
  date: string
  encoding?: EncodingLabel
  pages: ManifestPage[]
}

/** Whether `dir/manifest.json` says it is an article manifest (its "format"); never throws. */
export function hasArticleManifest(dir: string): boolean {
  const file = join(dir, MANIFEST_FILE)
  if (entryKind(file) !== 'file') return false
  try {
    const data = parseJsonText(readRegularText(file)) as { format?: unknown } | null
    return typeof data === 'object' && data !== null && data.format === ARTICLE_MANIFEST_FORMAT
  } catch {
    return false
  }
}

const error = (message: string): PageProblem => ({ level: 'error', code: 'manifest', message })

/** The manifest of `dir`, checked against the folder; undefined when it has problems (pushed). */
export function loadArticleManifest(
  dir: string,
  problems: PageProblem[],
): ArticleManifest | undefined {
  const file = join(dir, MANIFEST_FILE)
  let data: unknown
  try {
    data = parseJsonText(readRegularText(file))
  } catch (e) {
    problems.push(
      error(e instanceof UnsafePathError ? e.message : `${file}: not valid JSON (${String(e)})`),
    )
    return undefined
  }
  const r = schema.safeParse(data)
  if (!r.success) {
    problems.push(
      error(`${file}: not a valid article manifest: ${describeZodError(r.error, { max: 8 })}`),
    )
    return undefined
  }
  const m = r.data
  const before = problems.length
  const listed = new Map<string, string>()
  const numbers = new Map<number, number>()
  const pages: ManifestPage[] = m.pages.map((p, k) => {
    const seen = numbers.get(p.page)
    if (seen !== undefined)
      problems.push(
        error(`${file}: pages[${k}] is page ${p.page}, which pages[${seen}] is already`),
      )
    else numbers.set(p.page, k)
    const files: string[] = []
    p.articles.forEach((name, j) => {
      const entry = `${file}: pages[${k}].articles[${j}] "${name}"`
      const problem = nameProblem(name)
      if (problem) {
        problems.push(
          error(`${entry} is ${problem}: a manifest lists the files of its own folder by name`),
        )
        return
      }
      const twice = listed.get(name)
      if (twice) {
        problems.push(error(`${entry} is listed already, as ${twice}: a file is one article`))
        return
      }
      listed.set(name, `pages[${k}].articles[${j}]`)
      const path = join(dir, name)
      const kind = entryKind(path)
      if (kind === 'file' && realpathInside(dir, path)) files.push(path)
      else
        problems.push(
          error(
            kind === 'missing'
              ? `${entry} does not exist in ${dir}`
              : `${entry} is ${kind === 'symlink' ? 'a symbolic link (links are never followed in an import folder)' : kind === 'folder' ? 'a folder' : 'not a regular file'}; refused`,
          ),
        )
    })
    return { page: p.page, files }
  })
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (!e.name.startsWith('.') && /\.txt$/i.test(e.name) && !listed.has(e.name))
      problems.push(
        error(
          `${join(dir, e.name)}: not listed in ${file}; list it among its page's articles, or move it out of the folder`,
        ),
      )
  if (problems.length > before) return undefined
  const out: ArticleManifest = { file, date: m.date, pages }
  if (m.paper) out.paper = m.paper
  if (m.encoding) out.encoding = parseEncodingLabel(m.encoding) as EncodingLabel
  return out
}
