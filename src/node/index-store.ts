// Reading and writing the index: index.bin is a small manifest (index-manifest.ts) naming the
// segment files kept in `index.bin.segments/` beside it. A segment file is written once, under
// a name taken from its content, and never changed; a change writes only its new segments and
// then the manifest (the commit point). Opening a segment reads its small sections (columns,
// dictionary) into separate buffers; its postings and text are read a page at a time as queries
// and views need them (paged-bytes.ts, paged-text.ts): a loaded segment keeps its file open for
// that until its index is closed (closeIndexFiles).
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, mkdirSync, readdirSync, readSync, rmdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { IndexFileError, readSegment } from '../shared/search/index-file'
import { serializeSegment } from '../shared/search/segment-write'
import type { ByteReader, SegmentIo } from '../shared/search/index-file'
import { PageCache } from '../shared/search/paged-bytes'
import { TextPageCache } from '../shared/search/paged-text'
import { readManifest, SEGMENT_FILE, serializeManifest } from '../shared/search/index-manifest'
import type { IndexManifest } from '../shared/search/index-manifest'
import { composeIndex } from '../shared/search/compose-index'
import type { SearchIndex } from '../shared/search/compose-index'
import { segmentDocCount } from '../shared/search/segment'
import type { IndexSegment } from '../shared/search/segment'
import { mergeByPolicy } from '../shared/search/merge'
import { syncDir, writeFileAtomic } from './atomic'
import { crashPoint } from './crash-point'
import { entryKind, openRegularFile, readRegularFile, removeInside, safeJoin } from './safe-path'

export const checksum = (b: Uint8Array): number => crc32(b)

/**
 * How segment files are checked and their pages deflated (page-store.ts). Level 4: within 0.5% of
 * level 6's size on the bench corpus (139.4 vs 138.8 MiB) in 80% of its time (3.6 vs 4.4 s).
 */
export const segmentIo: SegmentIo = {
  checksum,
  codec: {
    deflate: (b) => deflateRawSync(b, { level: 4 }),
    inflate: (b) => inflateRawSync(b),
  },
}

export interface LoadedIndex {
  index: SearchIndex
  sourceKey: string
}

/** The folder of an index file's segments: beside it, named after it. */
export function segmentDirName(indexPath: string): string {
  return `${basename(indexPath)}.segments`
}

/** Positioned reads of an open file (no shared file position: segments are read in any order). */
function fdReader(fd: number): ByteReader {
  return (offset, length) => {
    const buf = Buffer.allocUnsafeSlow(length)
    let got = 0
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, offset + got)
      if (n === 0) break
      got += n
    }
    return got === length ? buf : buf.subarray(0, got)
  }
}

function withReader<T>(path: string, fn: (size: number, read: ByteReader) => T): T {
  // An archive's index is data too: never read through a link, never a device or a pipe.
  const fd = openRegularFile(path)
  try {
    return fn(fstatSync(fd).size, fdReader(fd))
  } finally {
    closeSync(fd)
  }
}

/** Segment files this process holds open for their postings (a test counts them). */
let openSegments = 0
export function openSegmentFiles(): number {
  return openSegments
}

/**
 * The safety net for an index dropped without closeIndexFiles (a writer's base index, a test's):
 * its segments' files are closed once their postings are garbage. Explicit closing is still the
 * rule where indexes are replaced: a collection may come much later than the next open.
 */
const unreachable = new FinalizationRegistry<number>((fd) => {
  openSegments--
  try {
    closeSync(fd)
  } catch {
    // Already gone with its process' teardown: nothing to free.
  }
})

/**
 * Reads segment `name` at `file` with its postings left in the file: the file stays open until
 * the segment's `ngram.lists.close()` (or, failing that, its collection).
 */
function openSegment(
  file: string,
  name: string,
  bytes: number,
  caches: { cache: PageCache; textCache: TextPageCache },
): IndexSegment {
  // An archive's index is data too: never read through a link, never a device or a pipe.
  const fd = openRegularFile(file)
  let seg: IndexSegment | undefined
  try {
    const size = fstatSync(fd).size
    if (size !== bytes)
      throw new IndexFileError(`segment ${name} has ${size} bytes, the index says ${bytes}`)
    // Unregisters the safety net when the segment is closed explicitly.
    const token = {}
    seg = readSegment(size, fdReader(fd), segmentIo, {
      ...caches,
      name: `segment ${name}`,
      onClose: () => {
        unreachable.unregister(token)
        openSegments--
        closeSync(fd)
      },
    })
    openSegments++
    unreachable.register(seg.ngram.lists, fd, token)
    return seg
  } finally {
    if (!seg) closeSync(fd)
  }
}

/**
 * Closes the segment files of `index` that `keep` (the index replacing it) does not hold: call
 * it when an index is replaced or dropped. Its segments' postings cannot be read afterwards.
 */
export function closeIndexFiles(index: SearchIndex, keep?: SearchIndex): void {
  const kept = new Set(keep?.segments.map((r) => r.seg))
  for (const r of index.segments) if (!kept.has(r.seg)) r.seg.ngram.lists.close()
}

function manifestOf(path: string): IndexManifest {
  return readManifest(readRegularFile(path), checksum)
}

