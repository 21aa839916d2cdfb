// `edit KIND ARTICLE ...` and `corrections list|export|import|remove`: the librarian's
// corrections (../shared/archive/corrections.ts), each change one transaction.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  CorrectionsError,
  parseCorrections,
  serializeCorrections,
  emptyCorrections,
  TITLE_FIELDS,
} from '../shared/archive/corrections'
import type { CorrectionEntry, TitleField } from '../shared/archive/corrections'
import {
  EditError,
  makeFixText,
  makeLink,
  makeMerge,
  makeRetitle,
  makeRetype,
  makeSplit,
  makeUnlink,
} from '../shared/archive/corrections-make'
import type { EditPage } from '../shared/archive/corrections-make'
import { parseArticleId } from '../shared/archive/issue'
import { BLOCK_TYPES } from '../shared/types'
import type { BlockType } from '../shared/types'
import { ArchiveError } from '../node/archive-dir'
import { writeFileAtomic } from '../node/atomic'
import { changeCorrections, editPages, listCorrections } from '../node/corrections-write'
import type { CorrectResult } from '../node/corrections-write'
import { bundledArchiveDir } from '../node/paths'
import type { CliOptions } from './args'
import { UsageError } from './args'
import type { Io } from './librarian'
import { visible } from './visible'

export const EDIT_KINDS = ['split', 'merge', 'retitle', 'retype', 'link', 'unlink', 'fix-text']

function archiveDir(opts: CliOptions): string {
  return resolve(opts.archive ?? bundledArchiveDir())
}

function pageOf(dir: string, articleId: string | undefined, what: string): EditPage {
  const ref = articleId ? parseArticleId(articleId) : undefined
  if (!ref) throw new UsageError(`${what} needs an article id like ISSUE/p1/a2 (see "show --json")`)
  const page = editPages(dir, ref.issueId).pages.find((p) => p.page === ref.page)
  if (!page)
    throw new ArchiveError(
      `unknown block "${articleId}": issue ${ref.issueId} has no page ${ref.page}`,
    )
  return page
}

function makeEntry(dir: string, kind: string, opts: CliOptions): CorrectionEntry {
  const [id, arg] = opts.positionals.slice(1)
  const page = pageOf(dir, id, `edit ${kind}`)
  const aid = id as string
  switch (kind) {
    case 'split': {
      const where: { before?: string; at?: number; occurrence?: number } = {}
      if (opts.before !== undefined) where.before = opts.before
      if (opts.at !== undefined) where.at = opts.at
      if (opts.occurrence !== undefined) where.occurrence = opts.occurrence
      return makeSplit(page, aid, where, opts.note)
    }
    case 'merge':
      return makeMerge(page, aid, opts.note)
    case 'retype': {
      if (!arg || !(BLOCK_TYPES as readonly string[]).includes(arg))
        throw new UsageError(`edit retype needs a type: ${BLOCK_TYPES.join(', ')}`)
      return makeRetype(page, aid, arg as BlockType, opts.note)
    }
    case 'retitle': {
      const fields: Partial<Record<TitleField, string>> = {}
      for (const f of TITLE_FIELDS)
        if (opts[f] !== undefined) fields[f] = (opts[f] as string).trim()
      return makeRetitle(page, aid, fields, opts.note)
    }
    case 'link':
      return makeLink(
        page,
        aid,
        pageOf(dir, arg, 'edit link (its target)'),
        arg as string,
        opts.note,
      )
    case 'unlink': {
      if (arg !== undefined && !/^\d+$/.test(arg))
        throw new UsageError(`edit unlink takes a page number after the article, got "${arg}"`)
      return makeUnlink(page, aid, arg === undefined ? undefined : Number(arg), opts.note)
    }
    case 'fix-text':
      if (opts.find === undefined || opts.replace === undefined)
        throw new UsageError('edit fix-text needs --find TEXT and --replace TEXT')
      return makeFixText(page, aid, opts.find, opts.replace, opts.occurrence, opts.note)
    default:
      throw new UsageError(`edit: unknown kind "${kind}"; one of ${EDIT_KINDS.join(', ')}`)
  }
}

