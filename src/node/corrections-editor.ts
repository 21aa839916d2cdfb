// The edit mode's verbs (corrections-contract.ts) over the archives the app shows: an edit of
// an issue of a writable archive (the user's library, or the reading room's test library) goes
// into that archive's corrections.json through its transaction (corrections-write.ts); an edit
// of the bundled archive, which the app never changes, goes into the overlay in the user's
// profile (corrections-overlay.ts). Either way the edit is judged first against the page as it
// stands — corrections already in force, the overlay's included — and refused with the reason
// when it would not apply, so nothing half-made is ever stored.
import { paperRules } from '../shared/archive/catalog'
import type { CorrectionEntry } from '../shared/archive/corrections'
import { emptyCorrections, serializeCorrections } from '../shared/archive/corrections'
import { EditError } from '../shared/archive/corrections-make'
import { entryForRequest } from '../shared/archive/corrections-request'
import { issueArticles } from '../shared/archive/issue-articles'
import { parseArticleId } from '../shared/archive/issue'
import type {
  CorrectionsApi,
  CorrectionsExport,
  EditApplied,
  EditPreview,
  EditRequest,
  EditTarget,
  FixPreview,
} from '../shared/corrections-contract'
import type { ErrorCode } from '../shared/error-codes'
import { UserFacingError } from '../shared/errors'
import { NotFoundError } from './archive-service'
import { changeCorrections, CorrectionsRefused, editPages } from './corrections-write'
import type { Overlay } from './corrections-overlay'
import { saveOverlay } from './corrections-overlay'

/** An edit that cannot be made as asked (the text is not there, nothing would change…). */
export class EditRefusedError extends UserFacingError {
  override name = 'EditRefusedError'
  readonly errorCode: ErrorCode = 'refused'
}

/** Editing is off here (a read-only archive without an overlay, the reading room). */
export class EditingOffError extends UserFacingError {
  override name = 'EditingOffError'
  readonly errorCode: ErrorCode = 'forbidden'
}

export type EditPlace =
  | { kind: 'library'; dir: string; indexPath?: string }
  | {
      kind: 'overlay'
      dir: string
      overlayPath: string
      /**
       * The overlay in force now, what was wrong with its file when it was read, and whether
       * it is read-only (a damaged file that could not be moved aside: never written over).
       */
      overlay: () => { overlay: Overlay; problem?: string; readOnly?: true }
    }

export interface EditorOptions {
  /** Where the issue's corrections go, or why it cannot be edited. */
  placeOf(issueId: string): Promise<EditPlace | { off: string }>
  /** After a change: the changed archive is opened again, so the next read shows the edit. */
  changed(place: EditPlace): Promise<void>
  /** The overlay, for export (none where the app has no bundled archive to overlay). */
  overlay?: () => { overlay: Overlay; problem?: string }
}

const CONTEXT = 16

function fixPreview(text: string, entry: CorrectionEntry): FixPreview | undefined {
  if (entry.kind !== 'fix-text') return undefined
  const flat = (s: string): string => s.replace(/\s*\n\s*/g, '')
  const { start, end } = entry.anchor
  return {
    before: flat(text.slice(Math.max(0, start - CONTEXT), start)),
    original: flat(text.slice(start, end)),
    replacement: entry.replacement,
    after: flat(text.slice(end, end + CONTEXT)),
  }
}

export class CorrectionsEditor implements CorrectionsApi {
  constructor(private readonly options: EditorOptions) {}

  private async place(issueId: string): Promise<EditPlace> {
    const p = await this.options.placeOf(issueId)
    if ('off' in p) throw new EditingOffError(p.off)
    const ro = p.kind === 'overlay' ? p.overlay() : undefined
    if (ro?.readOnly) throw new EditingOffError(ro.problem ?? 'your corrections file is read-only')
    return p
  }

  async editTarget(issueId: string): Promise<EditTarget> {
    const p = await this.options.placeOf(issueId)
    if ('off' in p) return { editable: false, reason: p.off }
    if (p.kind === 'library') return { editable: true, target: 'library' }
    const { overlay, problem, readOnly } = p.overlay()
    if (readOnly)
      return { editable: false, reason: problem ?? 'your corrections file is read-only' }
    return {
      editable: true,
      target: 'overlay',
      overlay: { entries: overlay.entries.length, ...(problem ? { problem } : {}) },
    }
  }

