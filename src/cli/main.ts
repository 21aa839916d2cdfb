#!/usr/bin/env node
// archive-reader: list, show, search, add, index and verify an archive from the command line.
// Errors go to stderr with a non-zero exit code; --json output is the contract's objects.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ArchiveService, NotFoundError } from '../node/archive-service'
import { ArchiveError } from '../node/archive-dir'
import { addIssue } from '../node/add-issue'
import { verifyArchive } from '../node/verify'
import { bundledArchiveDir } from '../node/paths'
import { parseCli, searchRequest, USAGE, UsageError } from './args'
import type { CliOptions } from './args'
import { formatIssue, formatList, formatSearch } from './format'

type Out = (s: string) => void

function open(opts: CliOptions, err: Out): ArchiveService {
  const o: Parameters<typeof ArchiveService.open>[0] = {
    archiveDir: resolve(opts.archive ?? bundledArchiveDir()),
    log: (m) => err(m),
  }
  if (opts.index) o.indexPath = resolve(opts.index)
  return ArchiveService.open(o)
}

export function run(argv: string[], out: Out, err: Out): number {
  let opts: CliOptions
  try {
    opts = parseCli(argv)
  } catch (e) {
    err(`archive-reader: ${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (opts.help || !opts.command) {
    ;(opts.help ? out : err)(USAGE)
    return opts.help ? 0 : 2
  }
  const json = (v: unknown): void => out(JSON.stringify(v, null, 2))
  try {
    switch (opts.command) {
      case 'list': {
        const issues = open(opts, err).listIssuesSync()
        if (opts.json) json(issues)
        else out(formatList(issues))
        return 0
      }
      case 'show': {
        const id = opts.positionals[0]
        if (!id) throw new UsageError('show needs an issue id (see "list")')
        const view = open(opts, err).getIssueSync(id)
        if (opts.page !== undefined && !view.pages.some((p) => p.number === opts.page)) {
          throw new NotFoundError(
            `issue "${id}" has no page ${opts.page}; it has ${view.pages.map((p) => p.number).join(', ')}`,
          )
        }
        const shown =
          opts.page === undefined
            ? view
            : { ...view, pages: view.pages.filter((p) => p.number === opts.page) }
        if (opts.json) json(shown)
        else out(formatIssue(view, opts.page))
        return 0
      }
      case 'search': {
        const service = open(opts, err)
        if (opts.queries) {
          const lines = readFileSync(resolve(opts.queries), 'utf8')
            .split(/\r?\n/)
            .filter((l) => l.trim())
          for (const q of lines) {
            const r = service.searchSync(searchRequest(opts, q))
            out(opts.json ? JSON.stringify(r) : formatSearch(r) + '\n')
          }
          return 0
        }
        const q = opts.positionals.join(' ')
        if (!q.trim()) throw new UsageError('search needs a query, or --queries FILE')
        const r = service.searchSync(searchRequest(opts, q))
        if (opts.json) json(r)
        else out(formatSearch(r))
        return r.error ? 1 : 0
      }
      case 'add': {
        if (!opts.date) throw new UsageError('add needs --date YYYY-MM-DD')
        if (opts.paper.length !== 1) throw new UsageError('add needs exactly one --paper SLUG')
        const a: Parameters<typeof addIssue>[0] = {
          archiveDir: resolve(opts.archive ?? bundledArchiveDir()),
          files: opts.positionals.map((f) => resolve(f)),
          paper: opts.paper[0] as string,
          date: opts.date,
        }
        if (opts.page !== undefined) a.firstPage = opts.page
        if (opts.encoding) a.encoding = opts.encoding
        if (opts.paperName) a.paperName = opts.paperName
        if (opts.issue) a.issueId = opts.issue
        if (opts.index) a.indexPath = resolve(opts.index)
        const result = addIssue(a)
        if (opts.json) json(result)
        else {
          out(
            `Added ${result.issueId}: ${result.pages.map((p) => `page ${p.number} (${p.encoding}, ${p.articles} articles) from ${p.from}`).join('; ')}`,
          )
          out(`Search index ${result.index}.`)
        }
        return 0
      }
      case 'index': {
        const service = open({ ...opts }, err)
        const st = {
          articles: service.index.docs.issue.length,
          issues: service.catalog.issues.length,
          ...service.openResult,
        }
        if (opts.json) json(st)
        else
          out(
            `Index ${st.index}${st.reason ? ` (${st.reason})` : ''}: ${st.issues} issues, ${st.articles} articles${st.written ? ', saved' : ''}.`,
          )
        return 0
      }
      case 'verify': {
        const dir = resolve(opts.archive ?? bundledArchiveDir())
        const report = verifyArchive(dir, opts.index ? resolve(opts.index) : undefined)
        if (opts.json) json(report)
        else {
          for (const e of report.errors) err(`error: ${e}`)
          for (const w of report.warnings) err(`warning: ${w}`)
          out(
            `${report.ok ? 'OK' : 'FAILED'}: ${report.issues} issues, ${report.pages} pages, ${report.errors.length} errors, ${report.warnings.length} warnings`,
          )
        }
        return report.ok ? 0 : 1
      }
      default:
        throw new UsageError(`unknown command "${opts.command}"`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`archive-reader: ${e.message}\n\n${USAGE}`)
      return 2
    }
    if (e instanceof ArchiveError || e instanceof NotFoundError) {
      err(`archive-reader: ${e.message}`)
      return 1
    }
    throw e
  }
}

// Run when executed directly (not when imported by tests).
const invoked = process.argv[1] ?? ''
if (/(^|[\\/])(main\.[cm]?[jt]s|archive-reader(\.[cm]?js)?)$/.test(invoked)) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  )
}
