// The archive behind the main process: which folder it is, where its index lives, and opening it
// without freezing the window. A current index is loaded in place; a missing or stale one is
// rebuilt off the main thread (by `buildIndex`, a worker in the app) with progress, and handlers
// wait for it. An archive the app cannot change (the bundled one) is opened with the user's
// overlay of corrections over it (node/corrections-overlay.ts), its corrected index kept in the
// profile. No Electron here: index.ts passes the paths in.
import { UserFacingError } from '../shared/errors'
import { constants, accessSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ArchiveApi } from '../shared/contract'
import { sortCatalog } from '../shared/archive/catalog'
import { indexFileKey } from '../node/index-store'
import type { IndexStatus } from '../shared/types'
import { readCatalog } from '../node/archive-dir'
import { ArchiveService } from '../node/archive-service'
import { correctedKey } from '../node/archive-open'
import { loadOverlay } from '../node/corrections-overlay'
import type { LoadedOverlay, Overlay } from '../node/corrections-overlay'
import { INDEX_FILE } from '../node/index-helpers'
import { userLibraryDir } from '../node/library/user-library'
import { watchCatalog } from '../node/catalog-watch'
import type { CatalogWatch } from '../node/catalog-watch'

/** One archive folder and the file its index is kept in. */
export interface ArchiveSource {
  /** 'bundled' = the archive shipped with the app (read-only); 'user' = the library in userData. */
  kind: 'bundled' | 'user'
  dir: string
  /** Where the index is read and, when rebuilt, written. */
  indexPath: string
  /** An index shipped read-only beside an installed archive: used instead while it is current. */
  shippedIndexPath?: string
  /**
   * The user's corrections of this archive, which the app never changes: an overlay file in the
   * profile. With entries in it, the index is built with them and kept at `overlayIndexPath`
   * (never beside the archive, where the CLI's own index lives).
   */
  overlayPath?: string
  overlayIndexPath?: string
}

/** What the index builder is given: the source, and the overlay to build with. */
export interface IndexJob extends ArchiveSource {
  overlay?: Overlay
}

export interface SourceOptions {
  /** The bundled archive: resources/archive when packaged, the repo's seeds/ in development. */
  bundledDir: string
  packaged: boolean
  userDataDir: string
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Where an archive's index is kept: beside the archive in development (the same file the CLI
 * writes), but in userData for an installed app, whose resources are read-only (AppImage,
 * Program Files) or replaced on update.
 */
export function indexPathFor(
  archiveDir: string,
  name: string,
  opts: { packaged: boolean; userDataDir: string; writable?: (dir: string) => boolean },
): string {
  const writable = opts.writable ?? isWritable
  if (!opts.packaged && writable(archiveDir)) return join(archiveDir, INDEX_FILE)
  return join(opts.userDataDir, 'index', `${name}.bin`)
}

/**
 * The archives the app reads, in order: the bundled one, then the user's library (which exists
 * once something was imported; its index lives inside it, where the import writes it).
 */
export function archiveSources(opts: SourceOptions): ArchiveSource[] {
  const indexPath = indexPathFor(opts.bundledDir, 'bundled', opts)
  const shipped = join(opts.bundledDir, INDEX_FILE)
  const library = userLibraryDir(opts.userDataDir)
  return [
    {
      kind: 'bundled',
      dir: opts.bundledDir,
      indexPath,
      ...(shipped !== indexPath ? { shippedIndexPath: shipped } : {}),
      overlayPath: join(opts.userDataDir, 'corrections', 'bundled.json'),
      overlayIndexPath: join(opts.userDataDir, 'index', 'bundled-corrected.bin'),
    },
    { kind: 'user', dir: library, indexPath: join(library, INDEX_FILE) },
  ]
}

/**
 * Whether the index file was built from this archive as it is now, reading only its header (the
 * cheap check `ArchiveService.open` makes before trusting a file). A damaged body is still caught
 * by `open`, which then rebuilds in place.
 */
export function indexIsCurrent(source: IndexJob): boolean {
  try {
    return (
      indexFileKey(source.indexPath) ===
      correctedKey(source.dir, sortCatalog(readCatalog(source.dir)), source.overlay)
    )
  } catch {
    return false
  }
}

/** Builds (and writes) the index of `source` somewhere that does not block the main thread. */
export type IndexBuilder = (
  source: IndexJob,
  onProgress: (status: IndexStatus) => void,
) => Promise<void>

