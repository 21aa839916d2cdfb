// Which article the edit mode is open on (one at a time, in either pane), what the reader's
// edit target is per issue, and refreshing what an edit changed.
import { useCallback } from 'react'
import type { EditKind, EditTarget } from '../../shared/corrections-contract'
import { keys, refreshAfterChange } from '../app/data'
import { invalidate, useResource } from '../ui/resource'
import type { ResourceState } from '../ui/resource'
import { createStore, useStore } from '../ui/store'
import { correctionsApi } from './corrections-api'

export interface Editing {
  articleId: string
  /** 'edit': the edit mode; 'request': the read-only correction request. */
  mode: 'edit' | 'request'
}

const editing = createStore<Editing | undefined>(undefined)

export function useEditing(): Editing | undefined {
  return useStore(editing)
}

export function openEditor(articleId: string, mode: Editing['mode']): void {
  editing.set({ articleId, mode })
}

export function closeEditor(): void {
  editing.set(undefined)
}

let lastKind: EditKind = 'fix-text'

/**
 * The kind of correction chosen last: the panel is made again when its article reloads after
 * an edit (ids and text change), and should stay on what the librarian was doing.
 */
export const chosenKind = {
  get: (): EditKind => lastKind,
  set: (kind: EditKind): void => {
    lastKind = kind
  },
}

const targetKey = (issueId: string): string => `edit-target:${issueId}`

/** Where edits of the issue go (or why there are none); editing is off while it loads or fails. */
export function useEditTarget(issueId: string): ResourceState<EditTarget> {
  const load = useCallback(() => correctionsApi.editTarget(issueId), [issueId])
  return useResource(targetKey(issueId), load)
}

/** After an edit: the issue, its articles, every search and the edit target load again. */
export function refreshAfterEdit(issueId: string): void {
  refreshAfterChange([issueId])
  invalidate((key) => key === targetKey(issueId) || key.startsWith(keys.article(`${issueId}/`)))
}
