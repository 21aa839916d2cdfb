// Shared test helpers: the seed archive, temporary copies of it, fixture paths.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SEEDS = join(ROOT, 'seeds')
export const FIXTURES = join(ROOT, 'tests', 'fixtures')

export function seedText(name: string): string {
  return readFileSync(join(SEEDS, name), 'utf8')
}

export const SEED_FILES = {
  jiangbei1: '000_fc561b8f310ec55b.txt',
  jiangbei2: '001_496bd8901b2cf08b.txt',
  beibei: '002_df9d847a2fa7b697.txt',
  yuzhong: '003_46eb04ff605228dd.txt',
  xinyu: '004_3bd1574cd96f990f.txt',
} as const

/**
 * For cpSync's filter: everything but an archive's index (index.bin, its segments folder and its
 * field index), so that a copy never holds segments no manifest names.
 */
export const notIndex = (src: string): boolean => !/index\.bin(\.segments|\.fields)?$/.test(src)

/** A writable copy of the seed archive (without its index), removed by the returned function. */
export function tempArchive(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'archive-test-'))
  cpSync(SEEDS, dir, {
    recursive: true,
    filter: notIndex,
  })
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'archive-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