function change(opts: CliOptions, io: Io, o: Parameters<typeof changeCorrections>[0]): number {
  if (opts.index) o.indexPath = resolve(opts.index)
  if (opts.dryRun) o.dryRun = true
  const r: CorrectResult = changeCorrections(o)
  if (opts.json) {
    io.out(JSON.stringify(r, null, 2))
    return 0
  }
  const verb = r.dryRun ? 'Would add' : 'Added'
  const parts = [
    r.added.length ? `${verb} ${r.added.join(', ')}` : '',
    r.removed.length ? `${r.dryRun ? 'would remove' : 'removed'} ${r.removed.join(', ')}` : '',
    r.skipped.length ? `already there: ${r.skipped.join(', ')}` : '',
  ].filter(Boolean)
  io.out(
    `${parts.join('; ') || 'Nothing to change'}. ${r.entries} correction(s) in the archive${r.txn ? `; logged in archive.log (${r.txn})` : ''}${r.dryRun ? ' (dry run: nothing changed)' : ''}.`,
  )
  for (const a of r.recovery?.actions ?? []) io.err(`recovered: ${visible(a)}`)
  return 0
}

export function runEdit(opts: CliOptions, io: Io): number {
  const kind = opts.positionals[0]
  if (!kind || !EDIT_KINDS.includes(kind))
    throw new UsageError(`edit needs a kind: ${EDIT_KINDS.join(', ')}`)
  const dir = archiveDir(opts)
  let entry: CorrectionEntry
  try {
    entry = makeEntry(dir, kind, opts)
  } catch (e) {
    if (e instanceof EditError) throw new ArchiveError(`edit ${kind}: ${e.message}`)
    throw e
  }
  return change(opts, io, { archiveDir: dir, add: [entry], what: `edit ${kind}` })
}

function readBatch(file: string): CorrectionEntry[] {
  let json: string
  try {
    json = readFileSync(file, 'utf8')
  } catch (e) {
    throw new ArchiveError(
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    )
  }
  try {
    const { file: parsed, rejected } = parseCorrections(json, file)
    if (rejected.length)
      throw new ArchiveError(
        `corrections refused, nothing was changed: ${rejected.map((r) => `${r.id ? `"${r.id}"` : `entry ${r.at + 1}`}: ${r.problem}`).join('; ')}`,
      )
    return parsed.entries
  } catch (e) {
    if (e instanceof CorrectionsError) throw new ArchiveError(e.message)
    throw e
  }
}

export function runCorrections(opts: CliOptions, io: Io): number {
  const [sub, ...rest] = opts.positionals
  const dir = archiveDir(opts)
  switch (sub) {
    case 'list': {
      const rows = listCorrections(dir, opts.issue)
      if (opts.json) io.out(JSON.stringify(rows, null, 2))
      else {
        for (const { entry, outcome } of rows)
          io.out(
            visible(
              `${entry.id}  ${entry.kind}  ${entry.issue} p${entry.page}  ${outcome.status}${outcome.problem ? `: ${outcome.problem}` : ''}`,
            ),
          )
        io.out(`${rows.length} correction(s)`)
      }
      return rows.some((r) => r.outcome.status === 'stale' || r.outcome.status === 'refused')
        ? 1
        : 0
    }
    case 'export': {
      const entries = listCorrections(dir, opts.issue).map((r) => r.entry)
      const json = serializeCorrections({ ...emptyCorrections(), entries })
      const target = rest[0]
      if (!target) io.out(json.trimEnd())
      else {
        writeFileAtomic(resolve(target), json)
        if (!opts.json) io.out(`Exported ${entries.length} correction(s) to ${visible(target)}.`)
        else io.out(JSON.stringify({ target, entries: entries.length }))
      }
      return 0
    }
    case 'import': {
      const file = rest[0]
      if (!file || rest.length > 1) throw new UsageError('corrections import needs one FILE')
      return change(opts, io, { archiveDir: dir, add: readBatch(file), what: 'corrections import' })
    }
    case 'remove': {
      if (!rest.length) throw new UsageError('corrections remove needs the ids to remove')
      return change(opts, io, { archiveDir: dir, remove: rest, what: 'corrections remove' })
    }
    default:
      throw new UsageError('corrections needs list, export, import or remove')
  }
}
