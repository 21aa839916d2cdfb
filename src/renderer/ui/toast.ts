// One transient status message at a time ("Link copied: …"), announced politely.
import { createStore, useStore } from './store'

export interface Toast {
  id: number
  message: string
  detail?: string
  tone: 'info' | 'error'
}

const current = createStore<Toast | undefined>(undefined)
let seq = 0
let timer: ReturnType<typeof setTimeout> | undefined

export function showToast(message: string, detail?: string, tone: Toast['tone'] = 'info'): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(dismissToast, tone === 'error' ? 8000 : 5000)
  current.set({ id: ++seq, message, tone, ...(detail ? { detail } : {}) })
}

export function dismissToast(): void {
  current.set(undefined)
}

export function useToast(): Toast | undefined {
  return useStore(current)
}