function loadSegments(path: string, manifest: IndexManifest): LoadedIndex {
  const dir = join(dirname(path), manifest.segmentDir)
  // One page budget for the whole index (and one for its text), however many segments it has.
  const caches = { cache: new PageCache(), textCache: new TextPageCache() }
  const parts: { seg: IndexSegment; deleted: Uint8Array; file: string }[] = []
  try {
    for (const m of manifest.segments) {
      const file = safeJoin(dir, m.file, 'an index segment')
      let seg: IndexSegment
      try {
        seg = openSegment(file, m.file, m.bytes, caches)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT')
          throw new IndexFileError(`segment ${m.file} is missing`)
        throw e
      }
      const deleted = new Uint8Array(seg.issues.length)
      parts.push({ seg, deleted, file: m.file })
      if (
        segmentDocCount(seg) !== m.docs ||
        seg.issues.length !== m.issues.length ||
        seg.issues.some((row, i) => row.id !== m.issues[i])
      )
        throw new IndexFileError(`segment ${m.file} is not the one the index names`)
      for (const i of m.deleted) deleted[i] = 1
    }
  } catch (e) {
    // A refused index keeps none of its files open.
    for (const p of parts) p.seg.ngram.lists.close()
    throw e
  }
  return { index: composeIndex(parts), sourceKey: manifest.sourceKey }
}

/** Loads and verifies an index; throws IndexFileError when it is damaged, old or foreign. */
export function loadIndexFile(path: string): LoadedIndex {
  const manifest = manifestOf(path)
  try {
    return loadSegments(path, manifest)
  } catch (e) {
    // A writer may have merged segments between our reading the manifest and its segments (it
    // deletes the files it merged once its manifest is in place): read the new manifest once.
    if (!(e instanceof IndexFileError) || !/is missing$/.test(e.message)) throw e
    return loadSegments(path, manifestOf(path))
  }
}

/** The archive key an index file was built for, reading only the manifest. */
export function indexFileKey(path: string): string {
  return manifestOf(path).sourceKey
}

/**
 * Writes the segments of `index` that are not on disk yet (into the segment folder of
 * `indexPath`) and returns the bytes of the index file that names them all; the caller
 * installs those bytes at `indexPath` (directly, or staged by a transaction). Segments already
 * written are shared: an add writes one small segment, a remove none.
 */
export function indexFileBytes(
  indexPath: string,
  index: SearchIndex,
  sourceKey: string,
): Uint8Array {
  const dirName = segmentDirName(indexPath)
  const dir = join(dirname(indexPath), dirName)
  let made = false
  for (const ref of index.segments) {
    if (ref.file && entryKind(join(dir, ref.file)) === 'file') continue
    if (!made) {
      if (entryKind(dir) === 'missing') mkdirSync(dir)
      else if (entryKind(dir) !== 'folder')
        throw new IndexFileError(`${dir} is not a folder; the index's segments cannot be written`)
      made = true
    }
    const bytes = serializeSegment(ref.seg, segmentIo)
    const name = `seg-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.bin`
    // Written even when a file of that name exists: it may be a damaged copy (the reason for a
    // rebuild), and a content-addressed name promises nothing about what is on disk.
    writeFileAtomic(join(dir, name), bytes)
    ref.file = name
  }
  if (made) syncDir(dir)
  return serializeManifest(
    {
      sourceKey,
      segmentDir: dirName,
      segments: index.segments
        .map((r) => ({
          file: r.file as string,
          bytes: 0,
          docs: segmentDocCount(r.seg),
          issues: r.seg.issues.map((i) => i.id),
          deleted: [...r.deleted].flatMap((x, i) => (x ? [i] : [])),
        }))
        .map((m) => ({ ...m, bytes: segmentBytes(dir, m.file) })),
    },
    checksum,
  )
}

function segmentBytes(dir: string, file: string): number {
  return withReader(join(dir, file), (size) => size)
}

export function saveIndexFile(path: string, index: SearchIndex, sourceKey: string): void {
  writeFileAtomic(path, indexFileBytes(path, index, sourceKey))
}

/**
 * Deletes the segment files that neither the index file at `indexPath` nor `keep` names: those
 * of changes that crashed before their commit, and those a merge replaced. Call it only with
 * the archive's write lock held (a writer's new segments are unnamed until it commits).
 */
export function removeUnusedSegments(indexPath: string, keep?: SearchIndex): string[] {
  const dir = join(dirname(indexPath), segmentDirName(indexPath))
  if (entryKind(dir) !== 'folder') return []
  const used = new Set<string>()
  for (const r of keep?.segments ?? []) if (r.file) used.add(r.file)
  try {
    for (const s of manifestOf(indexPath).segments) used.add(s.file)
  } catch (e) {
    // No index file (a first change undone): nothing is in use but `keep`. A damaged one may
    // still name some: then only `keep` decides, and without it nothing is deleted.
    if (!keep && (e as NodeJS.ErrnoException).code !== 'ENOENT') return []
  }
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    if (!SEGMENT_FILE.test(name) || used.has(name)) continue
    if (removeInside(dir, name, 'an unused index segment')) removed.push(name)
  }
  // A folder left empty (the first change of an archive, undone) goes too.
  if (removed.length && readdirSync(dir).length === 0) rmdirSync(dir)
  return removed
}

/**
 * The index file a change stages (under the archive's write lock, inside its transaction): the
 * merge policy runs (merge.ts) and the new segments are written; the bytes returned name them.
 * Until the transaction commits, the old index file and all of its segments stay as they were,
 * so a crash during a merge loses nothing; the segments it no longer needs are deleted after
 * the commit (write/steps.ts), those of a change that did not commit by recovery.
 */
export function stageIndex(indexPath: string, index: SearchIndex, sourceKey: string): Uint8Array {
  const bytes = indexFileBytes(indexPath, mergeByPolicy(index), sourceKey)
  crashPoint('after-segments-written')
  return bytes
}
