#!/usr/bin/env node
// archive-reader: list, show, search, add, remove, export, index and verify archives.
// Errors go to stderr with a non-zero exit code (the error policy, src/shared/errors.ts); --json
// output is the contract's objects (list = listIssues, show = getIssue, search = search).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ArchiveService, NotFoundError } from '../node/archive-service'
import { bundledArchiveDir } from '../node/paths'
import { parseCli, searchRequest, USAGE, UsageError } from './args'
import { MAX_QUERY_LENGTH } from '../shared/rules'
import type { CliOptions } from './args'
import { formatIssue, formatList, formatSearch } from './format'
import { runAdd, runExport, runRemove, runVerify, terminalIo } from './librarian'
import type { Io } from './librarian'
import { parseArguments } from '../shared/contract'
import { exitCodeOf, toPublicError, UserFacingError } from '../shared/errors'
import { visible } from './visible'
import { runCorrections, runEdit } from './corrections-cli'
import { runIndexToOpenSearch } from './opensearch-index'

type Out = (s: string) => void

function open(opts: CliOptions, err: Out): ArchiveService {
  const o: Parameters<typeof ArchiveService.open>[0] = {
    archiveDir: resolve(opts.archive ?? bundledArchiveDir()),
    log: (m) => err(visible(m)),
  }
  if (opts.index) o.indexPath = resolve(opts.index)
  return ArchiveService.open(o)
}

/** `io` defaults to this process's terminal (it may ask the user to confirm an import). */
export function run(
  argv: string[],
  out: Out,
  err: Out,
  io: Io = { out, err, interactive: false },
): number {
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
        // The id is judged by getIssue's own schema, as over IPC and HTTP.
        parseArguments('getIssue', [id])
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
        // The same cap as the server and the app (the contract's schema); --queries lines get it
        // from the engine, as an error line of their own.
        if (q.length > MAX_QUERY_LENGTH) {
          throw new UsageError(
            `the query is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} can be searched`,
          )
        }
        const r = service.searchSync(searchRequest(opts, q))
        if (opts.json) json(r)
        else out(formatSearch(r))
        return r.error ? 1 : 0
      }
      case 'add':
        return runAdd(opts, io)
      case 'remove':
        return runRemove(opts, io)
      case 'export':
        return runExport(opts, io)
      case 'index': {
        if (opts.toOpenSearch !== undefined || opts.indexPrefix !== undefined)
          throw new UsageError(
            'index --to-opensearch runs from the command line (archive-reader index --to-opensearch URL)',
          )
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
      case 'verify':
        return runVerify(opts, io)
      case 'edit':
        return runEdit(opts, io)
      case 'corrections':
        return runCorrections(opts, io)
      default:
        throw new UsageError(`unknown command "${opts.command}"`)
    }
  } catch (e) {
    return failed(e, err)
  }
}

/**
 * The error policy at the CLI: a user-facing error is printed (its message, as toPublicError
 * gives it to IPC and HTTP) with the exit code of its code (2 = bad usage, 1 = anything else);
 * anything else is a bug and is thrown, so its stack is printed.
 */
function failed(e: unknown, err: Out): number {
  if (!(e instanceof UserFacingError)) throw e
  const error = toPublicError(e)
  if (error.code === 'internal') throw e
  const usage = e instanceof UsageError ? `\n\n${USAGE}` : ''
  err(`archive-reader: ${visible(error.message)}${usage}`)
  return exitCodeOf(error.code)
}

// Run when executed directly (not when imported by tests).
const invoked = process.argv[1] ?? ''
if (/(^|[\\/])(main\.[cm]?[jt]s|archive-reader(\.[cm]?js)?)$/.test(invoked)) {
  const out: Out = (s) => process.stdout.write(s + '\n')
  const err: Out = (s) => process.stderr.write(s + '\n')
  const argv = process.argv.slice(2)
  // Building a cluster's index is the one asynchronous command (network requests).
  const opts = (() => {
    try {
      return parseCli(argv)
    } catch {
      return undefined
    }
  })()
  if (opts?.command === 'index' && opts.toOpenSearch !== undefined)
    void runIndexToOpenSearch(opts, out, err).then((code) => (process.exitCode = code))
  else process.exitCode = run(argv, out, err, terminalIo(out, err))
}
