// Whether the import dialog is open: one flag that the menu command and the library's button set
// and the dialog clears, without threading callbacks through the component tree.
import { createStore, useStore } from '../ui/store'

const open = createStore(false)

export const openImportDialog = (): void => open.set(true)
export const closeImportDialog = (): void => open.set(false)

export function useImportDialogOpen(): boolean {
  return useStore(open)
}
