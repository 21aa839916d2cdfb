// The contract's verbs as CLI commands, derived from each verb's `cli` declaration
// (archiveContract, src/shared/contract.ts) and never listed here: the command's words become
// the verb's arguments as declared, the verb's own schema judges them (as over IPC and HTTP),
// the service answers, and `--json` prints the result as it is. A failure is reduced by the
// error policy like any other (main.ts: toPublicError → message and exit code). A verb given a
// `cli` in the contract is a command with `--json` without a line here; a presenter
// (format.ts) only adds a human-readable form, or an option of the command's own.
import { parseWithSchema } from '../shared/contract'
import type { CliArg, CliCommand, VerbDeclaration } from '../shared/contract'
import { searchRequest, UsageError } from './args'
import type { CliOptions } from './args'

/** How a command shows its verb's result to a person, and what else it may do with it. */
export interface Presenter<R = never> {
  /** The result as a person reads it (default: the JSON, as --json prints it). */
  text?(result: R, opts: CliOptions): string
  /** A narrower answer chosen by the command's own options (show --page N). */
  select?(result: R, opts: CliOptions): R
  /** The exit code of an answer that is a failure in itself (a search's query error). */
  exitCode?(result: R): number
  /** More lines for the usage text (the command's own options). */
  usage?: string
}

/** Any verb's presenter, its result type forgotten (runVerb hands it that verb's result). */
export type ErasedPresenter = { readonly [K in keyof Presenter<unknown>]?: unknown }

/** The verb a command names, among the declarations that have a `cli`. */
export function verbOfCommand(
  contract: Readonly<Record<string, VerbDeclaration>>,
  command: string,
): string | undefined {
  return Object.keys(contract).find((m) => contract[m]?.cli?.command === command)
}

function argName(a: CliArg): string {
  return a.from === 'search' ? 'QUERY' : a.from === 'limit' ? '[--limit N]' : a.name
}

/** The command's synopsis as the usage text shows it: `show ISSUE`. */
export function synopsis(cli: CliCommand): string {
  return [cli.command, ...cli.args.map(argName)].join(' ')
}

/** The usage lines of every declared command, with their presenters' extra lines. */
export function verbUsage(
  contract: Readonly<Record<string, VerbDeclaration>>,
  presenters: Readonly<Record<string, ErasedPresenter | undefined>> = {},
): string {
  const lines: string[] = []
  for (const [method, d] of Object.entries(contract)) {
    if (!d.cli) continue
    lines.push(`  ${synopsis(d.cli).padEnd(26)} ${d.cli.about}`)
    const extra = (presenters[method] as Presenter<unknown> | undefined)?.usage
    if (extra) lines.push(extra.replace(/\n$/, ''))
  }
  return lines.join('\n')
}

/** The verb's arguments from the command's words and options, as its declaration says. */
export function cliArguments(
  cli: CliCommand,
  opts: CliOptions,
  words = opts.positionals,
): unknown[] {
  const rest = [...words]
  const need = (a: CliArg): never => {
    throw new UsageError(`${cli.command} needs ${argName(a)} (usage: ${synopsis(cli)})`)
  }
  const args = cli.args.map((a): unknown => {
    if (a.from === 'limit') return opts.limit
    if (a.from === 'word') {
      const w = rest.shift() ?? need(a)
      return a.number && /^\d{1,9}$/.test(w) ? Number(w) : w
    }
    const text = rest.splice(0).join(' ')
    if (!text.trim()) need(a)
    return a.from === 'words' ? text : searchRequest(opts, text)
  })
  if (rest.length) {
    const words = cli.args.filter((a) => a.from !== 'limit').length
    throw new UsageError(`${cli.command} takes ${words} argument(s): ${synopsis(cli)}`)
  }
  return args
}

/** A service that answers the contract's verbs in-process: `${verb}Sync` (ArchiveSyncApi). */
export type SyncService = object

export interface RunVerbOptions {
  presenter?: ErasedPresenter
  /** The command's words (default: opts.positionals): one line of `search --queries`. */
  words?: string[]
  /** JSON on one line (one answer per line). */
  compact?: boolean
}

/**
 * Runs `method` of `contract` as its CLI command: arguments from the command's words and
 * options, judged by the verb's schema, answered by `service[method + 'Sync']`, printed
 * (`--json`: as it is). Returns the exit code; a failure is thrown, for the error policy to word.
 */
export function runVerb(
  contract: Readonly<Record<string, VerbDeclaration>>,
  method: string,
  /** Opened only once the arguments have passed (opening may build an index). */
  service: () => SyncService,
  opts: CliOptions,
  out: (s: string) => void,
  how: RunVerbOptions = {},
): number {
  const d = contract[method]
  if (!d?.cli) throw new UsageError(`"${method}" is not a command`)
  const args = parseWithSchema(d.args, method, cliArguments(d.cli, opts, how.words))
  const target = service()
  const fn = (target as Record<string, unknown>)[`${method}Sync`]
  if (typeof fn !== 'function') throw new Error(`the service does not answer ${method}`)
  const p = (how.presenter ?? {}) as Presenter<unknown>
  const answer: unknown = (fn as (...a: unknown[]) => unknown).apply(target, args)
  const result = p.select ? p.select(answer, opts) : answer
  if (opts.json || !p.text) out(JSON.stringify(result, null, how.compact ? undefined : 2))
  else out(p.text(result, opts))
  return p.exitCode?.(result) ?? 0
}
