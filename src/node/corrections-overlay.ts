// The user's own corrections of an archive the app cannot change (the bundled one): a file in
// the user's profile, in the corrections.json format, applied over the archive's own
// corrections. It is validated whenever it is read. A file that cannot be used at all (not
// JSON, another format, unreadable) is set aside under a new name — kept for a person to look
// at, never overwritten — and the app goes on with no overlay and a message that says where
// the file went, so a damaged profile never leaves the reader blank.
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

/** Reads the overlay at `path` (missing = empty); see the file comment for a damaged one. */
export function loadOverlay(path: string): LoadedOverlay {
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
  const aside = `${path}.damaged-${stamp()}`
  try {
    renameSync(path, aside)
  } catch (e) {
    return {
      overlay: overlayOf([]),
      problem: `Your corrections file could not be used (${problem}), nor moved aside (${(e as Error).message}); editing is off until it is repaired or removed.`,
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
