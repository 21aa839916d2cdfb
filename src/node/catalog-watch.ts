// Noticing that another process changed an archive: `catalog.json` is the commit point of every
// change (add, remove, repair), so a new catalog file means a new snapshot. The folder is watched
// (fs.watch) and, because watch events are lost on some file systems (network shares, some
// containers), the catalog's identity is also polled. A change is reported once the writer has
// finished (no journal and no lock left), so the index the transaction stages is in place.
import { existsSync, statSync, watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { CATALOG_FILE } from '../shared/archive/catalog'
import { JOURNAL_FILE } from './write/journal'
import { LOCK_FILE } from './write/lock'

export interface WatchOptions {
  /** How often the catalog's identity is polled, in ms (default 500). */
  pollMs?: number
  /** How long a writer's journal or lock is waited for before reporting anyway (default 10 s). */
  maxWaitMs?: number
}

export interface CatalogWatch {
  close(): void
}

/** The catalog file's identity: a replaced file has a new inode, mtime or size. */
export function catalogStamp(dir: string): string {
  try {
    const s = statSync(join(dir, CATALOG_FILE), { bigint: true })
    return `${s.ino}:${s.mtimeNs}:${s.size}`
  } catch {
    return 'missing'
  }
}

/** Whether a writer is between its first step and its last (its journal or lock is present). */
export function writerActive(dir: string): boolean {
  return existsSync(join(dir, JOURNAL_FILE)) || existsSync(join(dir, LOCK_FILE))
}

/**
 * Calls `onChange` (never twice at once) when the catalog of `dir` is replaced and its writer is
 * done. `onChange` may be async; a change during it is reported again after it.
 */
export function watchCatalog(
  dir: string,
  onChange: () => void | Promise<void>,
  options: WatchOptions = {},
): CatalogWatch {
  const pollMs = options.pollMs ?? 500
  const maxWaitMs = options.maxWaitMs ?? 10_000
  let seen = catalogStamp(dir)
  let changedAt = 0
  let running = false
  let closed = false
  let watcher: FSWatcher | undefined

  const check = (): void => {
    if (closed || running) return
    const stamp = catalogStamp(dir)
    if (stamp === seen) return
    changedAt ||= Date.now()
    // A transaction commits the catalog and then moves its staged index into place: wait for it.
    if (writerActive(dir) && Date.now() - changedAt < maxWaitMs) {
      setTimeout(check, 50).unref()
      return
    }
    seen = stamp
    changedAt = 0
    running = true
    void Promise.resolve()
      .then(onChange)
      .catch(() => {})
      .finally(() => {
        running = false
        check()
      })
  }
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || name === CATALOG_FILE || name === JOURNAL_FILE || name === LOCK_FILE)
        check()
    })
    watcher.on('error', () => watcher?.close())
  } catch {
    // Polling alone still notices the change.
  }
  const timer = setInterval(check, pollMs)
  timer.unref()
  return {
    close() {
      closed = true
      clearInterval(timer)
      watcher?.close()
    },
  }
}
