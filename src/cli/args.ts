// Command-line parsing for archive-reader: one place for options, so every command shares them.
import { UserFacingError } from '../shared/errors'
import { parseArgs } from 'node:util'
import { BLOCK_TYPES } from '../shared/types'
import type { BlockType, SearchRequest, SortOrder } from '../shared/types'
import { isValidIsoDate } from '../shared/archive/catalog'

export class UsageError extends UserFacingError {
  override name = 'UsageError'
  readonly errorCode = 'invalid-arguments'
}

/** The usage text around the commands the contract declares (usage.ts puts them between). */
export const USAGE_HEAD = `archive-reader — the librarian's and tester's tool for an Archive Reader archive

Usage: archive-reader [--archive DIR] [--json] <command> [options]

Commands:
`

/** The usage text of the commands that change an archive, and the common options. */
export const USAGE_TAIL = `  add PATH... [--paper SLUG] [--paper-name NAME] [--date YYYY-MM-DD] [--page N]
             [--encoding utf-8|gb18030|gbk|gb2312|big5|big5-hkscs|cp950]
             [--allow-private-use] [--allow-same-name] [--issue ID] [--dry-run] [--yes]
                             import page files and folders of them (one file per page),
                             grouped into issues by their metadata: options, a folder's
                             manifest.json, a NAME.meta.json beside a file, file names like
                             SLUG-YYYY-MM-DD-pN.txt, or what the text prints (confirm with --yes).
                             Prints a validation report; errors refuse the whole batch.
      --dry-run              check and report only
      --yes                  accept metadata read from the text without asking
      --allow-private-use    keep private-use characters (refused by default: they are
                             glyphs the encoding could not map, and cannot be searched)
      --allow-same-name      let a new paper slug have the name of another paper (two papers
                             of one name), or a paper get a name other than the archive's
      --verbose              details of every file also in a batch of more than 50
      --title T              the title of a new archive (when DIR has none yet)
  remove ISSUE [--page N]    remove an issue (or one of its pages) and its page file(s)
  export DIR [--paper SLUG]... [--from D] [--to D] [--issue ID] [--title T]
                             write a complete archive folder (catalog, pages, fresh index)
                             into a new or empty DIR, for another library
  index [--threads N]        rebuild the search index (when the archive changed since it was
                             built), on one thread per core up to 4 by default; each thread
                             holds its share of the index while building: --threads 1 on a
                             machine short of memory
  index --to-opensearch URL [--index-prefix P] [--replicas N]
                             build the reading room's OpenSearch index (alias swapped when
                             complete); credentials in the URL or ARCHIVE_READER_OPENSEARCH_*
  verify [--repair]          check the catalog, every page file and the index; --repair
                             finishes or undoes an interrupted add or remove
  edit KIND ARTICLE ... [--note T] [--dry-run]
                             correct what the segmenter or the text got wrong (kept in
                             corrections.json; page files never change). ARTICLE is an id
                             as "show --json" gives it (ISSUE/pN/aM):
      split ARTICLE --before TEXT | --at OFFSET [--occurrence N]
      merge ARTICLE          with the block after it
      retype ARTICLE article|brief|photo|graphic|ad|notice|furniture
      retitle ARTICLE [--headline T] [--kicker T] [--subheadline T] [--byline T]
                             ("" removes a field)
      link ARTICLE TARGET    ARTICLE continues on TARGET (another page)
      unlink ARTICLE [PAGE]  drop its continuation links (to PAGE, or all)
      fix-text ARTICLE --find TEXT --replace TEXT [--occurrence N]
                             the text as printed stays searchable and shown on request
  corrections list [--issue ID]   every correction and whether it still applies
  corrections export [FILE] [--issue ID]   the corrections as a corrections.json
  corrections import FILE [--dry-run]      add a corrections.json's entries (all or none)
  corrections remove ID...                 drop corrections

Changes (add, remove, edit, corrections, export) are atomic and logged in the archive's archive.log.

Options:
  --archive DIR   the archive folder (default: the bundled seeds/)
  --index FILE    where the index is kept (default: DIR/index.bin)
  --json          machine-readable output
  -h, --help      this help
`

export interface CliOptions {
  command: string
  positionals: string[]
  archive?: string
  index?: string
  /** index --to-opensearch URL: the cluster to build the reading room's index in. */
  toOpenSearch?: string
  indexPrefix?: string
  replicas?: number
  /** index --threads N: how many threads a rebuild may use (each holds a shard's heap). */
  threads?: number
  json: boolean
  help: boolean
  paper: string[]
  /** --type, repeatable: block types to search. */
  type: BlockType[]
  from?: string
  to?: string
  issue?: string
  page?: number
  sort?: SortOrder
  limit?: number
  offset?: number
  queries?: string
  date?: string
  encoding?: string
  paperName?: string
  yes: boolean
  allowPrivateUse: boolean
  allowSameName: boolean
  dryRun: boolean
  verbose: boolean
  repair: boolean
  title?: string
  /** Options of `edit` (corrections-cli.ts). */
  at?: number
  before?: string
  find?: string
  replace?: string
  occurrence?: number
  kicker?: string
  headline?: string
  subheadline?: string
  byline?: string
  note?: string
}