export class ArchiveUnavailableError extends UserFacingError {
  override name = 'ArchiveUnavailableError'
  readonly errorCode = 'unavailable'
}

export interface HostOptions {
  buildIndex?: IndexBuilder
  onStatus?: (status: IndexStatus) => void
  log?: (message: string) => void
}

export class ArchiveHost {
  private opening: Promise<ArchiveService> | undefined
  private current: IndexStatus = { state: 'building', progress: 0, articles: 0, issues: 0 }
  private watcher: CatalogWatch | undefined
  private loadedOverlay: LoadedOverlay | undefined

  constructor(
    readonly source: ArchiveSource,
    private readonly options: HostOptions = {},
  ) {}

  /** The index status now, without waiting. */
  status(): IndexStatus {
    return this.current
  }

  /** The open archive; starts opening it on the first call. */
  ready(): Promise<ArchiveApi> {
    this.opening ??= this.open()
    return this.opening
  }

  /**
   * The user's overlay as the archive was (or is being) opened with it; undefined for an
   * archive without one (the library, whose corrections go into the archive itself).
   */
  overlay(): LoadedOverlay | undefined {
    if (!this.source.overlayPath) return undefined
    if (!this.loadedOverlay) {
      this.loadedOverlay = loadOverlay(this.source.overlayPath)
      if (this.loadedOverlay.problem) this.options.log?.(this.loadedOverlay.problem)
    }
    return this.loadedOverlay
  }

  /** Opens the archive again with the overlay as its file now stands (after an edit). */
  async reopen(): Promise<ArchiveApi> {
    this.loadedOverlay = undefined
    const next = await this.open()
    this.opening = Promise.resolve(next)
    return next
  }

  /**
   * Follows changes another process (the CLI) commits to the folder: the catalog is the commit
   * point, so a new catalog is opened as a whole (its index loaded, or rebuilt off this thread)
   * and then replaces the old archive in one step; calls that already hold the old one finish
   * on it. `onChange` receives the new archive. Opening failures keep the old one.
   */
  watch(onChange: (api: ArchiveApi) => void, pollMs?: number): void {
    this.watcher?.close()
    this.watcher = watchCatalog(
      this.source.dir,
      async () => {
        try {
          const next = await this.open()
          this.opening = Promise.resolve(next)
          onChange(next)
        } catch {
          // open() logged why; the archive opened before stays in use.
        }
      },
      pollMs ? { pollMs } : {},
    )
  }

  unwatch(): void {
    this.watcher?.close()
    this.watcher = undefined
  }

  private setStatus(status: IndexStatus): void {
    this.current = status
    this.options.onStatus?.(status)
  }

  private async open(): Promise<ArchiveService> {
    const log = this.options.log ?? (() => {})
    let source: IndexJob = this.source
    try {
      const overlay = this.overlay()?.overlay
      // Corrected by the user: its own index in the profile (a shipped one has no overlay).
      if (overlay?.entries.length && source.overlayIndexPath)
        source = { kind: source.kind, dir: source.dir, indexPath: source.overlayIndexPath, overlay }
      // The installer's index (built at packaging time) saves the first launch a rebuild.
      let current = indexIsCurrent(source)
      if (!current && source.shippedIndexPath) {
        const shipped = { ...source, indexPath: source.shippedIndexPath }
        current = indexIsCurrent(shipped)
        if (current) source = shipped
      }
      if (!current && this.options.buildIndex) {
        mkdirSync(dirname(source.indexPath), { recursive: true })
        try {
          // The builder's own "ready" is not ours: this thread has yet to load what it wrote.
          await this.options.buildIndex(source, (s) => {
            if (s.state === 'building') this.setStatus(s)
          })
        } catch (e) {
          // Opening below rebuilds in this thread; slower, but the archive still opens.
          log(`The background index build failed (${(e as Error).message}); building here.`)
        }
      }
      mkdirSync(dirname(source.indexPath), { recursive: true })
      const service = ArchiveService.open({
        archiveDir: source.dir,
        indexPath: source.indexPath,
        log,
        onProgress: (s) => this.setStatus(s),
        ...(source.overlay ? { overlay: source.overlay } : {}),
      })
      this.setStatus(await service.indexStatus())
      return service
    } catch (e) {
      const message = `The archive could not be opened: ${(e as Error).message}`
      log(message)
      this.setStatus({ ...this.current, message })
      throw new ArchiveUnavailableError(message)
    }
  }
}
