// The current route as an external store: the hash is the single source of truth, React reads
// it through useSyncExternalStore, and every navigation goes through `navigate`.
import { formatRoute, parseRoute } from './route'
import type { AppRoute } from './route'
import { createStore, useStore } from '../ui/store'

let currentHash = typeof location === 'undefined' ? '' : location.hash
const current = createStore<AppRoute>(parseRoute(currentHash))

function sync(): void {
  if (location.hash === currentHash) return
  currentHash = location.hash
  current.set(parseRoute(currentHash))
}

if (typeof window !== 'undefined') {
  // Back/forward, a typed URL, or a deep link opened by the main process.
  window.addEventListener('hashchange', sync)
  window.addEventListener('popstate', sync)
}

export function getRoute(): AppRoute {
  return current.get()
}

export function useRoute(): AppRoute {
  return useStore(current)
}

export interface NavigateOptions {
  /** Replace the history entry (typing in the search box) instead of adding one. */
  replace?: boolean
}

export function navigate(route: AppRoute, options: NavigateOptions = {}): void {
  navigateToHash(formatRoute(route), options)
}

/** Opens an in-app hash route (`#/…`), e.g. from a bookmark or a deep link. */
export function navigateToHash(hash: string, options: NavigateOptions = {}): void {
  const normalized = formatRoute(parseRoute(hash))
  if (normalized === location.hash) return
  if (options.replace) history.replaceState(null, '', normalized)
  else history.pushState(null, '', normalized)
  sync()
}
