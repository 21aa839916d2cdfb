// The benchmark corpus: the chinese-poetry npm package (fetched once with `npm pack`, cached in
// bench/.cache) or any folder of .txt files. Source files are listed here and turned into page
// text for the archive; their byte size is the "text size" every ratio is measured against.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { makeRng } from '../../tests/support/rng'
import { shuffled } from './rng'

export const POETRY_PACKAGE = 'chinese-poetry@2.0.1'
const POETRY_TARBALL = 'chinese-poetry-2.0.1.tgz'
/**
 * Folders of the package without literary text: `strains/` holds only tone patterns (平仄) of
 * the poems, `rank/` search-engine hit counts. Everything else (poems, lyrics, classics, author
 * biographies, the errata copies) is indexed.
 */
const POETRY_EXCLUDED = ['strains', 'rank']

export interface CorpusFile {
  /** Absolute path. */
  path: string
  /** Path relative to the corpus root, with '/'. */
  rel: string
  bytes: number
  kind: 'json' | 'txt'
}

export interface Corpus {
  name: string
  root: string
  files: CorpusFile[]
  /** Files in the full corpus before `--scale` picked a subset. */
  totalFiles: number
  excluded: string[]
}

function walk(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...walk(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

/** Fetches and unpacks the chinese-poetry package once; returns its `dist` folder. */
export function ensurePoetry(cacheDir: string, log: (m: string) => void): string {
  const unpacked = join(cacheDir, 'chinese-poetry-2.0.1')
  const done = join(unpacked, '.unpacked')
  if (existsSync(done)) return join(unpacked, 'package', 'dist')
  mkdirSync(cacheDir, { recursive: true })
  const tarball = join(cacheDir, POETRY_TARBALL)
  if (!existsSync(tarball)) {
    log(`fetching ${POETRY_PACKAGE} with npm pack (about 85 MB) …`)
    execFileSync('npm', ['pack', POETRY_PACKAGE, '--pack-destination', cacheDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  }
  log(`unpacking ${POETRY_TARBALL} …`)
  mkdirSync(unpacked, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked], { stdio: 'inherit' })
  writeFileSync(done, new Date().toISOString())
  return join(unpacked, 'package', 'dist')
}

/** Lists the corpus and, for `scale` < 1, a repeatable random subset of its files. */
export function listCorpus(
  root: string,
  kind: 'json' | 'txt',
  name: string,
  scale: number,
  seed: number,
): Corpus {
  const excluded = kind === 'json' ? POETRY_EXCLUDED : []
  const all = walk(root)
    .map((path) => ({ path, rel: relative(root, path).split(sep).join('/') }))
    .filter((f) => f.rel.endsWith(`.${kind}`))
    .filter((f) => !excluded.some((x) => f.rel.startsWith(`${x}/`)))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
  // Scale is by text, not by file count: the package's files range from a few KB to MBs, so
  // 1/8 of the files was 9.2% of the text. Files are taken in a seeded random order until their
  // bytes reach the fraction of the whole.
  const sized = all.map((f) => ({ ...f, bytes: statSync(f.path).size, kind }))
  const wanted = sized.reduce((s, f) => s + f.bytes, 0) * Math.min(1, scale)
  const picked = new Set<string>()
  let taken = 0
  for (const f of shuffled(makeRng(seed), sized)) {
    if (taken >= wanted && picked.size > 0) break
    picked.add(f.rel)
    taken += f.bytes
  }
  const files = sized.filter((f) => picked.has(f.rel))
  return {
    name,
    root,
    files,
    totalFiles: all.length,
    excluded: excluded.map((x) => `${x}/`),
  }
}
