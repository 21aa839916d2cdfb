// Adding one issue (the original `add`, kept as a function for callers that know the paper and
// date): a batch import of its files with that metadata, through the same checks and the same
// transaction. The first error is thrown; the archive is then unchanged.
import type { TextEncodingName } from '../shared/types'
import { ArchiveError } from './archive-dir'
import { commitImport } from './import/commit'
import { planImport } from './import/plan'
import type { ImportOptions } from './import/plan'

export interface AddOptions {
  archiveDir: string
  files: string[]
  paper: string
  date: string
  firstPage?: number
  encoding?: string
  paperName?: string
  issueId?: string
  indexPath?: string
  /** For tests: today's date, to refuse issues from the future. */
  today?: string
}

export interface AddResult {
  issueId: string
  pages: {
    number: number
    source: string
    encoding: TextEncodingName
    articles: number
    from: string
  }[]
  index: 'extended' | 'rebuilt'
}

export function addIssue(opts: AddOptions): AddResult {
  if (opts.files.length === 0) throw new ArchiveError('add: give at least one page file')
  const o: ImportOptions = {
    archiveDir: opts.archiveDir,
    inputs: opts.files,
    paper: opts.paper,
    date: opts.date,
  }
  for (const k of ['firstPage', 'encoding', 'paperName', 'issueId', 'indexPath', 'today'] as const)
    if (opts[k] !== undefined) (o as unknown as Record<string, unknown>)[k] = opts[k]
  const plan = planImport(o)
  const r = plan.report
  for (const f of r.files) {
    const e = f.problems.find((p) => p.level === 'error')
    if (e) throw new ArchiveError(`${f.file}: ${e.message}`)
  }
  const first =
    r.issues.flatMap((i) => i.problems).find((p) => p.level === 'error') ??
    r.problems.find((p) => p.level === 'error')
  if (first) throw new ArchiveError(`add: ${first.message}`)
  const result = commitImport(plan)
  const issue = r.issues[0]
  return {
    issueId: issue?.id ?? '',
    pages: r.files.map((f) => ({
      number: f.page?.value ?? 0,
      source: f.source ?? '',
      encoding: f.encoding as TextEncodingName,
      articles: f.articles,
      from: f.file,
    })),
    index: result.index,
  }
}
