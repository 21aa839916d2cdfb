// Writes an archive folder from the corpus in the project's own format: one issue with one page
// per source file, a page .txt each, and a catalog.json that the real catalog parser accepts
// (papers = collection folders, synthetic but valid dates, sha256 per page). The folder is kept
// in bench/.cache between runs; a manifest says what it was made from.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCatalog, serializeCatalog } from '../../src/shared/archive/catalog'
import type { Catalog, CatalogIssue, CatalogPaper } from '../../src/shared/types'
import type { Corpus, CorpusFile } from './corpus'
import { pageText, parsePoetryFile } from './poetry-text'

/** Bump when the page text or catalog written here changes, so cached folders are redone. */
const GENERATOR_VERSION = 5

export interface ManifestFile {
  rel: string
  bytes: number
  issueId: string
  /** Entries (poems …) written to the page; for .txt input, 0 (unknown). */
  entries: number
  textBytes: number
}

export interface Manifest {
  generator: number
  corpus: string
  files: ManifestFile[]
  sourceBytes: number
  textBytes: number
  entries: number
  /** Source files without a page: no text in them (e.g. `[]`), or a .txt that is not UTF-8. */
  skipped: { rel: string; reason: string }[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function paperSlug(folder: string, taken: Map<string, string>): string {
  let slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
  if (!slug || /^-/.test(slug)) slug = 'paper'
  let s = slug
  for (let i = 2; taken.has(s) && taken.get(s) !== folder; i++) s = `${slug}-${i}`
  taken.set(s, folder)
  return s
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(1900, 0, 1 + offset)).toISOString().slice(0, 10)
}

function folderOf(rel: string): string {
  const i = rel.lastIndexOf('/')
  return i < 0 ? '(top)' : rel.slice(0, i)
}

function pageFor(file: CorpusFile): { text: string; entries: number } | string {
  const bytes = readFileSync(file.path)
  if (file.kind === 'json') {
    const entries = parsePoetryFile(utf8.decode(bytes))
    // The archive refuses an empty page file, rightly: a JSON file without text makes no page.
    if (entries.length === 0) return 'no text'
    // 36 characters of songci/ are U+FFFD in the package itself; the archive rightly refuses
    // such a page as damaged. □ is how Chinese editions mark an illegible character.
    return { text: pageText(entries).replaceAll('\ufffd', '□'), entries: entries.length }
  }
  try {
    const text = utf8.decode(bytes)
    return text.trim() ? { text, entries: 0 } : 'empty'
  } catch {
    return 'not UTF-8'
  }
}

/** Returns the manifest of an up-to-date archive folder for `corpus`, writing it if needed. */
export function ensureArchive(dir: string, corpus: Corpus, log: (m: string) => void): Manifest {
  const manifestPath = join(dir, 'bench-manifest.json')
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
    const skipped = new Set(m.skipped.map((x) => x.rel))
    const have = m.files.map((f) => `${f.rel}:${f.bytes}`).join('\n')
    const wanted = corpus.files
      .filter((f) => !skipped.has(f.rel))
      .map((f) => `${f.rel}:${f.bytes}`)
      .join('\n')
    const sameSkipped = m.skipped.every((x) => corpus.files.some((f) => f.rel === x.rel))
    if (
      m.generator === GENERATOR_VERSION &&
      m.corpus === corpus.name &&
      have === wanted &&
      sameSkipped
    )
      return m
  }
  log(`writing the archive folder ${dir} (${corpus.files.length} source files) …`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })

  const slugs = new Map<string, string>()
  const papers = new Map<string, CatalogPaper>()
  const perPaper = new Map<string, number>()
  const issues: CatalogIssue[] = []
  const files: ManifestFile[] = []
  const skipped: Manifest['skipped'] = []
  let entries = 0
  let textBytes = 0
  for (const file of corpus.files) {
    const page = pageFor(file)
    if (typeof page === 'string') {
      skipped.push({ rel: file.rel, reason: page })
      continue
    }
    const folder = folderOf(file.rel)
    const slug = paperSlug(folder, slugs)
    if (!papers.has(slug)) papers.set(slug, { slug, name: folder })
    const n = perPaper.get(slug) ?? 0
    perPaper.set(slug, n + 1)
    const id = `${slug}-${String(n + 1).padStart(4, '0')}`
    const source = `${id}.txt`
    const bytes = Buffer.from(page.text, 'utf8')
    writeFileSync(join(dir, source), bytes)
    issues.push({
      id,
      paper: slug,
      date: isoDay(n),
      dateSource: 'inferred',
      dateNote: `synthetic date; source ${file.rel}`,
      pages: [
        {
          number: 1,
          source,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          encoding: 'utf-8',
        },
      ],
    })
    files.push({
      rel: file.rel,
      bytes: file.bytes,
      issueId: id,
      entries: page.entries,
      textBytes: bytes.length,
    })
    entries += page.entries
    textBytes += bytes.length
  }
  const catalog: Catalog = {
    format: 'archive-reader/catalog',
    version: 1,
    title: `Bench archive: ${corpus.name}`,
    papers: [...papers.values()],
    issues,
  }
  const json = serializeCatalog(catalog)
  parseCatalog(json) // the project's own validation: a bad catalog fails here, not in the bench
  writeFileSync(join(dir, 'catalog.json'), json)
  const manifest: Manifest = {
    generator: GENERATOR_VERSION,
    corpus: corpus.name,
    files,
    sourceBytes: files.reduce((s, f) => s + f.bytes, 0),
    textBytes,
    entries,
    skipped,
  }
  writeFileSync(manifestPath, JSON.stringify(manifest))
  return manifest
}
