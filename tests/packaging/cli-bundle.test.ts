// The CLI as `npm run build:cli` bundles it (out/cli, what the package's bin runs with plain
// Node): its shard worker is emitted beside it, where shard-build.ts looks, so `index` builds on
// several threads — one segment per thread — instead of falling back to one.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDEX_FILE } from '../../src/node/index-helpers'
import { closeIndexFiles, loadIndexFile } from '../../src/node/index-store'
import { ROOT, tempArchive } from '../helpers'

let archive: { dir: string; cleanup: () => void }

beforeAll(() => {
  const b = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-cli.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (b.status !== 0) throw new Error(`build:cli failed:\n${b.stdout}\n${b.stderr}`)
  archive = tempArchive()
}, 120_000)

afterAll(() => archive?.cleanup())

describe('the bundled CLI', () => {
  it('ships its shard worker beside it and builds an index on two threads with it', () => {
    expect(readdirSync(join(ROOT, 'out/cli')).sort()).toEqual(
      expect.arrayContaining(['archive-reader.mjs', 'shard-worker.js']),
    )
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/archive-reader.js'),
        '--archive',
        archive.dir,
        '--json',
        'index',
        '--threads',
        '2',
      ],
      { encoding: 'utf8' },
    )
    expect(r.stderr).toMatch(/Rebuilding the search index: no index yet/)
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ index: 'built', written: true })
    const loaded = loadIndexFile(join(archive.dir, INDEX_FILE))
    expect(loaded.index.segments).toHaveLength(2)
    closeIndexFiles(loaded.index)
  })

  it('refuses a thread count that is not a positive integer', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/archive-reader.js'), '--archive', archive.dir, 'index', '--threads', '0'],
      { encoding: 'utf8' },
    )
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/--threads/)
    expect(existsSync(join(archive.dir, INDEX_FILE))).toBe(true)
  })
})
