// The librarians' edit mode (issue 13), declared once like archiveContract: each verb's IPC
// channel, argument tuple (zod), result and HTTP route. Electron's main process answers them for
// the user's library (the archive's corrections.json, through its transaction) and for the
// bundled archive (an overlay file in the user's profile); the reading-room server answers them
// only when it was started to serve a writable library (a test or development mode), and
// otherwise says editing is off. Derived from it: CorrectionsApi, main's validation, the
// preload's `window.archiveCorrections`, the renderer's IPC and HTTP clients and the server's
// routes (corrections-http.ts).
import { z } from 'zod'
import type { CorrectionEntry } from './archive/corrections'
import {
  articleIdSchema,
  issueIdSchema,
  pageNumberSchema,
  parseWithSchema,
  returns,
} from './contract'
import type { ApiOf, VerbDeclaration } from './contract'
import { correctionsChannels } from './ipc-channels'
import type { Wire } from './ipc-result'
import { BLOCK_TYPES } from './types'
import type { Article, BlockType } from './types'

const note = z.string().max(1000).optional()
const occurrence = z.number().int().min(1).max(100_000).optional()
const titleText = z.string().max(500).optional()

/** What the librarian asked for, about an article as the reader numbers it now. */
export const editRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('split'),
      articleId: articleIdSchema,
      /** The text the new article starts with (whitespace between characters ignored). */
      before: z.string().trim().min(1).max(200),
      /** Which occurrence of `before` in the article's body, when it occurs more than once. */
      occurrence,
      note,
    })
    .strict(),
  z.object({ kind: z.literal('merge'), articleId: articleIdSchema, note }).strict(),
  z
    .object({
      kind: z.literal('retype'),
      articleId: articleIdSchema,
      type: z.enum(BLOCK_TYPES as [BlockType, ...BlockType[]]),
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('retitle'),
      articleId: articleIdSchema,
      fields: z
        .object({
          kicker: titleText,
          headline: titleText,
          subheadline: titleText,
          byline: titleText,
        })
        .strict(),
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('link'),
      articleId: articleIdSchema,
      /** The article on another page of the issue that continues it (a 下转 the reader missed). */
      target: articleIdSchema,
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('unlink'),
      articleId: articleIdSchema,
      /** Only its continuation to or from this page; every one without it. */
      toPage: pageNumberSchema.optional(),
      note,
    })
    .strict(),
  z
    .object({
      kind: z.literal('fix-text'),
      articleId: articleIdSchema,
      find: z.string().min(1).max(2000),
      replace: z.string().max(10_000),
      occurrence,
      note,
    })
    .strict(),
])

export type EditRequest = z.output<typeof editRequestSchema>
export type EditKind = EditRequest['kind']

const correctionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'not a correction id')

/** Where an issue's corrections go, or why they cannot be made. */
export interface EditTarget {
  editable: boolean
  /** 'library': the archive's corrections.json; 'overlay': the user's profile (bundled archive). */
  target?: 'library' | 'overlay'
  /** Why editing is off (read-only reading room, unknown issue). */
  reason?: string
  /** The profile's overlay: how many entries it holds, and what was wrong with it on load. */
  overlay?: { entries: number; problem?: string }
}

/** A text fix as it would read: the words around it, what was printed and what replaces it. */
export interface FixPreview {
  before: string
  original: string
  replacement: string
  after: string
}

export interface EditPreview {
  entry: CorrectionEntry
  /** The page's articles once the edit is made (ids as they would be). */
  articles: Article[]
  fix?: FixPreview
}

export interface EditApplied {
  entry: CorrectionEntry
  target: 'library' | 'overlay'
  /** Corrections now in the target (the archive's or the overlay's). */
  entries: number
}

/** The overlay as a corrections.json for a librarian (`archive-reader corrections import`). */
export interface CorrectionsExport {
  fileName: string
  json: string
  entries: number
}

/** How a verb is reached over HTTP: GET with path parameters, or POST with the tuple as body. */
export interface CorrectionsRoute {
  method: 'GET' | 'POST'
  /** Under API_PREFIX; `:name` segments are the GET's arguments, in order. */
  path: string
}

export interface CorrectionsVerb extends VerbDeclaration {
  route: CorrectionsRoute
  /** Whether the verb changes something (refused by a read-only server). */
  writes: boolean
}

export const correctionsContract = {
  editTarget: {
    channel: correctionsChannels.editTarget,
    args: z.tuple([issueIdSchema]),
    returns: returns<EditTarget>(),
    route: { method: 'GET', path: '/corrections/target/:id' },
    writes: false,
  },
  /** Checks an edit and shows what it would make; nothing is written. */
  previewEdit: {
    channel: correctionsChannels.previewEdit,
    args: z.tuple([editRequestSchema]),
    returns: returns<EditPreview>(),
    route: { method: 'POST', path: '/corrections/preview' },
    writes: false,
  },
  applyEdit: {
    channel: correctionsChannels.applyEdit,
    args: z.tuple([editRequestSchema]),
    returns: returns<EditApplied>(),
    route: { method: 'POST', path: '/corrections/apply' },
    writes: true,
  },
  /** Takes back one correction of an issue (the history's "undo"). */
  removeCorrection: {
    channel: correctionsChannels.removeCorrection,
    args: z.tuple([issueIdSchema, correctionIdSchema]),
    returns: returns<{ removed: string; entries: number }>(),
    route: { method: 'POST', path: '/corrections/remove' },
    writes: true,
  },
  /** The overlay of the bundled archive as a corrections.json. */
  exportCorrections: {
    channel: correctionsChannels.exportCorrections,
    args: z.tuple([]),
    returns: returns<CorrectionsExport>(),
    route: { method: 'GET', path: '/corrections/export' },
    writes: false,
  },
} as const satisfies Record<keyof typeof correctionsChannels, CorrectionsVerb>

export type CorrectionsMethod = keyof typeof correctionsContract
export type CorrectionsApi = ApiOf<typeof correctionsContract>
/** What the preload exposes as `window.archiveCorrections` (results, never rejections). */
export type CorrectionsWireBridge = Wire<CorrectionsApi>

export const CORRECTIONS_METHODS = Object.keys(correctionsContract) as CorrectionsMethod[]

/** Whether `name` is a corrections verb (never `constructor` or `__proto__`): main's handler. */
export function isCorrectionsMethod(name: unknown): name is CorrectionsMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(correctionsContract, name)
}

export function parseCorrectionsArguments<M extends CorrectionsMethod>(
  method: M,
  args: unknown,
): Parameters<CorrectionsApi[M]> {
  const schema: z.ZodType<unknown[]> = correctionsContract[method].args
  return parseWithSchema(schema, method, args) as Parameters<CorrectionsApi[M]>
}
