// Atomic file replacement: write a temp file beside the target, fsync it, rename it over the
// target, fsync the folder. A crash at any point leaves either the old file or the new one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ArchiveError } from './archive-error'
import { crashPoint } from './crash-point'

/** What a failed write means to the person at the keyboard. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EIO: 'the disk reported an input/output error',
  EFBIG: 'the file is too large for this disk',
  ELOOP: 'it is a symbolic link, which is never written through',
}

/** A write that failed for a reason on the disk's side; `code` is the system's (ENOSPC, EROFS…). */
export class WriteError extends ArchiveError {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path}: cannot write: ${WRITE_FAILURES[code] ?? code} (${code})`)
  }
}

/** "the disk is full (ENOSPC)", or the error's code or message. */
export function describeWriteFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code && code in WRITE_FAILURES) return `${WRITE_FAILURES[code]} (${code})`
  return code ?? (e as Error)?.message ?? String(e)
}

/** Turns a disk-side failure (ENOSPC, EROFS, EACCES…) into a WriteError; anything else as is. */
export function asWriteError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  return code && code in WRITE_FAILURES && !(e instanceof ArchiveError)
    ? new WriteError(path, code)
    : e
}

/**
 * Writes `data` to a new temp file beside `path` — `.NAME.PID.TIME.tmp`, which recovery removes
 * once its writer is gone — and fsyncs it. Returns the temp file's path; on failure nothing of it
 * is left and the system's error is thrown as it is.
 */
export function writeTempBeside(path: string, data: string | Uint8Array): string {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  let fd = -1
  try {
    fd = openSync(tmp, 'wx', 0o644)
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
    closeSync(fd)
    return tmp
  } catch (e) {
    if (fd >= 0) closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let tmp: string | undefined
  try {
    tmp = writeTempBeside(path, data)
    crashPoint('atomic-before-rename')
    renameSync(tmp, path)
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true })
    throw asWriteError(e, path)
  }
  syncDir(dirname(path))
}

/** fsync a folder so a rename in it is durable (a no-op where the platform cannot do it). */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Windows cannot open a folder for fsync; rename there is already durable enough.
  }
}
