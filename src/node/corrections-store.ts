// Reading an archive's corrections.json (../shared/archive/corrections.ts is the format). The
// catalog records the sha256 of the corrections it was committed with (the transaction's commit
// point is the catalog): a corrections.json the catalog does not record is not in force, and
// one whose bytes differ is either being installed just now (a writer between its commit and
// the rename of the staged file: that staged file is the one in force) or was changed by hand.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  CORRECTIONS_FILE,
  CorrectionsError,
  emptyCorrections,
  parseCorrections,
} from '../shared/archive/corrections'
import type { CorrectionsFile, ParsedCorrections } from '../shared/archive/corrections'
import type { Catalog } from '../shared/types'
import { sha256 } from './archive-dir'
import { entryKind, readRegularText } from './safe-path'

export interface StoredCorrections extends ParsedCorrections {
  /** What is wrong with the file as a whole (it is then not applied). */
  problem?: string
  /** The file exists but the catalog does not record it. */
  unrecorded?: boolean
  /** The file could not be used at all (unreadable, not this format): nothing applies. */
  unusable?: boolean
}

function parsed(json: string, file: string): StoredCorrections {
  try {
    return parseCorrections(json, file)
  } catch (e) {
    if (e instanceof CorrectionsError)
      return { file: emptyCorrections(), rejected: [], problem: e.message, unusable: true }
    throw e
  }
}

/** The corrections in force for `catalog` in the archive folder `dir`. */
export function readCorrections(dir: string, catalog: Catalog): StoredCorrections {
  const file = join(dir, CORRECTIONS_FILE)
  const kind = entryKind(file)
  if (catalog.corrections === undefined) {
    const out: StoredCorrections = { file: emptyCorrections(), rejected: [] }
    if (kind !== 'missing') out.unrecorded = true
    return out
  }
  let json: string | undefined
  try {
    if (kind !== 'missing') json = readRegularText(file)
  } catch (e) {
    return {
      file: emptyCorrections(),
      rejected: [],
      unusable: true,
      problem: `${file}: cannot be read (${(e as Error).message})`,
    }
  }
  if (json !== undefined && sha256(json) === catalog.corrections) return parsed(json, file)
  // Between a writer's commit and its rename of the staged file.
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`.${CORRECTIONS_FILE}.`) || !name.endsWith('.staged')) continue
    try {
      const staged = readRegularText(join(dir, name))
      if (sha256(staged) === catalog.corrections) return parsed(staged, join(dir, name))
    } catch {
      // Gone already (renamed into place): the read above is retried by the caller's next open.
    }
  }
  const out = json === undefined ? { file: emptyCorrections(), rejected: [] } : parsed(json, file)
  return {
    ...out,
    problem: out.unusable
      ? (out.problem as string)
      : `${file}: ${json === undefined ? 'missing, though the catalog records corrections' : 'not the corrections the catalog was committed with (changed by hand?)'}; it is applied as it stands — "archive-reader corrections import" makes a change of corrections properly`,
  }
}

/** The entries in force (nothing when the file cannot be used at all). */
export function correctionEntries(dir: string, catalog: Catalog): CorrectionsFile['entries'] {
  return readCorrections(dir, catalog).file.entries
}
