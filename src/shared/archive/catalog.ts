// The catalog is the archive's table of contents. It is parsed and checked here, once; the rest
// of the code sees a clean `Catalog`.
import { ISSUE_ID_PATTERN, ISSUE_ID_RULE, PAPER_SLUG_PATTERN, PAPER_SLUG_RULE } from '../rules'
import { describeZodError } from '../zod-problems'
import { UserFacingError } from '../errors'
import { z } from 'zod'
import type { Catalog, CatalogPaper } from '../types'
import { parseJsonText } from './json-text'
import { DEFAULT_RULES, segmentRules } from './segment-rules'
import type { SegmentRules } from './segment-rules'

export const CATALOG_FILE = 'catalog.json'

/** True when `date` is YYYY-MM-DD and such a day exists. */
export function isValidIsoDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/**
 * The one rule for an issue's date, for the catalog and for `add` alike: a real day, not before
 * the first Chinese-language newspaper, and not after LATEST_ISSUE_DATE. `add` also refuses a day
 * after today; the catalog cannot, because it must open on a machine whose clock is wrong.
 */
export const EARLIEST_ISSUE_DATE = '1815-01-01'
export const LATEST_ISSUE_DATE = '2999-12-31'

/** Why `date` cannot be an issue's date (undefined when it can); `today` adds the future check. */
export function issueDateProblem(date: string, today?: string): string | undefined {
  if (!isValidIsoDate(date)) return 'not a real date in the form YYYY-MM-DD'
  if (date < EARLIEST_ISSUE_DATE)
    return `before ${EARLIEST_ISSUE_DATE}: it predates any Chinese-language newspaper`
  if (today !== undefined && date > today) return 'in the future'
  if (date > LATEST_ISSUE_DATE) return `after ${LATEST_ISSUE_DATE}: not a plausible issue date`
  return undefined
}

const isoDate = z.string().superRefine((d, ctx) => {
  const problem = issueDateProblem(d)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
const slug = z.string().regex(PAPER_SLUG_PATTERN, PAPER_SLUG_RULE)
const issueId = z.string().regex(ISSUE_ID_PATTERN, ISSUE_ID_RULE)
const sourceName = z
  .string()
  .regex(/^[^/\\]+\.txt$/, 'a source is a .txt file name inside the archive folder, without a path')
  .refine((s) => !s.startsWith('.'), 'a source may not start with a dot')

/** A profile pattern: it must compile, stay short, and not nest quantifiers (no runaway). */
const pattern = z
  .string()
  .min(1)
  .max(120)
  .refine((p) => {
    try {
      new RegExp(p)
      return true
    } catch {
      return false
    }
  }, 'not a valid regular expression')
  .refine(
    (p) => !/[+*}]\)?[+*{]|\([^)]*[+*][^)]*\)[+*{]/.test(p),
    'nested quantifiers can take forever on some lines; write the pattern without them',
  )
const profile = z
  .object({
    leads: z.array(pattern).max(20).optional(),
    briefColumns: z.array(z.string().min(1).max(20)).max(20).optional(),
    banners: z.array(pattern).max(20).optional(),
  })
  .strict()

const catalogSchema = z
  .object({
    format: z.literal('archive-reader/catalog'),
    version: z.literal(1),
    title: z.string().min(1),
    papers: z.array(
      z
        .object({
          slug,
          name: z.string().min(1),
          nameEn: z.string().optional(),
          region: z.string().optional(),
          profile: profile.optional(),
        })
        .strict(),
    ),
    issues: z.array(
      z
        .object({
          id: issueId,
          paper: slug,
          date: isoDate,
          dateSource: z.enum(['printed', 'inferred', 'given', 'manifest', 'sidecar', 'file-name']),
          dateNote: z.string().optional(),
          pages: z
            .array(
              z
                .object({
                  number: z.number().int().min(1).max(999),
                  source: sourceName,
                  sha256: z
                    .string()
                    .regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits'),
                  encoding: z.enum(['utf-8', 'gb18030', 'big5']),
                  privateUse: z.literal(true).optional(),
                  note: z.string().optional(),
                  articles: z
                    .array(z.tuple([z.number().int().min(0), z.number().int().min(1)]))
                    .min(1)
                    .max(100_000)
                    .optional(),
                })
                .strict(),
            )
            .min(1, 'an issue needs at least one page'),
        })
        .strict(),
    ),
    corrections: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits')
      .optional(),
  })
  .strict()

