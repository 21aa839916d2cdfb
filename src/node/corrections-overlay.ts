// The user's own corrections of an archive the app cannot change (the bundled one): a file in
// the user's profile, in the corrections.json format, applied over the archive's own
// corrections. It is validated whenever it is read. A file that cannot be used at all (not
// JSON, another format, unreadable) is set aside under a new name — kept for a person to look
// at, never overwritten — and the app goes on with no overlay and a message that says where
// the file went, so a damaged profile never leaves the reader blank. One that cannot be moved
// either (a read-only folder) makes the overlay read-only: editing is off, with the reason.
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import {
  CorrectionsError,
  emptyCorrections,
  parseCorrections,
  serializeCorrections,
} from '../shared/archive/corrections'
import type { CorrectionEntry } from '../shared/archive/corrections'
import { sha256 } from './archive-dir'
import { writeFileAtomic } from './atomic'
import { readRegularText } from './safe-path'

export interface Overlay {
  entries: CorrectionEntry[]
  /** sha256 of the entries as serialized: part of the index key of the corrected archive. */
  sha256: string
}

export interface LoadedOverlay {
  overlay: Overlay
  /** What was wrong with the file on load (its entries were then partly or not at all used). */
  problem?: string
  /** Where an unusable file was moved. */
  setAside?: string
  /**
   * The file could be neither used nor moved aside (a read-only profile folder): it stays where
   * it is, and nothing may write over it — editing is off, `problem` says why and what to do.
   */
  readOnly?: true
}

export function overlayOf(entries: readonly CorrectionEntry[]): Overlay {
  const list = [...entries]
  return {
    entries: list,
    sha256: sha256(serializeCorrections({ ...emptyCorrections(), entries: list })),
  }
}

function stamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/** A name beside `path` that nothing has yet: a file set aside is never overwritten. */
function asideName(path: string): string {
  const base = `${path}.damaged-${stamp()}`
  let name = base
  for (let k = 2; existsSync(name); k++) name = `${base}-${k}`
  return name
}

/**
 * Reads the overlay at `path` (missing = empty); see the file comment for a damaged one.
 * `rename` is the move aside (tests make it fail, as a read-only folder does).
 */
export function loadOverlay(
  path: string,
  rename: (from: string, to: string) => void = renameSync,
): LoadedOverlay {
  if (!existsSync(path)) return { overlay: overlayOf([]) }
  let json: string | undefined
  let problem: string
  try {
    json = readRegularText(path)
    const parsed = parseCorrections(json, path)
    const out: LoadedOverlay = { overlay: overlayOf(parsed.file.entries) }
    if (parsed.rejected.length)
      out.problem = `${parsed.rejected.length} of your corrections could not be read and are left out: ${parsed.rejected
        .slice(0, 3)
        .map((r) => `${r.id ? `"${r.id}"` : `entry ${r.at + 1}`}: ${r.problem}`)
        .join('; ')}`
    return out
  } catch (e) {
    if (!(e instanceof CorrectionsError) && json !== undefined) throw e
    problem = (e as Error).message
  }
  const aside = asideName(path)
  try {
    rename(path, aside)
  } catch (e) {
    return {
      overlay: overlayOf([]),
      problem: `Your corrections file ${path} could not be used (${problem}), nor moved aside (${(e as Error).message}). Editing is off, so that nothing overwrites it: repair it, or move it away, and start the app again.`,
      readOnly: true,
    }
  }
  return {
    overlay: overlayOf([]),
    problem: `Your corrections file could not be used (${problem}). It was kept as ${aside}; you start again from no corrections.`,
    setAside: aside,
  }
}

/** Replaces the overlay at `path` with `entries`, atomically. */
export function saveOverlay(path: string, entries: readonly CorrectionEntry[]): Overlay {
  mkdirSync(dirname(path), { recursive: true })
  writeFileAtomic(path, serializeCorrections({ ...emptyCorrections(), entries: [...entries] }))
  return overlayOf(entries)
}