function positiveInt(name: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UsageError(`--${name} expects a whole number ≥ ${min}, got "${v}"`)
  return Number(v)
}

function date(name: string, v: string | undefined): string | undefined {
  if (v !== undefined && !isValidIsoDate(v))
    throw new UsageError(`--${name} expects a real date YYYY-MM-DD, got "${v}"`)
  return v
}

export function parseCli(argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        archive: { type: 'string' },
        index: { type: 'string' },
        'to-opensearch': { type: 'string' },
        'index-prefix': { type: 'string' },
        replicas: { type: 'string' },
        threads: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        paper: { type: 'string', multiple: true },
        type: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        issue: { type: 'string' },
        page: { type: 'string' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        queries: { type: 'string' },
        date: { type: 'string' },
        encoding: { type: 'string' },
        'paper-name': { type: 'string' },
        yes: { type: 'boolean', short: 'y', default: false },
        'dry-run': { type: 'boolean', default: false },
        'allow-private-use': { type: 'boolean', default: false },
        'allow-same-name': { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        repair: { type: 'boolean', default: false },
        title: { type: 'string' },
        at: { type: 'string' },
        before: { type: 'string' },
        find: { type: 'string' },
        replace: { type: 'string' },
        occurrence: { type: 'string' },
        kicker: { type: 'string' },
        headline: { type: 'string' },
        subheadline: { type: 'string' },
        byline: { type: 'string' },
        note: { type: 'string' },
      },
    })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const v = parsed.values
  const sort = v.sort
  if (sort !== undefined && !['relevance', 'date-desc', 'date-asc'].includes(sort)) {
    throw new UsageError(`--sort expects relevance, date-desc or date-asc, got "${sort}"`)
  }
  const [command = '', ...positionals] = parsed.positionals
  const opts: CliOptions = {
    command,
    positionals,
    json: v.json ?? false,
    help: v.help ?? false,
    paper: v.paper ?? [],
    type: blockTypes(v.type ?? []),
    yes: v.yes ?? false,
    dryRun: v['dry-run'] ?? false,
    allowPrivateUse: v['allow-private-use'] ?? false,
    allowSameName: v['allow-same-name'] ?? false,
    verbose: v.verbose ?? false,
    repair: v.repair ?? false,
  }
  const set = <K extends keyof CliOptions>(k: K, value: CliOptions[K] | undefined): void => {
    if (value !== undefined) opts[k] = value
  }
  set('archive', v.archive)
  set('index', v.index)
  set('toOpenSearch', v['to-opensearch'])
  set('indexPrefix', v['index-prefix'])
  set('replicas', positiveInt('replicas', v.replicas, 0))
  set('threads', positiveInt('threads', v.threads))
  set('from', date('from', v.from))
  set('to', date('to', v.to))
  set('date', v.date)
  set('issue', v.issue)
  set('page', positiveInt('page', v.page))
  set('sort', sort as SortOrder | undefined)
  set('limit', positiveInt('limit', v.limit))
  set('offset', positiveInt('offset', v.offset, 0))
  set('queries', v.queries)
  set('encoding', v.encoding)
  set('paperName', v['paper-name'])
  set('title', v.title)
  set('at', positiveInt('at', v.at, 0))
  set('occurrence', positiveInt('occurrence', v.occurrence))
  for (const k of [
    'before',
    'find',
    'replace',
    'kicker',
    'headline',
    'subheadline',
    'byline',
    'note',
  ] as const)
    set(k, v[k])
  return opts
}

export function searchRequest(opts: CliOptions, q: string): SearchRequest {
  const r: SearchRequest = { q }
  if (opts.paper.length) r.papers = opts.paper
  if (opts.type.length) r.types = opts.type
  if (opts.from) r.dateFrom = opts.from
  if (opts.to) r.dateTo = opts.to
  if (opts.issue) r.issueId = opts.issue
  if (opts.page !== undefined) r.page = opts.page
  if (opts.sort) r.sort = opts.sort
  if (opts.limit !== undefined) r.limit = opts.limit
  if (opts.offset !== undefined) r.offset = opts.offset
  return r
}

function blockTypes(values: string[]): BlockType[] {
  for (const t of values)
    if (!(BLOCK_TYPES as readonly string[]).includes(t))
      throw new UsageError(`--type expects one of ${BLOCK_TYPES.join(', ')}, got "${t}"`)
  return values as BlockType[]
}
