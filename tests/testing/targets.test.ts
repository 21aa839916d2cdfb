// The e2e suite's targets (tests/e2e/support/targets.ts): which archive, app and reading room the
// environment names, and whether a target holds the seeds' content — the check that decides
// whether the seeds' specs run or skip. An exported copy of the seeds (other folder, other file
// names) counts as the seeds; another archive, locally or behind a server, does not.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bundledArchiveDir } from '../../src/node/paths'
import { startServer } from '../../src/server/server'
import { appTarget, archiveIsNotSeeds, serverIsNotSeeds, targets } from '../e2e/support/targets'
import { FIXTURES, notIndex } from '../helpers'

const tmp = mkdtempSync(join(tmpdir(), 'archive-reader-targets-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The seeds under another folder with every page file renamed, as an export may do. */
function renamedSeedsCopy(): string {
  const dir = join(tmp, 'copy')
  cpSync(bundledArchiveDir(), dir, { recursive: true, filter: notIndex })
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
    issues: { pages: { source: string }[] }[]
  }
  for (const page of catalog.issues.flatMap((i) => i.pages)) {
    cpSync(join(dir, page.source), join(dir, `renamed-${page.source}`))
    page.source = `renamed-${page.source}`
  }
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog, null, 2))
  return dir
}

describe('targets from the environment', () => {
  it('defaults to the seeds, a server per worker and the repo build', () => {
    expect(targets({})).toEqual({
      archiveDir: bundledArchiveDir(),
      archiveFromEnv: false,
      url: undefined,
      app: undefined,
    })
  })

  it('takes an archive folder, a URL and an app', () => {
    const hostile = join(FIXTURES, 'hostile-archive')
    const t = targets({
      ARCHIVE_READER_E2E_ARCHIVE: hostile,
      ARCHIVE_READER_E2E_URL: 'http://127.0.0.1:8765/',
      ARCHIVE_READER_APP: 'dist/linux-unpacked/archive-reader',
    })
    expect(t.archiveDir).toBe(resolve(hostile))
    expect(t.archiveFromEnv).toBe(true)
    expect(t.url).toBe('http://127.0.0.1:8765')
    expect(t.app).toBe(resolve('dist/linux-unpacked/archive-reader'))
  })

  it('refuses a folder that is not an archive and a URL that is not http', () => {
    expect(() => targets({ ARCHIVE_READER_E2E_ARCHIVE: tmp })).toThrow(/no catalog\.json/)
    expect(() => targets({ ARCHIVE_READER_E2E_URL: 'localhost:8765' })).toThrow(/not an http/)
  })

  it('tells an app folder from an executable, and names what is missing', () => {
    expect(appTarget(resolve('.'))).toEqual({ kind: 'folder', path: resolve('.') })
    expect(appTarget(resolve('package.json'))).toEqual({
      kind: 'executable',
      path: resolve('package.json'),
    })
    expect(appTarget(join(tmp, 'nothing'))).toEqual({ problem: expect.stringMatching(/not exist/) })
    expect(appTarget(tmp)).toEqual({ problem: expect.stringMatching(/without package\.json/) })
  })
})

describe('is the target the seeds?', () => {
  it('the seeds and a renamed copy are; another archive is not, saying how it differs', () => {
    expect(archiveIsNotSeeds(bundledArchiveDir())).toBeUndefined()
    expect(archiveIsNotSeeds(renamedSeedsCopy())).toBeUndefined()
    expect(archiveIsNotSeeds(join(FIXTURES, 'hostile-archive'))).toMatch(
      /is not the seeds' content \(\d+ pages, fingerprint [0-9a-f]{12}; 5 seed pages missing/,
    )
  })

  it('asks a running reading room for its issues', async () => {
    const serve = (archiveDir: string, name: string) =>
      startServer({
        archiveDir,
        indexPath: join(tmp, `${name}.bin`),
        port: 0,
        watch: false,
        searchWorkers: 0,
        log: () => {},
      })
    const seeds = await serve(bundledArchiveDir(), 'seeds')
    const hostile = await serve(join(FIXTURES, 'hostile-archive'), 'hostile')
    try {
      expect(await serverIsNotSeeds(seeds.url.replace(/\/$/, ''))).toBeUndefined()
      expect(await serverIsNotSeeds(hostile.url.replace(/\/$/, ''))).toMatch(
        /^the reading room at http:\/\/127\.0\.0\.1:\d+ is not the seeds' content/,
      )
    } finally {
      await Promise.all([seeds.close(), hostile.close()])
    }
  })
})
