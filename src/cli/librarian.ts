// The commands that change archives: add (batch import), remove, export, verify [--repair].
import { readSync } from 'node:fs'
import { resolve } from 'node:path'
import { carriedLines } from '../node/import/carried-corrections'
import { commitImport } from '../node/import/commit'
import { planImport } from '../node/import/plan'
import type { ImportOptions } from '../node/import/plan'
import type { ImportProgress } from '../shared/archive/import-report'
import { exportArchive } from '../node/export-archive'
import { removeIssue } from '../node/remove-issue'
import { repairArchive, verifyArchive } from '../node/verify'
import type { VerifyReport } from '../node/verify'
import { bundledArchiveDir } from '../node/paths'
import type { CliOptions } from './args'
import { UsageError } from './args'
import { formatImportReport, progressPrinter } from './import-format'
import { visible } from './visible'

type Out = (s: string) => void

export interface Io {
  out: Out
  err: Out
  /** Raw writes to stderr (progress); default: through `err`. */
  errRaw?: (s: string) => void
  /** A person can answer a question on this terminal. */
  interactive: boolean
  /** Asks a yes/no question; undefined when nobody can answer. */
  ask?: (question: string) => string | undefined
}

export function terminalIo(out: Out, err: Out): Io {
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY)
  return {
    out,
    err,
    errRaw: (s) => process.stderr.write(s),
    interactive,
    ask: (question) => {
      process.stderr.write(question)
      const buf = Buffer.alloc(256)
      try {
        const n = readSync(0, buf, 0, buf.length, null)
        return buf.subarray(0, n).toString('utf8').trim()
      } catch {
        return undefined
      }
    },
  }
}

