// A folder as it is on disk — every file (hidden ones too, recursively) with its sha256, size,
// modification time and inode — to prove that refused calls changed nothing: not a byte, and no
// file (the index least of all) rewritten with the same bytes. Also the newest time below a
// folder, to tell whether a build is stale.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface FileState {
  sha256: string
  size: number
  mtimeMs: number
  ino: number
}

export function treeState(dir: string, prefix = ''): Record<string, FileState> {
  const out: Record<string, FileState> = {}
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name)
    const name = `${prefix}${entry.name}`
    if (entry.isDirectory()) Object.assign(out, treeState(path, `${name}/`))
    else {
      const info = statSync(path)
      out[name] = {
        sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
        size: info.size,
        mtimeMs: info.mtimeMs,
        ino: info.ino,
      }
    }
  }
  return out
}

/** The newest modification time of any file below `dir`, to tell whether a build is stale. */
export function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}
