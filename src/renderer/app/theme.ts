// Light/dark theme: the OS preference unless the reader picks one.
import { useSyncExternalStore } from 'react'
import type { ThemeSetting } from './settings'

const query = (): MediaQueryList | undefined =>
  typeof matchMedia === 'undefined' ? undefined : matchMedia('(prefers-color-scheme: dark)')

export function systemPrefersDark(): boolean {
  return query()?.matches ?? false
}

function subscribe(l: () => void): () => void {
  const q = query()
  q?.addEventListener('change', l)
  return () => q?.removeEventListener('change', l)
}

export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, systemPrefersDark)
}

export function effectiveTheme(setting: ThemeSetting, systemDark: boolean): 'light' | 'dark' {
  return setting === 'system' ? (systemDark ? 'dark' : 'light') : setting
}