export class CatalogError extends UserFacingError {
  readonly errorCode = 'bad-data'
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`)
    this.name = 'CatalogError'
  }
}

/** Cross-record rules that a schema cannot express. Returns the problems found. */
export function catalogProblems(catalog: Catalog): string[] {
  const problems: string[] = []
  const papers = new Set<string>()
  for (const p of catalog.papers) {
    if (papers.has(p.slug)) problems.push(`paper "${p.slug}" is listed twice`)
    papers.add(p.slug)
  }
  const ids = new Set<string>()
  const sources = new Map<string, string>()
  const paperDates = new Map<string, string>()
  for (const issue of catalog.issues) {
    if (ids.has(issue.id)) problems.push(`issue "${issue.id}" is listed twice`)
    ids.add(issue.id)
    if (!papers.has(issue.paper))
      problems.push(`issue "${issue.id}" names unknown paper "${issue.paper}"`)
    const key = `${issue.paper} ${issue.date}`
    const other = paperDates.get(key)
    if (other)
      problems.push(`issues "${other}" and "${issue.id}" are both ${issue.paper} of ${issue.date}`)
    paperDates.set(key, issue.id)
    const numbers = new Set<number>()
    for (const page of issue.pages) {
      if (numbers.has(page.number))
        problems.push(`issue "${issue.id}" has page ${page.number} twice`)
      numbers.add(page.number)
      const owner = sources.get(page.source)
      if (owner) problems.push(`source "${page.source}" is used by "${owner}" and "${issue.id}"`)
      sources.set(page.source, issue.id)
    }
  }
  return problems
}

/** Parses catalog JSON text; throws CatalogError naming the file and each problem. */
export function parseCatalog(json: string, file = CATALOG_FILE): Catalog {
  let data: unknown
  try {
    data = parseJsonText(json)
  } catch (e) {
    throw new CatalogError(file, [
      `not valid JSON (${(e as Error).message}); restore it from a backup or rebuild it`,
    ])
  }
  const result = catalogSchema.safeParse(data)
  if (!result.success) {
    throw new CatalogError(file, [describeZodError(result.error, { max: 10 })])
  }
  const catalog = result.data as Catalog
  const problems = catalogProblems(catalog)
  if (problems.length) throw new CatalogError(file, problems)
  return catalog
}

export function emptyCatalog(title = 'Archive'): Catalog {
  return { format: 'archive-reader/catalog', version: 1, title, papers: [], issues: [] }
}

/** Issues sorted by paper then date, pages by number: the order every listing uses. */
/**
 * Slugs, ISO dates and issue ids are lower-case ASCII letters, digits and - (rules.ts), which
 * code-unit order sorts as localeCompare does (tests/shared/archive/catalog-order.test.ts); a
 * collator's first use costs a cold process 5–10 ms, a fifth of opening a large archive.
 */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function sortCatalog(catalog: Catalog): Catalog {
  const issues = [...catalog.issues]
    .map((i) => ({ ...i, pages: [...i.pages].sort((a, b) => a.number - b.number) }))
    .sort((a, b) => byCode(a.paper, b.paper) || byCode(a.date, b.date) || byCode(a.id, b.id))
  return { ...catalog, issues }
}

export function serializeCatalog(catalog: Catalog): string {
  return JSON.stringify(sortCatalog(catalog), null, 2) + '\n'
}

const rulesCache = new WeakMap<CatalogPaper, SegmentRules>()

/** The segmentation rules of a paper: the general ones plus its catalog profile. */
export function paperRules(papers: readonly CatalogPaper[], slug: string): SegmentRules {
  const paper = papers.find((p) => p.slug === slug)
  if (!paper?.profile) return DEFAULT_RULES
  let rules = rulesCache.get(paper)
  if (!rules) rulesCache.set(paper, (rules = segmentRules(paper.profile)))
  return rules
}
