// The archive as the server sees it over time: a snapshot (catalog, index, search workers) that
// is replaced as a whole when another process commits a change (the CLI's add or remove writes a
// new catalog.json). A request holds the snapshot it started with, so it finishes on the old one;
// the old snapshot's workers stop once its last request is answered.
import { join } from 'node:path'
import type { ArchiveApi } from '../shared/contract'
import { archiveKey } from '../node/archive-dir'
import { ArchiveService } from '../node/archive-service'
import { INDEX_FILE } from '../node/index-helpers'
import { catalogStamp, watchCatalog } from '../node/catalog-watch'
import type { CatalogWatch } from '../node/catalog-watch'
import { SearchPool } from './search-pool'
import type { SearchBackend } from '../node/search-backend/backend'

export interface LiveOptions {
  archiveDir: string
  indexPath?: string
  /** Search worker threads; 0 = search on the event loop (for comparison only). */
  searchWorkers: number
  searchQueue?: number
  /** Watch the catalog and switch snapshots (default true). */
  watch?: boolean
  pollMs?: number
  log: (message: string) => void
  /**
   * Another engine that answers searches (an OpenSearch cluster); absent = the embedded engine,
   * exactly as before. With one, no search workers are started: the cluster does the work.
   */
  searchBackend?: SearchBackend
}

export interface Snapshot {
  api: ArchiveApi
  gen: number
  key: string
  /** The catalog file this snapshot was read from. */
  stamp: string
  inFlight: number
  retired: boolean
  /** Closes its service's index files (read on demand), once retired and idle. */
  close: () => void
}

const OPEN_ATTEMPTS = 3

export class LiveArchive {
  /** Set by `open` before the archive is handed out. */
  private snapshot!: Snapshot
  private watcher: CatalogWatch | undefined
  private reloading: Promise<boolean> | undefined

  private nextGen = 1
  private readonly pool: SearchPool | undefined

  private constructor(private readonly options: LiveOptions) {
    // One pool for the server's life: its workers open each new snapshot beside the old one.
    this.pool =
      options.searchWorkers > 0 && !options.searchBackend
        ? new SearchPool({
            archiveDir: options.archiveDir,
            indexPath: options.indexPath ?? join(options.archiveDir, INDEX_FILE),
            size: options.searchWorkers,
            ...(options.searchQueue !== undefined ? { maxQueue: options.searchQueue } : {}),
          })
        : undefined
  }

  static async open(options: LiveOptions): Promise<LiveArchive> {
    const live = new LiveArchive(options)
    try {
      live.snapshot = await live.openSnapshot()
    } catch (e) {
      await live.pool?.terminate()
      throw e
    }
    if (options.watch ?? true) {
      live.watcher = watchCatalog(options.archiveDir, () => live.reload().then(() => {}), {
        ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      })
    }
    return live
  }

  /** Runs `fn` on the current snapshot, which stays alive until `fn` is done. */
  async use<T>(fn: (api: ArchiveApi) => Promise<T>): Promise<T> {
    const s = this.snapshot
    s.inFlight++
    try {
      return await fn(s.api)
    } finally {
      s.inFlight--
      this.finishRetired(s)
    }
  }

  /**
   * Opens the archive again if its catalog changed since the current snapshot; resolves true
   * when a new snapshot is in place. Concurrent callers share one reload.
   */
  reload(): Promise<boolean> {
    if (this.reloading) return this.reloading
    const reloading = this.reopen()
    // Cleared once settled, and only after it was stored: a reopen that finds nothing changed
    // settles without waiting, and clearing inside it would run before the assignment, leaving
    // a settled `false` that every later reload returned (the server stopped following).
    this.reloading = reloading
    void reloading.finally(() => {
      if (this.reloading === reloading) this.reloading = undefined
    })
    return reloading
  }

  private reopen(): Promise<boolean> {
    return (async () => {
      try {
        if (catalogStamp(this.options.archiveDir) === this.snapshot.stamp) return false
        const next = await this.openSnapshot()
        const old = this.snapshot
        this.snapshot = next
        old.retired = true
        this.finishRetired(old)
        this.options.log(
          `The archive changed: now ${(await next.api.indexStatus()).issues} issues.`,
        )
        return true
      } catch (e) {
        // The old snapshot keeps serving; the next change (or request) tries again.
        this.options.log(`The changed archive could not be opened: ${(e as Error).message}`)
        return false
      }
    })()
  }

  private finishRetired(s: Snapshot): void {
    if (!s.retired || s.inFlight !== 0) return
    this.pool?.drop(s.gen)
    // Idempotent: every request that ends on a retired snapshot comes here.
    s.close()
  }

  async close(): Promise<void> {
    this.watcher?.close()
    this.snapshot.retired = true
    this.finishRetired(this.snapshot)
    await this.pool?.terminate()
    await this.options.searchBackend?.close()
  }

  /**
   * Opens the archive (loading, or rebuilding and saving, its index) and has the search workers
   * open the same index file. When the archive changes between the two, both are opened again.
   */
  private async openSnapshot(): Promise<Snapshot> {
    const o = this.options
    for (let attempt = 1; ; attempt++) {
      const stamp = catalogStamp(o.archiveDir)
      const service = ArchiveService.open({
        archiveDir: o.archiveDir,
        ...(o.indexPath ? { indexPath: o.indexPath } : {}),
        log: o.log,
      })
      const key = archiveKey(service.dir, service.catalog)
      const close = (): void => service.close()
      const gen = this.nextGen++
      const pool = this.pool
      const backend = o.searchBackend
      if (backend) {
        const api: ArchiveApi = {
          listIssues: () => service.listIssues(),
          getIssue: (id) => service.getIssue(id),
          getArticle: (id) => service.getArticle(id),
          getPageSource: (id, page) => service.getPageSource(id, page),
          search: (request) => backend.search(request),
          articleMatches: (id, q) => service.articleMatches(id, q),
          suggest: (prefix, limit) => service.suggest(prefix, limit),
          quickOpen: (text, limit) => service.quickOpen(text, limit),
          // Counted with the embedded engine, as quick open is: its answers are the cluster's.
          didYouMean: (request) => service.didYouMean(request),
          indexStatus: async () => ({
            ...(await service.indexStatus()),
            search: await backend.status(key),
          }),
        }
        return { api, gen, key, stamp, inFlight: 0, retired: false, close }
      }
      if (!pool) return { api: service, gen, key, stamp, inFlight: 0, retired: false, close }
      const keys = await pool.open(gen).catch((e: unknown) => {
        pool.drop(gen)
        close()
        throw e
      })
      if (keys.every((k) => k === key)) {
        const api: ArchiveApi = {
          listIssues: () => service.listIssues(),
          getIssue: (id) => service.getIssue(id),
          getArticle: (id) => service.getArticle(id),
          getPageSource: (id, page) => service.getPageSource(id, page),
          search: (request) => pool.search(gen, request),
          articleMatches: (id, q) => service.articleMatches(id, q),
          suggest: (prefix, limit) => service.suggest(prefix, limit),
          quickOpen: (text, limit) => service.quickOpen(text, limit),
          didYouMean: (request) => service.didYouMean(request),
          indexStatus: () => service.indexStatus(),
        }
        return { api, gen, key, stamp, inFlight: 0, retired: false, close }
      }
      pool.drop(gen)
      close()
      if (attempt >= OPEN_ATTEMPTS)
        throw new Error(`the archive kept changing while it was opened (${keys.join(', ')})`)
    }
  }
}
