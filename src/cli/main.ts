#!/usr/bin/env node
// archive-reader: list, show, search, add, remove, export, index and verify archives.
// Errors go to stderr with a non-zero exit code (the error policy, src/shared/errors.ts). The
// commands that read (list, show, search, …) are the contract's verbs, derived from it
// (verbs.ts): their --json output is the verb's result.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ArchiveService } from '../node/archive-service'
import { bundledArchiveDir } from '../node/paths'
import { parseCli, UsageError } from './args'
import type { CliOptions } from './args'
import { PRESENTERS } from './format'
import { runAdd, runExport, runRemove, runVerify, terminalIo } from './librarian'
import type { Io } from './librarian'
import { archiveContract } from '../shared/contract'
import type { ArchiveMethod } from '../shared/contract'
import { exitCodeOf, toPublicError, UserFacingError } from '../shared/errors'
import { USAGE } from './usage'
import { runVerb, verbOfCommand } from './verbs'
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
  if (opts.threads !== undefined) o.threads = opts.threads
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
    const method = verbOfCommand(archiveContract, opts.command) as ArchiveMethod | undefined
    if (method) {
      const presenter = PRESENTERS[method]
      if (method === 'search' && opts.queries) return runQueries(open(opts, err), opts, out)
      return runVerb(archiveContract, method, () => open(opts, err), opts, out, { presenter })
    }
    switch (opts.command) {
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
        // The field index (suggestions, quick open) is made now too, so a shipped archive has it.
        const terms = service.fields().entries.length
        const st = {
          articles: service.index.docs.issue.length,
          issues: service.catalog.issues.length,
          terms,
          ...service.openResult,
        }
        if (opts.json) json(st)
        else
          out(
            `Index ${st.index}${st.reason ? ` (${st.reason})` : ''}: ${st.issues} issues, ${st.articles} articles, ${st.terms} suggestion terms${st.written ? ', saved' : ''}.`,
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
 * `search --queries FILE`: the search verb once per line, one JSON object (or text block) per
 * line in order. A line the verb refuses prints its public error in its place; the rest go on.
 */
function runQueries(service: ArchiveService, opts: CliOptions, out: Out): number {
  const lines = readFileSync(resolve(opts.queries as string), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
  for (const q of lines) {
    try {
      runVerb(
        archiveContract,
        'search',
        () => service,
        opts,
        (s) => out(opts.json ? s : s + '\n'),
        {
          presenter: PRESENTERS.search,
          words: [q],
          compact: true,
        },
      )
    } catch (e) {
      if (!(e instanceof UserFacingError)) throw e
      const { code, message } = toPublicError(e)
      out(opts.json ? JSON.stringify({ query: q, error: message, code }) : `${q}: ${message}\n`)
    }
  }
  return 0
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
