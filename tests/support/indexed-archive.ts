// A writable, indexed copy of the seed archive beside an empty work folder, for the tests that
// change an archive (import, remove, export).
import { afterEach } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { tempArchive, tempDir } from '../helpers'

/**
 * Call at a test file's top level (it registers an afterEach). The returned `setup` gives a copy
 * of the seed archive with its index built and an empty folder for batches; both are removed
 * after the test that asked for them.
 */
export function indexedArchiveSetup(): () => { dir: string; work: string } {
  let cleanups: (() => void)[] = []
  afterEach(() => {
    for (const c of cleanups) c()
    cleanups = []
  })
  return () => {
    const a = tempArchive()
    const w = tempDir()
    cleanups.push(a.cleanup, w.cleanup)
    ArchiveService.open({ archiveDir: a.dir })
    return { dir: a.dir, work: w.dir }
  }
}
