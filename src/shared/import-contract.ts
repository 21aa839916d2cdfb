// The in-app import, for Electron only (the reading-room server stays read-only): the verbs the
// preload exposes as `window.archiveImport`, declared once (importContract) with their IPC channels
// and the schemas main validates every argument with. The renderer never names a path: files and folders are picked in main's
// own dialog, and the renderer refers to a pick by the id main gave it.
import { z } from 'zod'
import type { ImportProgress, ImportReport } from './archive/import-report'
import { isValidIsoDate } from './archive/catalog'
import { issueIdSchema, pageNumberSchema, parseWithSchema, returns } from './contract'
import type { ApiOf, VerbDeclaration } from './contract'
import { importChannels } from './ipc-channels'
import type { Wire } from './ipc-result'
import { MAX_PAPER_NAME_LENGTH, PAPER_SLUG_PATTERN, PAPER_SLUG_RULE } from './rules'

/** Files or a folder picked in main's dialog. */
export interface ImportSelection {
  id: string
  kind: 'files' | 'folder'
  /** The folder's name, or the first file's name. */
  label: string
  /** Page files (.txt) picked, or found in the folder (and its subfolders). */
  files: number
}

/** Metadata the librarian gave for one file in the form; `file` is the report's file name. */
export interface FileOverride {
  file: string
  paper?: string
  paperName?: string
  date?: string
  page?: number
}

export interface ImportPlanned {
  /** Names this plan; commit only takes the plan the form shows. */
  planId: string
  report: ImportReport
}

export interface ImportOutcome {
  issues: { id: string; kind: 'new' | 'extends'; pages: number[] }[]
  pages: number
  bytes: number
  /** 'extended' with the new issues, or 'rebuilt' when an issue of the library grew. */
  index: 'extended' | 'rebuilt'
  ms: number
}

export interface RemoveOutcome {
  issueId: string
  paper: string
  date: string
  pages: number
}

const token = z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected an id given by the app')

export const fileOverrideSchema = z
  .object({
    file: z.string().min(1).max(1000),
    paper: z.string().regex(PAPER_SLUG_PATTERN, PAPER_SLUG_RULE).optional(),
    paperName: z.string().trim().min(1).max(MAX_PAPER_NAME_LENGTH).optional(),
    date: z.string().refine(isValidIsoDate, 'not a real date YYYY-MM-DD').optional(),
    page: pageNumberSchema.optional(),
  })
  .strict()

/**
 * The import verbs, declared once (like archiveContract): channel, argument tuple, result. From
 * it: ImportBridge, main's validation (main/import-handlers.ts), the preload's verbs
 * (preload/import-bridge.ts) and the renderer's client (renderer/import/import-api.ts).
 */
export const importContract = {
  /** Opens main's file dialog; null when the librarian cancelled it. */
  pickFiles: {
    channel: importChannels.pickFiles,
    args: z.tuple([]),
    returns: returns<ImportSelection | null>(),
  },
  pickFolder: {
    channel: importChannels.pickFolder,
    args: z.tuple([]),
    returns: returns<ImportSelection | null>(),
  },
  /** Reads and checks the picked files (nothing is written) and returns the validation report. */
  plan: {
    channel: importChannels.plan,
    args: z.tuple([token, z.array(fileOverrideSchema).max(10_000)]),
    returns: returns<ImportPlanned>(),
  },
  /**
   * Imports the plan into the user's library. The boolean says the librarian checked metadata
   * that was read from the text (the report's `needsConfirmation`).
   */
  commit: {
    channel: importChannels.commit,
    args: z.tuple([token, z.boolean()]),
    returns: returns<ImportOutcome>(),
  },
  /** Stops a plan or commit that runs; a commit past its commit point still completes. */
  cancel: { channel: importChannels.cancel, args: z.tuple([]), returns: returns<void>() },
  /** Removes an issue of the user's library (never one of the bundled archive). */
  removeIssue: {
    channel: importChannels.removeIssue,
    args: z.tuple([issueIdSchema]),
    returns: returns<RemoveOutcome>(),
  },
  /** The ids of the issues in the user's library. */
  userIssues: {
    channel: importChannels.userIssues,
    args: z.tuple([]),
    returns: returns<string[]>(),
  },
} as const satisfies Record<keyof typeof importChannels, VerbDeclaration>

export type ImportMethod = keyof typeof importContract

export interface ImportEvents {
  onProgress(listener: (progress: ImportProgress) => void): () => void
}

/** The import as the renderer uses it: the declared verbs and the progress subscription. */
export type ImportBridge = ApiOf<typeof importContract> & ImportEvents

/**
 * What the preload exposes as `window.archiveImport`: the verbs answer with an IpcResult (see
 * ArchiveBridge in contract.ts for why); the renderer's client (renderer/import-api.ts) turns
 * them back into ImportBridge, with typed errors.
 */
export type ImportWireBridge = Wire<ApiOf<typeof importContract>> & ImportEvents

export function isImportMethod(name: unknown): name is ImportMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(importContract, name)
}

/** Validates `args` for an import verb; throws InvalidArgumentsError with a short reason. */
export function parseImportArguments<M extends ImportMethod>(
  method: M,
  args: unknown,
): Parameters<ImportBridge[M]> {
  const schema: z.ZodType<unknown[]> = importContract[method].args
  return parseWithSchema(schema, method, args) as Parameters<ImportBridge[M]>
}
