// archive.log: one JSON line per change to an archive folder (import, remove, export), appended
// and fsynced after the change is committed, so a library can see who changed what and when.
import { closeSync, constants, existsSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { asWriteError } from './atomic'
import { readRegularText } from './safe-path'

export const LOG_FILE = 'archive.log'

export interface LogEntry {
  time: string
  /**
   * `export` is the line an export writes in its target (with `from`); earlier versions wrote
   * `created-by-export` there and `export` in the source, which an export no longer touches.
   */
  op: 'import' | 'remove' | 'correct' | 'export' | 'created-by-export'
  /** The transaction id, so that a recovered transaction is logged once. */
  txn: string
  user?: string
  tool: string
  [detail: string]: unknown
}

function whoami(): string | undefined {
  try {
    return userInfo().username
  } catch {
    return undefined
  }
}

export function logEntry(
  op: LogEntry['op'],
  txn: string,
  details: Record<string, unknown>,
): LogEntry {
  const entry: LogEntry = { time: new Date().toISOString(), op, txn, tool: 'archive-reader' }
  const user = whoami()
  if (user) entry.user = user
  return { ...entry, ...details }
}

export function appendLog(dir: string, entry: LogEntry): void {
  const file = join(dir, LOG_FILE)
  try {
    // Never through a link: archive.log -> ~/.bashrc in a folder from elsewhere must not append.
    const fd = openSync(
      file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0),
      0o644,
    )
    try {
      writeSync(fd, JSON.stringify(entry) + '\n')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (e) {
    throw asWriteError(e, file)
  }
}

/** Entries of the log; lines that are not JSON (a torn last line) are returned as problems. */
export function readLog(dir: string): { entries: LogEntry[]; bad: number[] } {
  const file = join(dir, LOG_FILE)
  if (!existsSync(file)) return { entries: [], bad: [] }
  const entries: LogEntry[] = []
  const bad: number[] = []
  readRegularText(file)
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return
      try {
        entries.push(JSON.parse(line) as LogEntry)
      } catch {
        bad.push(i + 1)
      }
    })
  return { entries, bad }
}

export function logHasTxn(dir: string, txn: string): boolean {
  const file = join(dir, LOG_FILE)
  return existsSync(file) && readRegularText(file).includes(`"txn":"${txn}"`)
}
