// LibraryHost: the bundled archive and the user's library opened as one archive; the library
// reopened after a change, left out (with a message) when it cannot be opened, and recovered
// when a change to it was interrupted.
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { IndexStatus } from '../../src/shared/types'
import { ArchiveService } from '../../src/node/archive-service'
import { JOURNAL_FILE } from '../../src/node/write/journal'
import { commitLibraryImport, planLibraryImport } from '../../src/node/library/import-job'
import { archiveSources } from '../../src/main/archive-host'
import type { ArchiveSource } from '../../src/main/archive-host'
import { LibraryHost } from '../../src/main/library-host'
import { FIXTURES, SEEDS, tempDir } from '../helpers'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

const buildHere = async (source: ArchiveSource, onProgress: (s: IndexStatus) => void) => {
  ArchiveService.open({ archiveDir: source.dir, indexPath: source.indexPath, onProgress })
}

function setup() {
  const t = tempDir()
  cleanups.push(t.cleanup)
  const userData = join(t.dir, 'userData')
  mkdirSync(userData)
  const [bundled, user] = archiveSources({
    bundledDir: SEEDS,
    packaged: true,
    userDataDir: userData,
  })
  const statuses: IndexStatus[] = []
  const logs: string[] = []
  const host = new LibraryHost({
    bundled: bundled!,
    user: user!,
    buildIndex: buildHere,
    onStatus: (s) => statuses.push(s),
    log: (m) => logs.push(m),
  })
  const importBatch = () => {
    const batch = join(t.dir, 'batch')
    cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
    const planned = planLibraryImport({
      libraryDir: user!.dir,
      other: { label: 'the bundled archive', dir: SEEDS, indexPaths: [bundled!.indexPath] },
      inputs: [batch],
      overrides: [],
      today: '2026-11-21',
    })
    commitLibraryImport(planned)
  }
  return { host, user: user!, statuses, logs, importBatch }
}

describe('LibraryHost', () => {
  it('serves the bundled archive alone until something is imported, then both', async () => {
    const { host, importBatch } = setup()
    const c = await host.ready()
    expect(c.kinds()).toEqual(['bundled'])
    expect(await host.userIssueIds()).toEqual([])
    expect(host.status()).toMatchObject({ state: 'ready', issues: 4 })
    importBatch()
    await host.reloadUser()
    expect((await host.ready()).kinds()).toEqual(['bundled', 'user'])
    expect((await host.userIssueIds()).sort()).toEqual([
      'beibei-2024-05-07',
      'jiangbei-2024-05-06',
      'shapingba-2024-05-09',
      'yuzhong-2024-05-08',
    ])
    expect(host.status()).toMatchObject({ state: 'ready', issues: 8 })
    expect(await host.isBundledIssue('jiangbei-2023-07-13')).toBe(true)
    expect(await host.isBundledIssue('jiangbei-2024-05-06')).toBe(false)
    expect((await c.search({ q: '沙坪坝' })).total).toBeGreaterThan(0)
  })

  it('opens the bundled archive when the library is damaged, and says why', async () => {
    const { host, user, logs } = setup()
    mkdirSync(user.dir, { recursive: true })
    writeFileSync(join(user.dir, 'catalog.json'), '{ not json')
    const c = await host.ready()
    expect(c.kinds()).toEqual(['bundled'])
    expect(host.status().message).toMatch(/Your library could not be opened/)
    expect(logs.join('\n')).toMatch(/library could not be opened/)
  })

  it('finishes or undoes an interrupted change before opening the library', async () => {
    const { host, user, importBatch, logs } = setup()
    importBatch()
    // A killed import leaves its journal and a page it had copied in.
    writeFileSync(join(user.dir, 'stray-p1.txt'), 'x')
    writeFileSync(
      join(user.dir, JOURNAL_FILE),
      JSON.stringify({
        txn: 't1',
        op: 'import',
        pid: 999999,
        started: new Date().toISOString(),
        catalogAfter: '0'.repeat(64),
        create: [{ name: 'stray-p1.txt', sha256: createHash('sha256').update('x').digest('hex') }],
        delete: [],
        log: {},
      }),
    )
    const c = await host.ready()
    expect(c.kinds()).toEqual(['bundled', 'user'])
    expect(logs.join('\n')).toMatch(/Library: deleted stray-p1\.txt/)
  })
})