function listed(ids: string[], max = 8): string {
  return ids.length <= max
    ? ids.join(', ')
    : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`
}

function archiveDir(opts: CliOptions): string {
  return resolve(opts.archive ?? bundledArchiveDir())
}

export function runAdd(opts: CliOptions, io: Io): number {
  if (opts.positionals.length === 0)
    throw new UsageError('add needs page files or folders of page files')
  if (opts.paper.length > 1) throw new UsageError('add takes at most one --paper SLUG')
  const tty = Boolean(io.errRaw && process.stderr.isTTY)
  const progress = progressPrinter(
    (s) => (tty && io.errRaw ? io.errRaw(s) : io.err(s.replace(/\n$/, ''))),
    tty,
  )
  const o: ImportOptions = {
    archiveDir: archiveDir(opts),
    inputs: opts.positionals,
    onProgress: progress,
  }
  if (opts.paper[0]) o.paper = opts.paper[0]
  if (opts.date) o.date = opts.date
  if (opts.page !== undefined) o.firstPage = opts.page
  if (opts.encoding) o.encoding = opts.encoding
  if (opts.allowPrivateUse) o.allowPrivateUse = true
  if (opts.allowSameName) o.allowSameName = true
  if (opts.paperName) o.paperName = opts.paperName
  if (opts.issue) o.issueId = opts.issue
  if (opts.index) o.indexPath = resolve(opts.index)
  if (opts.title) o.title = opts.title
  const plan = planImport(o)
  try {
    return addPlanned(plan, opts, io, progress)
  } finally {
    plan.cleanup?.()
  }
}

function addPlanned(
  plan: ReturnType<typeof planImport>,
  opts: CliOptions,
  io: Io,
  progress: (p: ImportProgress) => void,
): number {
  const report = plan.report
  report.dryRun = opts.dryRun
  const print = (imported: unknown): void => {
    if (opts.json) io.out(JSON.stringify({ ...report, imported }, null, 2))
  }
  if (!opts.json) io.out(formatImportReport(report, opts.verbose))
  if (!report.ok) {
    print(null)
    io.err(
      `Refused: ${report.summary.errors} error(s) (listed above, each with its file). Nothing was imported; the archive is unchanged.`,
    )
    return 1
  }
  if (opts.dryRun) {
    print(null)
    io.err('Dry run: the batch passed; nothing was imported.')
    return 0
  }
  if (report.needsConfirmation && !opts.yes) {
    const answer =
      io.interactive && !opts.json
        ? io.ask?.('Import with the metadata READ FROM THE TEXT above? [y/N] ')
        : undefined
    if (!/^y(es)?$/i.test(answer ?? '')) {
      print(null)
      io.err(
        answer === undefined
          ? 'Some metadata was read from the text (marked READ FROM THE TEXT above). Check it, then run again with --yes to accept it, or give it with options, a NAME.meta.json sidecar or a manifest.json. Nothing was imported.'
          : 'Not imported.',
      )
      return 1
    }
  }
  const result = commitImport(plan, { onProgress: progress })
  print(result)
  if (!opts.json) {
    io.out(
      `\nImported ${result.pages} page(s) into ${result.issues.length} issue(s): ${listed(result.issues.map((i) => i.id))}. Search index ${result.index}; logged in archive.log (${result.txn}).`,
    )
    for (const a of result.recovery.actions) io.err(`recovered: ${visible(a)}`)
  }
  // A re-added issue's corrections: stale ones are warned of also under --json (on stderr).
  const carried = carriedLines(result.corrections)
  if (!opts.json) for (const line of carried.out) io.out(line)
  for (const line of carried.err) io.err(visible(line))
  return 0
}

export function runRemove(opts: CliOptions, io: Io): number {
  const id = opts.positionals[0]
  if (!id || opts.positionals.length > 1)
    throw new UsageError('remove needs one issue id (see "list"), and optionally --page N')
  const o: Parameters<typeof removeIssue>[0] = { archiveDir: archiveDir(opts), issueId: id }
  if (opts.page !== undefined) o.page = opts.page
  if (opts.index) o.indexPath = resolve(opts.index)
  const r = removeIssue(o)
  if (opts.json) io.out(JSON.stringify(r, null, 2))
  else
    io.out(
      `Removed ${r.page !== undefined ? `page ${r.page} of ` : ''}${r.issueId} (${r.paper} ${r.date}) and its page file(s) ${visible(r.files.join(', '))}; logged in archive.log (${r.txn}).`,
    )
  return 0
}

export function runExport(opts: CliOptions, io: Io): number {
  const target = opts.positionals[0]
  if (!target || opts.positionals.length > 1) throw new UsageError('export needs one target folder')
  const o: Parameters<typeof exportArchive>[0] = { archiveDir: archiveDir(opts), target }
  if (opts.paper.length) o.papers = opts.paper
  if (opts.from) o.from = opts.from
  if (opts.to) o.to = opts.to
  if (opts.issue) o.issues = [opts.issue]
  if (opts.title) o.title = opts.title
  const r = exportArchive(o)
  if (opts.json) io.out(JSON.stringify(r, null, 2))
  else
    io.out(
      `Exported ${r.issues} issue(s), ${r.pages} page(s) (${(r.bytes / 1024).toFixed(1)} KB, index ${(r.indexBytes / 1024).toFixed(1)} KB) to ${visible(r.target)}.`,
    )
  for (const a of r.recovery?.actions ?? []) io.err(`recovered: ${visible(a)}`)
  return 0
}

/** What verify's line says of index.bin.fields. */
const FIELDS_SAYS: Record<VerifyReport['fields'], string> = {
  current: 'current',
  missing: 'not built yet (built at the next open)',
  stale: 'out of date',
  damaged: 'damaged',
  unchecked: 'not checked (no current index)',
}

export function runVerify(opts: CliOptions, io: Io): number {
  const dir = archiveDir(opts)
  const index = opts.index ? resolve(opts.index) : undefined
  const actions = opts.repair ? repairArchive(dir, index).actions : []
  const report = verifyArchive(dir, index)
  if (opts.json)
    io.out(JSON.stringify(opts.repair ? { ...report, repaired: actions } : report, null, 2))
  else {
    for (const a of actions) io.err(`repaired: ${visible(a)}`)
    for (const e of report.errors) io.err(`error: ${visible(e)}`)
    for (const w of report.warnings) io.err(`warning: ${visible(w)}`)
    io.out(
      `${report.ok ? 'OK' : 'FAILED'}: ${report.issues} issues, ${report.pages} pages, ${report.errors.length} errors, ${report.warnings.length} warnings; suggestions index ${FIELDS_SAYS[report.fields]}`,
    )
  }
  return report.ok ? 0 : 1
}
