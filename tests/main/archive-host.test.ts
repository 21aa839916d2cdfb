import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { IndexStatus } from '../../src/shared/types'
import { ArchiveService, NotFoundError } from '../../src/node/archive-service'
import { run } from '../../src/cli/main'
import type { ArchiveApi } from '../../src/shared/contract'
import {
  ArchiveHost,
  archiveSources,
  indexIsCurrent,
  indexPathFor,
} from '../../src/main/archive-host'
import type { ArchiveSource } from '../../src/main/archive-host'
import { tempArchive, tempDir } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})
function setup(): { archive: string; userData: string; source: ArchiveSource } {
  const a = tempArchive()
  const u = tempDir()
  cleanups.push(a.cleanup, u.cleanup)
  const source: ArchiveSource = {
    kind: 'bundled',
    dir: a.dir,
    indexPath: join(u.dir, 'index', 'bundled.bin'),
  }
  return { archive: a.dir, userData: u.dir, source }
}

/** Builds in this thread, as the worker does in the app. */
const buildHere = async (source: ArchiveSource, onProgress: (s: IndexStatus) => void) => {
  ArchiveService.open({ archiveDir: source.dir, indexPath: source.indexPath, onProgress })
}

describe('where the index lives', () => {
  it('beside a writable archive in development, in userData when packaged or read-only', () => {
    const writable = () => true
    const readOnly = () => false
    expect(
      indexPathFor('/repo/seeds', 'bundled', { packaged: false, userDataDir: '/u', writable }),
    ).toBe(join('/repo/seeds', 'index.bin'))
    expect(
      indexPathFor('/repo/seeds', 'bundled', {
        packaged: false,
        userDataDir: '/u',
        writable: readOnly,
      }),
    ).toBe(join('/u', 'index', 'bundled.bin'))
    expect(
      indexPathFor('/opt/app/resources/archive', 'bundled', {
        packaged: true,
        userDataDir: '/u',
        writable,
      }),
    ).toBe(join('/u', 'index', 'bundled.bin'))
  })

  it('lists the bundled archive, then the user library in userData (its index inside it)', () => {
    const s = archiveSources({ bundledDir: '/opt/a/archive', packaged: true, userDataDir: '/u' })
    expect(s).toEqual([
      {
        kind: 'bundled',
        dir: '/opt/a/archive',
        indexPath: join('/u', 'index', 'bundled.bin'),
        shippedIndexPath: join('/opt/a/archive', 'index.bin'),
        overlayPath: join('/u', 'corrections', 'bundled.json'),
        overlayIndexPath: join('/u', 'index', 'bundled-corrected.bin'),
      },
      { kind: 'user', dir: join('/u', 'library'), indexPath: join('/u', 'library', 'index.bin') },
    ])
  })
})

describe('indexIsCurrent', () => {
  it('is false without an index, true after a build, false once the archive changes or the file is junk', () => {
    const { source } = setup()
    expect(indexIsCurrent(source)).toBe(false)
    const host = new ArchiveHost(source)
    return host.ready().then(() => {
      expect(indexIsCurrent(source)).toBe(true)
      const page = join(source.dir, readdirPage(source.dir))
      writeFileSync(page, `${readFileSync(page, 'utf8')}\n补白。`)
      expect(indexIsCurrent(source)).toBe(false)
      writeFileSync(source.indexPath, 'not an index')
      expect(indexIsCurrent(source)).toBe(false)
    })
  })
})

function readdirPage(dir: string): string {
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
    issues: { pages: { source: string }[] }[]
  }
  return catalog.issues[0]!.pages[0]!.source
}

