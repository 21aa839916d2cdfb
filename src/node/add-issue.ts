// Adding an issue to an archive: every file is read, decoded and checked first; only when all
// pass are the page files copied in and the catalog replaced (atomically: the catalog write is
// the commit point). The search index is then extended with the new issue.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import {
  catalogProblems,
  isValidIsoDate,
  serializeCatalog,
  sortCatalog,
  CATALOG_FILE,
} from '../shared/archive/catalog'
import { buildIssueView } from '../shared/archive/issue'
import { decodeText, DecodeError, parseEncodingName } from '../shared/text/decode'
import { deserializeIndex, serializeIndex } from '../shared/search/index-file'
import { extendSearchIndex } from '../shared/search/search-index'
import type { DocInput } from '../shared/search/search-index'
import type { Catalog, CatalogIssue, CatalogPage, TextEncodingName } from '../shared/types'
import { archiveKey, ArchiveError, readCatalog, sha256 } from './archive-dir'
import { writeFileAtomic } from './atomic'
import { buildIndexFor, INDEX_FILE } from './archive-service'
import { crc32 } from 'node:zlib'

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
  index: 'extended' | 'rebuilt' | 'not-saved'
}

interface CheckedPage {
  from: string
  bytes: Buffer
  text: string
  page: CatalogPage
}

function fail(message: string): never {
  throw new ArchiveError(message)
}

/** Validates everything; returns the new catalog and the pages to copy. Touches nothing. */
export function planAdd(
  opts: AddOptions,
  catalog: Catalog,
): { catalog: Catalog; issue: CatalogIssue; pages: CheckedPage[] } {
  if (opts.files.length === 0) fail('add: give at least one page file')
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(opts.paper)) {
    fail(
      `add: --paper "${opts.paper}" is not a slug (lower-case letters, digits and -), e.g. jiangbei`,
    )
  }
  if (!isValidIsoDate(opts.date)) fail(`add: --date "${opts.date}" is not a real date YYYY-MM-DD`)
  const today = opts.today ?? new Date().toISOString().slice(0, 10)
  if (opts.date > today) fail(`add: --date ${opts.date} is in the future; check the issue's date`)
  if (opts.date < '1815-01-01')
    fail(`add: --date ${opts.date} predates any Chinese-language newspaper; check it`)
  let declared: TextEncodingName | undefined
  if (opts.encoding !== undefined) {
    declared =
      parseEncodingName(opts.encoding) ??
      fail(`add: unknown --encoding "${opts.encoding}"; use utf-8, gb18030 or big5`)
  }
  const papers = [...catalog.papers]
  if (!papers.some((p) => p.slug === opts.paper)) {
    if (!opts.paperName) {
      fail(
        `add: paper "${opts.paper}" is not in the catalog; give its name with --paper-name (e.g. --paper-name 江北报) to register it`,
      )
    }
    papers.push({ slug: opts.paper, name: opts.paperName })
  }
  const issueId = opts.issueId ?? `${opts.paper}-${opts.date}`
  const existing = catalog.issues.find((i) => i.id === issueId)
  if (existing && (existing.paper !== opts.paper || existing.date !== opts.date)) {
    fail(`add: issue id "${issueId}" is already used by ${existing.paper} of ${existing.date}`)
  }
  const knownHashes = new Map<string, string>()
  for (const i of catalog.issues)
    for (const p of i.pages) knownHashes.set(p.sha256, `page ${p.number} of ${i.id}`)
  const first = opts.firstPage ?? 1
  const pages: CheckedPage[] = opts.files.map((from, k) => {
    const number = first + k
    if (!existsSync(from)) fail(`${from}: no such file`)
    const st = statSync(from)
    if (!st.isFile()) fail(`${from}: not a regular file`)
    const bytes = readFileSync(from)
    let text: string
    let encoding: TextEncodingName
    try {
      const decoded = decodeText(bytes, declared)
      text = decoded.text
      encoding = decoded.encoding
    } catch (e) {
      if (e instanceof DecodeError) fail(`${from}: ${e.message}`)
      throw e
    }
    if (text.trim().length === 0) fail(`${from}: the page has no text (only white space)`)
    const hash = sha256(bytes)
    const dup = knownHashes.get(hash)
    if (dup) fail(`${from}: the same text is already in the archive as ${dup}; nothing was added`)
    knownHashes.set(hash, `${basename(from)} in this command`)
    if (existing?.pages.some((p) => p.number === number)) {
      fail(
        `${from}: issue ${issueId} already has a page ${number}; use --page to number the new pages after it`,
      )
    }
    const source = `${issueId}-p${number}.txt`
    if (existsSync(join(opts.archiveDir, source)))
      fail(`${from}: the archive already has a file ${source}; run verify`)
    return { from, bytes, text, page: { number, source, sha256: hash, encoding } }
  })
  const issue: CatalogIssue = existing
    ? { ...existing, pages: [...existing.pages, ...pages.map((p) => p.page)] }
    : {
        id: issueId,
        paper: opts.paper,
        date: opts.date,
        dateSource: 'printed',
        pages: pages.map((p) => p.page),
      }
  const next: Catalog = sortCatalog({
    ...catalog,
    papers,
    issues: [...catalog.issues.filter((i) => i.id !== issueId), issue],
  })
  const problems = catalogProblems(next)
  if (problems.length) fail(`add: ${problems.join('; ')}`)
  return { catalog: next, issue, pages }
}

