// One transient status message at a time ("Link copied: …"), announced politely.
import { useSyncExternalStore } from 'react'

export interface Toast {
  id: number
  message: string
  detail?: string
  tone: 'info' | 'error'
}

let current: Toast | undefined
let seq = 0
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

function emit(): void {
  for (const l of listeners) l()
}

export function showToast(message: string, detail?: string, tone: Toast['tone'] = 'info'): void {
  current = { id: ++seq, message, tone, ...(detail ? { detail } : {}) }
  if (timer) clearTimeout(timer)
  timer = setTimeout(dismissToast, tone === 'error' ? 8000 : 5000)
  emit()
}

export function dismissToast(): void {
  current = undefined
  emit()
}

export function useToast(): Toast | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => current,
  )
}
