// One writer at a time per archive folder: the lock file `.archive.lock`.
//
//   - The lock never exists without its owner: the owner record (pid, host, a random token) is
//     written and fsynced to a temp file first, which is then hard-linked to the lock's name —
//     link() fails if the name exists, so creation is exclusive and atomic. (On a file system
//     without hard links — FAT, some network shares — the lock is created exclusively and then
//     filled; there a reader may see it empty, and an empty lock counts as held.)
//   - A lock is taken over only when it is stale: its record names this host, its process is
//     dead, and it is older than STALE_AGE_MS. A lock whose record cannot be read is held unless it
//     is ABANDONED_AGE_MS old. Taking over renames the lock aside and checks it is the one judged
//     stale, so two writers breaking the same stale lock cannot both proceed.
//   - Release removes the lock only while it still holds this writer's token.
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { ErrorCode } from '../../shared/error-codes'
import { ArchiveError } from '../archive-error'
import { describeWriteFailure } from '../atomic'
import { crashPoint } from '../crash-point'
import { readRegularText } from '../safe-path'

export const LOCK_FILE = '.archive.lock'
/** A dead owner's lock is taken over once it is this old (a just-written lock is left alone). */
export const STALE_AGE_MS = 200
/** A lock without a readable owner record is taken over once it is this old. */
export const ABANDONED_AGE_MS = 10 * 60_000

export class ArchiveBusyError extends ArchiveError {
  override name = 'ArchiveBusyError'
  override readonly errorCode: ErrorCode = 'archive-busy'
}

export interface LockInfo {
  pid: number
  host: string
  op: string
  started: string
  token?: string
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return undefined
    return {
      pid: v.pid,
      host: v.host,
      op: typeof v.op === 'string' ? v.op : 'change',
      started: typeof v.started === 'string' ? v.started : '?',
      ...(typeof v.token === 'string' ? { token: v.token } : {}),
    }
  } catch {
    return undefined
  }
}

export function readLock(dir: string): LockInfo | undefined {
  return readLockFile(join(dir, LOCK_FILE))
}

function readLockFile(file: string): LockInfo | undefined {
  try {
    return parseLock(readRegularText(file))
  } catch {
    return undefined
  }
}

/** Whether a lock file's owner is gone (killed), so the lock may be taken over. */
export function lockIsStale(info: LockInfo | undefined): boolean {
  if (!info) return false
  if (info.host !== hostname()) return false
  return !pidAlive(info.pid)
}

function lockAgeMs(file: string): number {
  try {
    return Date.now() - lstatSync(file).mtimeMs
  } catch {
    return 0
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function writeRecord(path: string, info: LockInfo): void {
  const fd = openSync(path, 'wx', 0o644)
  try {
    writeSync(fd, JSON.stringify(info))
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(path, { force: true })
    throw e
  }
  closeSync(fd)
}

/** Creates the lock holding `info`, or returns false when it exists. */
function createLock(file: string, info: LockInfo): boolean {
  // Named as writeFileAtomic names its temp files, so a killed writer's is cleaned up as theirs.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
  writeRecord(tmp, info)
  try {
    linkSync(tmp, file)
    return true
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS')
      throw e
    // No hard links here: exclusive create, then fill (an empty lock reads as held).
    try {
      writeRecord(file, info)
      return true
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw w
    }
  } finally {
    rmSync(tmp, { force: true })
  }
}

/**
 * Takes over a lock judged stale: renames it aside, and deletes it only if it is still the one
 * judged (same token, or same bytes for a record without one). Another writer may have broken it
 * and taken a fresh lock in between; that lock is put back.
 */
function breakLock(file: string, judged: string, myToken: string): void {
  const aside = `${file}.${myToken}.stale`
  try {
    renameSync(file, aside)
  } catch {
    return // gone already: someone else broke it
  }
  let now = ''
  try {
    now = readRegularText(aside)
  } catch {
    // unreadable: treat as not the one judged
  }
  if (now === judged) {
    unlinkSync(aside)
    return
  }
  // A live writer's fresh lock: give it back (if yet another lock exists, that one stays and
  // this holder's own release finds its token gone and removes nothing).
  try {
    linkSync(aside, file)
  } catch {
    // keep going: the aside copy is removed below either way
  }
  rmSync(aside, { force: true })
}

function holderText(holder: LockInfo | undefined): string {
  return holder
    ? `${holder.op} by process ${holder.pid} on ${holder.host}, since ${holder.started}`
    : 'the lock file has no readable owner yet: a writer is starting, or one was killed while taking it'
}

/** Takes the archive's write lock; returns its release. Refuses while another writer lives. */
export function acquireLock(dir: string, op: string): () => void {
  return acquireLockFile(
    join(dir, LOCK_FILE),
    op,
    (holder) =>
      new ArchiveBusyError(
        `${dir}: archive busy: another change is in progress (${holderText(holder)}); wait for it to finish and try again`,
      ),
    (e) =>
      new ArchiveError(
        `${dir}: cannot write to the archive folder: ${describeWriteFailure(e)}; nothing was changed`,
      ),
  )
}

/**
 * The lock of acquireLock at any file (an export's lock beside its target). `busy` words the
 * refusal while another holder lives, `refuse` a lock that cannot be written at all.
 */
export function acquireLockFile(
  file: string,
  op: string,
  busy: (holder: LockInfo | undefined) => ArchiveError,
  refuse: (e: unknown) => ArchiveError,
): () => void {
  const token = randomBytes(8).toString('hex')
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    op,
    started: new Date().toISOString(),
    token,
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    let created: boolean
    try {
      created = createLock(file, info)
    } catch (e) {
      throw refuse(e)
    }
    if (created) {
      crashPoint('after-lock')
      return () => releaseLock(file, token)
    }
    let text: string
    try {
      text = readRegularText(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue // released meanwhile
      throw busy(undefined)
    }
    const holder = parseLock(text)
    const age = lockAgeMs(file)
    if (holder) {
      if (!lockIsStale(holder)) throw busy(holder)
      // Dead, but only just written: wait out the age before taking it over.
      if (age < STALE_AGE_MS) sleepMs(STALE_AGE_MS - age)
    } else if (age < ABANDONED_AGE_MS) throw busy(undefined)
    // The holder was killed: its lock is ours to break; its transaction is recovered next.
    breakLock(file, text, token)
  }
  throw busy(readLockFile(file))
}

/** Removes the lock only while it is this writer's (its token is in it). */
function releaseLock(file: string, token: string): void {
  let text: string
  try {
    text = readRegularText(file)
  } catch {
    return
  }
  if (parseLock(text)?.token !== token) return
  rmSync(file, { force: true })
}