const checksum = (b: Uint8Array): number => crc32(b)

export function addIssue(opts: AddOptions): AddResult {
  const dir = opts.archiveDir
  const before = readCatalog(dir)
  const plan = planAdd(opts, before)
  const indexPath = opts.indexPath ?? join(dir, INDEX_FILE)
  const oldKey = archiveKey(dir, sortCatalog(before))

  const copied: string[] = []
  try {
    for (const p of plan.pages) {
      const target = join(dir, p.page.source)
      writeFileAtomic(target, p.bytes)
      copied.push(target)
    }
    writeFileAtomic(join(dir, CATALOG_FILE), serializeCatalog(plan.catalog))
  } catch (e) {
    for (const f of copied) rmSync(f, { force: true })
    throw new ArchiveError(
      `add: could not write to ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the archive is unchanged`,
    )
  }

  const view = buildIssueView(
    plan.issue,
    plan.catalog.papers,
    plan.issue.pages.map((pg) => {
      const fresh = plan.pages.find((p) => p.page.source === pg.source)
      return fresh ? fresh.text : decodeText(readFileSync(join(dir, pg.source)), pg.encoding).text
    }),
  )
  const result: AddResult = {
    issueId: plan.issue.id,
    pages: plan.pages.map((p) => ({
      number: p.page.number,
      source: p.page.source,
      encoding: p.page.encoding,
      articles: view.pages.find((v) => v.number === p.page.number)?.articles.length ?? 0,
      from: p.from,
    })),
    index: 'rebuilt',
  }
  const newKey = archiveKey(dir, plan.catalog)
  let bytes: Uint8Array
  const replacesIssue = before.issues.some((i) => i.id === plan.issue.id)
  try {
    if (replacesIssue) throw new Error('an existing issue grew: rebuild')
    const old = deserializeIndex(readFileSync(indexPath), checksum)
    if (old.sourceKey !== oldKey) throw new Error('stale')
    const docs: DocInput[] = []
    for (const page of view.pages) {
      for (const a of page.articles)
        docs.push({
          issue: 0,
          page: page.number,
          article: a.index,
          headline: a.headline,
          text: a.text,
        })
    }
    const extended = extendSearchIndex(
      old.index,
      [{ id: plan.issue.id, paper: plan.issue.paper, date: plan.issue.date }],
      docs,
    )
    bytes = serializeIndex(extended, newKey, checksum)
    result.index = 'extended'
  } catch {
    bytes = serializeIndex(buildIndexFor(dir, plan.catalog), newKey, checksum)
  }
  try {
    writeFileAtomic(indexPath, bytes)
  } catch {
    result.index = 'not-saved'
  }
  return result
}
