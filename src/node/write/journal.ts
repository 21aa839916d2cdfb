// The transaction journal, `.archive-txn.json`: what an interrupted change was, so that the next
// writer can finish or undo it (recover.ts). An archive folder may come from anyone, so the
// journal is data like any other: before recovery acts on it, it must pass the rule here. It
// names only
//   - page files (bare visible `.txt` names in the archive folder) the transaction created or
//     deletes — never a path, never a hidden or system file of the folder — each with the sha256
//     of its bytes, so that recovery deletes a file only when it is exactly the file the
//     transaction wrote (or the page the catalog held): a crafted journal naming some other file
//     of the folder (a librarian's notes.txt) cannot get it deleted without knowing its content;
//   - its own staged index, whose name is derived from the transaction id (`.index.bin.TXN.staged`
//     beside the index the caller uses), never a path written in the journal.
// A journal that breaks the rule is refused (JournalError) and left where it is for a person to
// look at; nothing is deleted or renamed on its word.
import { describeZodError } from '../../shared/zod-problems'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { nameProblem, PAGE_FILE_RULE } from '../../shared/archive/safe-name'
import { ArchiveError } from '../archive-error'
import { CORRECTIONS_FILE } from '../../shared/archive/corrections'
import type { LogEntry } from '../archive-log'
import { writeFileAtomic } from '../atomic'
import { entryKind, readRegularText } from '../safe-path'

export const JOURNAL_FILE = '.archive-txn.json'
/** The archive's fingerprints (../fingerprints.ts), staged and installed like the index. */
export const FINGERPRINTS_FILE = 'fingerprints.json'

/** A transaction id: `20250101T120000-1a2b3c4d` as newTxnId makes it (tests write short ones). */
export const TXN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

export type TxnOp = 'import' | 'remove' | 'correct' | 'export'

/** A page file a transaction creates or deletes: its bare name and the sha256 of its bytes. */
export interface PageFileRef {
  name: string
  sha256: string
}

export interface Journal {
  txn: string
  op: TxnOp
  pid: number
  started: string
  /** sha256 of catalog.json as this transaction commits it. */
  catalogAfter: string
  /** Page files (bare names in the archive folder) this transaction creates. */
  create: PageFileRef[]
  /** Page files it deletes once committed. */
  delete: PageFileRef[]
  /** Whether it stages an index (named from `txn`: see stagedIndexPath). */
  stagesIndex?: boolean
  /** Whether it stages fingerprints.json (named from `txn`: see stagedFingerprintsPath). */
  stagesFingerprints?: boolean
  /** Whether it stages corrections.json (named from `txn`: see stagedCorrectionsPath). */
  stagesCorrections?: boolean
  /**
   * Journals of earlier versions wrote the staged index and the index as absolute paths. They are
   * never used: when present, they must be the very paths derived from `txn`, or the journal is
   * refused.
   */
  stagedIndex?: string
  indexPath?: string
  log: LogEntry
}

export class JournalError extends ArchiveError {
  override name = 'JournalError'
}

const SHA256 = /^[0-9a-f]{64}$/

const pageName = z.string().superRefine((s, ctx) => {
  const problem = nameProblem(s, PAGE_FILE_RULE)
  if (problem) ctx.addIssue({ code: 'custom', message: `"${s}" is ${problem}` })
})

// A bare name alone (what journals of earlier versions wrote) is refused: without the file's
// hash, recovery could not tell the transaction's file from another of the same name.
const pageRef = z
  .object({ name: pageName, sha256: z.string().regex(SHA256, 'not a sha256') })
  .strict()

const journalSchema = z
  .object({
    txn: z.string().regex(TXN_ID_PATTERN, 'not a transaction id'),
    op: z.enum(['import', 'remove', 'correct', 'export']),
    pid: z.number().int(),
    started: z.string().max(100),
    catalogAfter: z.string().regex(SHA256, 'not a sha256'),
    create: z.array(pageRef).max(100_000),
    delete: z.array(pageRef).max(100_000),
    stagesIndex: z.boolean().optional(),
    stagesFingerprints: z.boolean().optional(),
    stagesCorrections: z.boolean().optional(),
    stagedIndex: z.string().optional(),
    indexPath: z.string().optional(),
    log: z.record(z.string(), z.unknown()),
  })
  .strict()

/** Where a transaction stages its index: a hidden name beside the index, from the txn id. */
export function stagedIndexPath(indexPath: string, txn: string): string {
  if (!TXN_ID_PATTERN.test(txn)) throw new JournalError(`"${txn}" is not a transaction id`)
  return join(dirname(indexPath), `.${basename(indexPath)}.${txn}.staged`)
}

/** Where a transaction stages fingerprints.json: a hidden name in the archive, from the txn id. */
export function stagedFingerprintsPath(dir: string, txn: string): string {
  if (!TXN_ID_PATTERN.test(txn)) throw new JournalError(`"${txn}" is not a transaction id`)
  return join(dir, `.${FINGERPRINTS_FILE}.${txn}.staged`)
}

/** Where a transaction stages corrections.json: a hidden name in the archive, from the txn id. */
export function stagedCorrectionsPath(dir: string, txn: string): string {
  if (!TXN_ID_PATTERN.test(txn)) throw new JournalError(`"${txn}" is not a transaction id`)
  return join(dir, `.${CORRECTIONS_FILE}.${txn}.staged`)
}

function refuse(file: string, why: string): JournalError {
  return new JournalError(
    `${file}: refused: ${why}. The journal was not written by this program as it stands (damaged, or crafted); nothing was changed and it is left in place: look at it, and move it away by hand to use the archive again`,
  )
}

/**
 * The journal of the folder, checked against the rule; undefined when there is none. `indexPath`
 * is the index the caller uses (from its own options, never from the journal). Throws
 * JournalError for a journal that cannot be read or breaks the rule.
 */
export function readJournal(dir: string, indexPath = join(dir, 'index.bin')): Journal | undefined {
  const file = join(dir, JOURNAL_FILE)
  if (entryKind(file) === 'missing') return undefined
  let data: unknown
  try {
    data = JSON.parse(readRegularText(file))
  } catch (e) {
    throw refuse(file, `it cannot be read as JSON (${(e as Error).message.slice(0, 120)})`)
  }
  const r = journalSchema.safeParse(data)
  if (!r.success) {
    throw refuse(file, describeZodError(r.error, { max: 3 }))
  }
  const j = r.data as Journal
  // Paths written by earlier versions: accepted only as the ones this journal's txn implies.
  const candidates = [indexPath, join(dir, 'index.bin')]
  if (j.indexPath !== undefined && !candidates.includes(j.indexPath))
    throw refuse(file, `it names the index "${j.indexPath}", which is not this archive's index`)
  if (
    j.stagedIndex !== undefined &&
    !candidates.some((p) => stagedIndexPath(p, j.txn) === j.stagedIndex)
  )
    throw refuse(
      file,
      `it names the staged index "${j.stagedIndex}", which is not the name its transaction stages`,
    )
  return j
}

/** Whether the folder has a journal file at all (readable or not). */
export function hasJournal(dir: string): boolean {
  return entryKind(join(dir, JOURNAL_FILE)) !== 'missing'
}

export function writeJournal(dir: string, journal: Journal): void {
  writeFileAtomic(join(dir, JOURNAL_FILE), JSON.stringify(journal, null, 2))
}
