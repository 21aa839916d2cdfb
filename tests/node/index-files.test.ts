// A loaded index keeps its segment files open (their postings are read a page at a time,
// paged-bytes.ts); they are closed when the index is replaced, so that no descriptor outlives
// its index across remove and merge cycles, and a refused index keeps none open.
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ArchiveService } from '../../src/node/archive-service'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { closeIndexFiles, loadIndexFile, openSegmentFiles } from '../../src/node/index-store'
import { removeIssue } from '../../src/node/remove-issue'
import { LiveArchive } from '../../src/server/live-archive'
import { ArchiveService as Service } from '../../src/node/archive-service'
import { tempArchive } from '../helpers'

const archive = tempArchive()
afterAll(() => archive.cleanup())

/** Descriptors this process has open (Linux), or undefined elsewhere. */
function fds(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length
  } catch {
    return undefined
  }
}

describe('segment files of a loaded index', () => {
  it('stay open while the index is used and close with it', () => {
    Service.open({ archiveDir: archive.dir }).close()
    expect(openSegmentFiles()).toBe(0)
    const before = fds()
    const loaded = loadIndexFile(join(archive.dir, INDEX_FILE))
    const n = loaded.index.segments.length
    expect(n).toBeGreaterThan(0)
    expect(openSegmentFiles()).toBe(n)
    if (before !== undefined) expect(fds()).toBe(before + n)
    closeIndexFiles(loaded.index)
    closeIndexFiles(loaded.index)
    expect(openSegmentFiles()).toBe(0)
    if (before !== undefined) expect(fds()).toBe(before)
  })

  it('are closed when the index is refused', () => {
    const manifest = join(archive.dir, INDEX_FILE)
    const dir = join(archive.dir, `${INDEX_FILE}.segments`)
    const loaded = loadIndexFile(manifest)
    const file = loaded.index.segments.at(-1)!.file!
    closeIndexFiles(loaded.index)
    writeFileSync(join(dir, file), 'not a segment')
    const before = fds()
    expect(() => loadIndexFile(manifest)).toThrow()
    expect(openSegmentFiles()).toBe(0)
    if (before !== undefined) expect(fds()).toBe(before)
    // Rebuilt for the next test.
    Service.open({ archiveDir: archive.dir }).close()
  })

  it('do not accumulate over remove (and merge) cycles of a live archive', async () => {
    const live = await LiveArchive.open({
      archiveDir: archive.dir,
      searchWorkers: 0,
      watch: false,
      log: () => {},
    })
    const segments = () => live.use(async (api) => (api as ArchiveService).index.segments.length)
    const ids = (await live.use((api) => api.listIssues())).map((i) => i.id)
    for (const id of ids.slice(0, -1)) {
      removeIssue({ archiveDir: archive.dir, issueId: id })
      expect(await live.reload()).toBe(true)
      await live.use(async (api) => api.search({ q: '发展', limit: 5 }))
      expect(openSegmentFiles()).toBe(await segments())
    }
    await live.close()
    expect(openSegmentFiles()).toBe(0)
  })
})
