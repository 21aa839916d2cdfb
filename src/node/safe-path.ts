// Every file whose name comes from data — a page file a catalog names, a file a journal says a
// transaction made, a page a manifest lists, a sidecar, the catalog, its backup, the log, the lock
// and the index of an archive folder that came from elsewhere — is reached through here:
//
//   - the name is a bare name (src/shared/archive/safe-name.ts): no `..`, no absolute path, no
//     separator where a bare name is expected;
//   - it is never followed if it is a symbolic link, and never read if it is not a regular file
//     (a FIFO would hang the reader, a device would feed it forever): files are opened with
//     O_NOFOLLOW | O_NONBLOCK where the platform has them, then checked with fstat;
//   - where a name may hold a path (a manifest in a folder lists its pages), the real path must
//     stay inside the folder.
//
// A name that breaks the rule is refused with UnsafePathError, which says which file and why.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  unlinkSync,
} from 'node:fs'
import { join, relative, isAbsolute, sep } from 'node:path'
import { nameProblem } from '../shared/archive/safe-name'
import type { NameRule } from '../shared/archive/safe-name'
import { ArchiveError } from './archive-error'

export class UnsafePathError extends ArchiveError {
  override name = 'UnsafePathError'
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: refused: ${reason}`)
  }
}

// Not every platform has these (Windows has neither); there the lstat check below stands alone.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0
const O_NONBLOCK = constants.O_NONBLOCK ?? 0

/** `dir/name` for a bare name from data; throws UnsafePathError (naming `what`) otherwise. */
export function safeJoin(dir: string, name: unknown, what: string, rule: NameRule = {}): string {
  const problem = nameProblem(name, rule)
  if (problem !== undefined)
    throw new UnsafePathError(join(dir, String(name)), `${what} is ${problem}`)
  return join(dir, name as string)
}

export type EntryKind = 'missing' | 'file' | 'symlink' | 'folder' | 'other'

/** What is at `path`, without following a symbolic link. */
export function entryKind(path: string): EntryKind {
  try {
    const st = lstatSync(path)
    if (st.isSymbolicLink()) return 'symlink'
    if (st.isFile()) return 'file'
    if (st.isDirectory()) return 'folder'
    return 'other'
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw e
  }
}

const KIND_REASON: Record<Exclude<EntryKind, 'file' | 'missing'>, string> = {
  symlink: 'it is a symbolic link (links are never followed in an archive or import folder)',
  folder: 'it is a folder, not a file',
  other: 'it is not a regular file (a device, a pipe or a socket)',
}

/** Throws UnsafePathError unless `path` is a regular file (missing passes: the caller's ENOENT). */
export function assertRegularOrMissing(path: string): EntryKind {
  const kind = entryKind(path)
  if (kind !== 'file' && kind !== 'missing') throw new UnsafePathError(path, KIND_REASON[kind])
  return kind
}

/**
 * Opens `path` for reading without following a symbolic link, and only if it is a regular file.
 * A missing file throws the system's ENOENT (callers tell "missing" from "refused" by it).
 */
export function openRegularFile(path: string): number {
  // Where O_NOFOLLOW is missing, lstat first (a small race, on platforms without the flag).
  if (!O_NOFOLLOW) assertRegularOrMissing(path)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // ELOOP: a symbolic link; EMLINK on some BSDs; ENXIO: a socket or a FIFO without a writer.
    if (code === 'ELOOP' || code === 'EMLINK' || code === 'ENXIO')
      throw new UnsafePathError(path, KIND_REASON[code === 'ENXIO' ? 'other' : 'symlink'])
    throw e
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile())
      throw new UnsafePathError(path, KIND_REASON[st.isDirectory() ? 'folder' : 'other'])
  } catch (e) {
    closeSync(fd)
    throw e
  }
  return fd
}

/** The bytes of a regular file, never through a symbolic link (see openRegularFile). */
export function readRegularFile(path: string): Buffer {
  const fd = openRegularFile(path)
  try {
    const size = fstatSync(fd).size
    const chunks: Buffer[] = []
    let total = 0
    // Read to the end, not just `size` bytes: a file may grow while it is read.
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(64 * 1024, size - total + 1))
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      chunks.push(n === buf.length ? buf : buf.subarray(0, n))
      total += n
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total)
  } finally {
    closeSync(fd)
  }
}

export function readRegularText(path: string): string {
  return readRegularFile(path).toString('utf8')
}

/** Reads `dir/name` for a bare name from data (see safeJoin and readRegularFile). */
export function readInside(dir: string, name: unknown, what: string, rule: NameRule = {}): Buffer {
  return readRegularFile(safeJoin(dir, name, what, rule))
}

/**
 * Deletes `dir/name` for a bare name from data, only when it is a regular file. Returns false
 * when there was nothing to delete; throws UnsafePathError for a link, a folder or a device
 * (left alone for a person to look at).
 */
export function removeInside(
  dir: string,
  name: unknown,
  what: string,
  rule: NameRule = {},
): boolean {
  const path = safeJoin(dir, name, what, rule)
  if (assertRegularOrMissing(path) === 'missing') return false
  unlinkSync(path)
  return true
}

/** Whether `path` is `dir` or below it, judged on both real paths (links resolved). */
export function realpathInside(dir: string, path: string): boolean {
  let realDir: string
  let real: string
  try {
    realDir = realpathSync(dir)
    real = realpathSync(path)
  } catch {
    return false
  }
  const rel = relative(realDir, real)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}
