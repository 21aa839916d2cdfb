// Whether the import dialog is open: one flag that the menu command and the library's button set
// and the dialog clears, without threading callbacks through the component tree.
import { useSyncExternalStore } from 'react'

let open = false
const listeners = new Set<() => void>()

function set(next: boolean): void {
  if (open === next) return
  open = next
  for (const l of listeners) l()
}

export const openImportDialog = (): void => set(true)
export const closeImportDialog = (): void => set(false)

export function useImportDialogOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => open,
  )
}
