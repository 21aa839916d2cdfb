// The scratch folders of per-article import (per-article.ts joins a folder's article files into
// page files there before they are imported). Each is deleted when its import is committed,
// refused or dropped; one whose process died first (the app quit with the import form open, a
// crash) would stay in the OS temp folder for good, so each is named after its process
// (archive-reader-articles-PID-XXXXXX) and the app sweeps, when it starts, those of processes
// that are gone. Only real folders of exactly that name form are touched: never a link, never
// another program's folder.
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SCRATCH_PREFIX = 'archive-reader-articles-'
const NAMED = /^archive-reader-articles-(\d+)-[A-Za-z0-9]{6}$/
/** One of a process id that is alive again (ids are reused) is swept after a day all the same. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000

export function makeScratch(root = tmpdir()): string {
  return mkdtempSync(join(root, `${SCRATCH_PREFIX}${process.pid}-`))
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Deletes the stale scratch folders in `root`; returns the paths deleted. */
export function sweepStaleScratch(root = tmpdir(), now = Date.now()): string[] {
  const swept: string[] = []
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return swept
  }
  for (const name of names) {
    const m = NAMED.exec(name)
    if (!m) continue
    const pid = Number(m[1])
    const path = join(root, name)
    try {
      const st = lstatSync(path)
      if (!st.isDirectory()) continue
      const old = now - st.mtimeMs > MAX_AGE_MS
      if (pid === process.pid || (alive(pid) && !old)) continue
      rmSync(path, { recursive: true, force: true })
      swept.push(path)
    } catch {
      // Gone meanwhile, or not ours to delete: left alone.
    }
  }
  return swept
}