  /** The entry for `request` and what the page would be with it; throws when it would not apply. */
  private judge(place: EditPlace, request: EditRequest): EditPreview {
    const ref = parseArticleId(request.articleId)
    if (!ref) throw new NotFoundError(`no article "${request.articleId}"`)
    const extra = place.kind === 'overlay' ? place.overlay().overlay.entries : []
    const { catalog, issue, texts, entries, pages } = editPages(place.dir, ref.issueId, extra)
    const at = pages.findIndex((p) => p.page === ref.page)
    const page = pages[at]
    if (!page) throw new NotFoundError(`no page ${ref.page} in issue "${ref.issueId}"`)
    let entry: CorrectionEntry
    try {
      entry = entryForRequest(page, request, pages)
    } catch (e) {
      if (e instanceof EditError) throw new EditRefusedError(e.message)
      throw e
    }
    if (entries.some((e) => e.id === entry.id))
      throw new EditRefusedError(`this correction is already made (${entry.id})`)
    const after = issueArticles(issue, texts, paperRules(catalog.papers, issue.paper), [
      ...entries,
      entry,
    ])
    const outcome = after.outcomes.find((o) => o.id === entry.id)
    if (outcome?.problem)
      throw new EditRefusedError(
        `${outcome.status === 'redundant' ? 'this changes nothing: ' : ''}${outcome.problem}`,
      )
    const fix = fixPreview(page.text, entry)
    return { entry, articles: after.perPage[at] ?? [], ...(fix ? { fix } : {}) }
  }

  async previewEdit(request: EditRequest): Promise<EditPreview> {
    const place = await this.place(parseArticleId(request.articleId)?.issueId ?? '')
    return this.judge(place, request)
  }

  async applyEdit(request: EditRequest): Promise<EditApplied> {
    const place = await this.place(parseArticleId(request.articleId)?.issueId ?? '')
    const { entry } = this.judge(place, request)
    const created = { ...entry, created: new Date().toISOString() } as CorrectionEntry
    let entries: number
    if (place.kind === 'library') {
      entries = changeCorrections({
        archiveDir: place.dir,
        ...(place.indexPath ? { indexPath: place.indexPath } : {}),
        add: [created],
        what: `app edit ${request.kind}`,
      }).entries
    } else {
      const next = [...place.overlay().overlay.entries, created]
      entries = saveOverlay(place.overlayPath, next).entries.length
    }
    await this.options.changed(place)
    return { entry: created, target: place.kind, entries }
  }

  async removeCorrection(
    issueId: string,
    id: string,
  ): Promise<{ removed: string; entries: number }> {
    const place = await this.place(issueId)
    let entries: number
    if (place.kind === 'library') {
      try {
        entries = changeCorrections({
          archiveDir: place.dir,
          ...(place.indexPath ? { indexPath: place.indexPath } : {}),
          remove: [id],
          what: 'app undo',
        }).entries
      } catch (e) {
        if (e instanceof CorrectionsRefused) throw new EditRefusedError(e.problems.join('; '))
        throw e
      }
    } else {
      const current = place.overlay().overlay.entries
      const mine = current.find((e) => e.id === id && e.issue === issueId)
      if (!mine)
        throw new EditRefusedError(
          `"${id}" is not one of your corrections of ${issueId}: the archive's own corrections are changed by a librarian with "archive-reader corrections remove"`,
        )
      entries = saveOverlay(
        place.overlayPath,
        current.filter((e) => e !== mine),
      ).entries.length
    }
    await this.options.changed(place)
    return { removed: id, entries }
  }

  async exportCorrections(): Promise<CorrectionsExport> {
    const overlay = this.options.overlay?.().overlay
    if (!overlay) throw new EditingOffError('there is no corrections overlay to export here')
    return {
      fileName: 'corrections.json',
      json: serializeCorrections({ ...emptyCorrections(), entries: overlay.entries }),
      entries: overlay.entries.length,
    }
  }
}
