// The archive main serves: the bundled archive and the user's library as one CompositeArchive.
// Each folder is opened by its own ArchiveHost (index loaded, or rebuilt in a worker). After an
// import or a remove, the library is opened again: the transaction wrote its index, so this
// loads the file (no rebuild), and the new issues are searchable as soon as `reloadUser` returns.
// No Electron here.
import type { IndexStatus } from '../shared/types'
import type { LoadedOverlay } from '../node/corrections-overlay'
import { CompositeArchive, combineStatus } from '../node/library/composite-archive'
import { libraryExists, recoverLibrary } from '../node/library/user-library'
import { ArchiveHost } from './archive-host'
import type { ArchiveSource, HostOptions } from './archive-host'

export interface LibraryHostOptions extends HostOptions {
  bundled: ArchiveSource
  user: ArchiveSource
}

export class LibraryHost {
  private readonly bundled: ArchiveHost
  private user: ArchiveHost | undefined
  private composite: Promise<CompositeArchive> | undefined
  private userMessage: string | undefined

  constructor(private readonly options: LibraryHostOptions) {
    this.bundled = new ArchiveHost(options.bundled, this.hostOptions())
  }

  private hostOptions(): HostOptions {
    const o: HostOptions = { onStatus: () => this.options.onStatus?.(this.status()) }
    if (this.options.buildIndex) o.buildIndex = this.options.buildIndex
    if (this.options.log) o.log = this.options.log
    return o
  }

  /** Both archives, once open; a library that cannot be opened is left out (with a message). */
  ready(): Promise<CompositeArchive> {
    this.composite ??= (async () => {
      const bundled = await this.bundled.ready()
      const composite = new CompositeArchive([{ kind: 'bundled', api: bundled }])
      await this.openUser(composite)
      // A CLI change to either folder shows in the open app without a restart.
      this.bundled.watch((api) => {
        composite.setPart('bundled', api)
        this.options.onStatus?.(this.status())
      })
      return composite
    })()
    // The bundled archive failing is fatal for this attempt, not for the next call.
    const attempt = this.composite
    attempt.catch(() => {
      if (this.composite === attempt) this.composite = undefined
    })
    return attempt
  }

  /**
   * Opens the bundled archive again (its overlay of the user's corrections changed), replacing
   * what the composite held of it once the new one is open.
   */
  async reloadBundled(): Promise<void> {
    const composite = await this.ready()
    composite.setPart('bundled', await this.bundled.reopen())
    this.options.onStatus?.(this.status())
  }

  /** The user's corrections of the bundled archive (undefined: it has no overlay file). */
  bundledOverlay(): LoadedOverlay | undefined {
    return this.bundled.overlay()
  }

  /** Which archive answers for the issue (undefined: neither has it). */
  async ownerOf(issueId: string): Promise<'bundled' | 'user' | undefined> {
    return (await this.ready()).ownerOf(issueId)
  }

  /** Opens the library (again), replacing what the composite held of it. */
  async reloadUser(): Promise<void> {
    await this.openUser(await this.ready())
    this.options.onStatus?.(this.status())
  }

  private async openUser(composite: CompositeArchive): Promise<void> {
    const { user } = this.options
    const log = this.options.log ?? (() => {})
    try {
      const recovery = recoverLibrary(user.dir)
      for (const action of recovery?.actions ?? []) log(`Library: ${action}`)
    } catch (e) {
      log(`The library's interrupted change could not be recovered: ${(e as Error).message}`)
    }
    if (!libraryExists(user.dir)) {
      this.user?.unwatch()
      this.user = undefined
      composite.setPart('user', undefined)
      return
    }
    const host = new ArchiveHost(user, this.hostOptions())
    try {
      const api = await host.ready()
      this.user?.unwatch()
      this.user = host
      host.watch((next) => {
        composite.setPart('user', next)
        this.options.onStatus?.(this.status())
      })
      this.userMessage = undefined
      composite.setPart('user', api)
    } catch (e) {
      // The bundled archive still works; the message says why the library is missing.
      this.user?.unwatch()
      this.user = undefined
      this.userMessage = `Your library could not be opened: ${(e as Error).message}`
      composite.setPart('user', undefined)
      log(this.userMessage)
    }
  }

  /** The index status now, without waiting. */
  status(): IndexStatus {
    const statuses = [this.bundled.status()]
    if (this.user) statuses.push(this.user.status())
    const status = combineStatus(statuses)
    if (this.userMessage)
      status.message = status.message ? `${status.message} ${this.userMessage}` : this.userMessage
    return status
  }

  /** Ids of the issues the library holds and answers for (not those the bundled archive shadows). */
  async userIssueIds(): Promise<string[]> {
    const composite = await this.ready()
    const library = composite.part('user')
    if (!library) return []
    const shadowed = new Set(await composite.shadowedIds())
    return (await library.listIssues()).map((i) => i.id).filter((id) => !shadowed.has(id))
  }

  /** Whether the bundled archive holds the issue (it cannot be removed). */
  async isBundledIssue(issueId: string): Promise<boolean> {
    return (await (await this.ready()).ownerOf(issueId)) === 'bundled'
  }
}
