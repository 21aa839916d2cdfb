// A user's library beside the bundled archive, as the in-app import's tests need it: a temporary
// user-data folder, the bundled seeds opened with their index outside the seeds folder, a
// folder of picked files, and the mixed fixture batch (UTF-8, GB18030, Big5; manifest and
// sidecar). Each world is removed when its test finishes.
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, onTestFinished } from 'vitest'
import { ArchiveService } from '../../src/node/archive-service'
import { CompositeArchive } from '../../src/node/library/composite-archive'
import { commitLibraryImport, planLibraryImport } from '../../src/node/library/import-job'
import type { LibraryPlanJob } from '../../src/node/library/import-job'
import { FIXTURES, SEEDS, tempDir } from '../helpers'

export const TODAY = '2026-11-21'

export interface World {
  userData: string
  libraryDir: string
  work: string
  bundled: ArchiveService
  bundledIndex: string
  job: (inputs: string[], overrides?: LibraryPlanJob['overrides']) => LibraryPlanJob
}

export function world(): World {
  const t = tempDir()
  onTestFinished(t.cleanup)
  const bundledIndex = join(t.dir, 'index', 'bundled.bin')
  mkdirSync(join(t.dir, 'index'))
  const bundled = ArchiveService.open({ archiveDir: SEEDS, indexPath: bundledIndex })
  const libraryDir = join(t.dir, 'userData', 'library')
  const work = join(t.dir, 'picked')
  mkdirSync(work)
  return {
    userData: join(t.dir, 'userData'),
    libraryDir,
    work,
    bundled,
    bundledIndex,
    job: (inputs, overrides = []) => ({
      libraryDir,
      other: { label: 'the bundled archive', dir: SEEDS, indexPaths: [bundledIndex] },
      inputs,
      overrides,
      today: TODAY,
    }),
  }
}

/** The mixed fixture batch, copied to `work`. */
export function mixedBatch(w: World): string {
  const batch = join(w.work, 'batch')
  cpSync(join(FIXTURES, 'import', 'mixed'), batch, { recursive: true })
  return batch
}

/** The mixed batch imported into the library, and both archives shown as one. */
export function importMixed(w: World): CompositeArchive {
  const planned = planLibraryImport(w.job([mixedBatch(w)]))
  expect(planned.report.ok).toBe(true)
  commitLibraryImport(planned)
  const user = ArchiveService.open({ archiveDir: w.libraryDir })
  expect(user.openResult.index).toBe('loaded')
  return new CompositeArchive([
    { kind: 'bundled', api: w.bundled },
    { kind: 'user', api: user },
  ])
}

/** A bundled page's text. */
export function pageOf(name: string): string {
  return readFileSync(join(SEEDS, name), 'utf8')
}
