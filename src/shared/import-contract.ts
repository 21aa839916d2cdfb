// The in-app import, for Electron only (the reading-room server stays read-only): the verbs the
// preload exposes as `window.archiveImport`, their IPC channels and the schemas main validates
// every argument with. The renderer never names a path: files and folders are picked in main's
// own dialog, and the renderer refers to a pick by the id main gave it.
import { z } from 'zod'
import type { ImportProgress, ImportReport } from './archive/import-report'
import { isValidIsoDate } from './archive/catalog'
import { parseWithSchema } from './contract'
import { importChannels } from './ipc-channels'
import type { Wire } from './ipc-result'

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

export interface ImportBridge {
  /** Opens main's file dialog; null when the librarian cancelled it. */
  pickFiles(): Promise<ImportSelection | null>
  pickFolder(): Promise<ImportSelection | null>
  /** Reads and checks the picked files (nothing is written) and returns the validation report. */
  plan(selectionId: string, overrides: FileOverride[]): Promise<ImportPlanned>
  /**
   * Imports the plan into the user's library. `confirmed` says the librarian checked metadata
   * that was read from the text (the report's `needsConfirmation`).
   */
  commit(planId: string, confirmed: boolean): Promise<ImportOutcome>
  /** Stops a plan or commit that runs; a commit past its commit point still completes. */
  cancel(): Promise<void>
  /** Removes an issue of the user's library (never one of the bundled archive). */
  removeIssue(issueId: string): Promise<RemoveOutcome>
  /** The ids of the issues in the user's library. */
  userIssues(): Promise<string[]>
  onProgress(listener: (progress: ImportProgress) => void): () => void
}

export type ImportMethod = Exclude<keyof ImportBridge, 'onProgress'>

/**
 * What the preload exposes as `window.archiveImport`: the verbs answer with an IpcResult (see
 * ArchiveBridge in contract.ts for why); the renderer's client (renderer/import-api.ts) turns
 * them back into ImportBridge, with typed errors.
 */
export type ImportWireBridge = Wire<Omit<ImportBridge, 'onProgress'>> &
  Pick<ImportBridge, 'onProgress'>

const token = z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected an id given by the app')
const issueId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'an issue id is lower-case letters, digits and -')

export const fileOverrideSchema = z
  .object({
    file: z.string().min(1).max(1000),
    paper: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'a paper is lower-case letters, digits and -')
      .optional(),
    paperName: z.string().trim().min(1).max(60).optional(),
    date: z.string().refine(isValidIsoDate, 'not a real date YYYY-MM-DD').optional(),
    page: z.number().int().min(1).max(999).optional(),
  })
  .strict()

export const importArgumentSchemas = {
  pickFiles: z.tuple([]),
  pickFolder: z.tuple([]),
  plan: z.tuple([token, z.array(fileOverrideSchema).max(10_000)]),
  commit: z.tuple([token, z.boolean()]),
  cancel: z.tuple([]),
  removeIssue: z.tuple([issueId]),
  userIssues: z.tuple([]),
} as const satisfies Record<ImportMethod, z.ZodType>

export function isImportMethod(name: unknown): name is ImportMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(importChannels, name)
}

/** Validates `args` for an import verb; throws InvalidArgumentsError with a short reason. */
export function parseImportArguments<M extends ImportMethod>(
  method: M,
  args: unknown,
): Parameters<ImportBridge[M]> {
  return parseWithSchema(importArgumentSchemas[method] as z.ZodType, method, args) as Parameters<
    ImportBridge[M]
  >
}