describe('ArchiveHost', () => {
  it('reports building with progress, builds through the builder into userData, then is ready', async () => {
    const { source } = setup()
    const statuses: IndexStatus[] = []
    let built = 0
    const host = new ArchiveHost(source, {
      buildIndex: async (s, onProgress) => {
        built++
        await buildHere(s, onProgress)
      },
      onStatus: (s) => statuses.push(s),
    })
    expect(host.status()).toMatchObject({ state: 'building', progress: 0 })
    const api = await host.ready()
    expect(built).toBe(1)
    expect(existsSync(source.indexPath)).toBe(true)
    expect((await api.listIssues()).length).toBeGreaterThan(0)
    expect(statuses[0]).toMatchObject({ state: 'building' })
    expect(statuses.some((s) => s.state === 'building' && s.progress > 0 && s.progress < 1)).toBe(
      true,
    )
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', progress: 1 })
    expect(host.status().articles).toBeGreaterThan(0)
    expect(await host.ready()).toBe(api)
  })

  it('loads a current index without building it again', async () => {
    const { source } = setup()
    await new ArchiveHost(source).ready()
    let built = 0
    const host = new ArchiveHost(source, {
      buildIndex: async () => {
        built++
      },
    })
    await host.ready()
    expect(built).toBe(0)
    expect(host.status().state).toBe('ready')
  })

  it('uses the index shipped with an installed archive while it is current, without building', async () => {
    const { source } = setup()
    const shippedIndexPath = join(source.dir, 'index.bin')
    await new ArchiveHost({ ...source, indexPath: shippedIndexPath }).ready()
    let built = 0
    const host = new ArchiveHost(
      { ...source, shippedIndexPath },
      {
        buildIndex: async () => {
          built++
        },
      },
    )
    await host.ready()
    expect(built).toBe(0)
    expect(existsSync(source.indexPath)).toBe(false)
    // Once the archive changes, the shipped file is stale and the writable location is used.
    const page = join(source.dir, readdirPage(source.dir))
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n补白。`)
    await new ArchiveHost({ ...source, shippedIndexPath }, { buildIndex: buildHere }).ready()
    expect(existsSync(source.indexPath)).toBe(true)
  })

  it('still opens the archive when the background build fails (builds in place, logged)', async () => {
    const { source } = setup()
    const logs: string[] = []
    const host = new ArchiveHost(source, {
      buildIndex: async () => {
        throw new Error('worker crashed')
      },
      log: (m) => logs.push(m),
    })
    const api = await host.ready()
    expect((await api.indexStatus()).state).toBe('ready')
    expect(logs.join('\n')).toMatch(/worker crashed/)
  })

  it('rejects with a clear error, and says so in its status, when the archive cannot be opened', async () => {
    const { userData } = setup()
    const host = new ArchiveHost({
      kind: 'bundled',
      dir: join(userData, 'nowhere'),
      indexPath: join(userData, 'i.bin'),
    })
    await expect(host.ready()).rejects.toMatchObject({ name: 'ArchiveUnavailableError' })
    expect(host.status().message).toMatch(/could not be opened: .*no catalog here/)
  })
})

describe('ArchiveHost.watch', () => {
  it('switches to the archive a CLI change committed, within 2 s, keeping the old one intact', async () => {
    const { archive } = setup()
    const source: ArchiveSource = {
      kind: 'bundled',
      dir: archive,
      indexPath: join(archive, 'index.bin'),
    }
    const host = new ArchiveHost(source)
    cleanups.push(() => host.unwatch())
    const old = await host.ready()
    const before = (await old.listIssues()).map((i) => i.id)
    const removed = before[0] as string
    const changed = new Promise<ArchiveApi>((resolve) => host.watch(resolve, 100))
    const silent = (): void => {}
    expect(run(['--archive', archive, 'remove', removed], silent, silent)).toBe(0)
    const t0 = Date.now()
    const next = await Promise.race([
      changed,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no switch in 2 s')), 2000),
      ),
    ])
    expect(Date.now() - t0).toBeLessThan(2000)
    expect((await next.listIssues()).map((i) => i.id)).toEqual(
      before.filter((id) => id !== removed),
    )
    await expect(next.getIssue(removed)).rejects.toBeInstanceOf(NotFoundError)
    expect(await host.ready()).toBe(next)
    // A caller still holding the old archive sees the old catalog, whole.
    expect((await old.listIssues()).map((i) => i.id)).toEqual(before)
  }, 30_000)
})
