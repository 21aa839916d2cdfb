// The current route as an external store: the hash is the single source of truth, React reads
// it through useSyncExternalStore, and every navigation goes through `navigate`.
import { useSyncExternalStore } from 'react'
import { formatRoute, parseRoute } from './route'
import type { AppRoute } from './route'

let currentHash = typeof location === 'undefined' ? '' : location.hash
let current: AppRoute = parseRoute(currentHash)
const listeners = new Set<() => void>()

function sync(): void {
  if (location.hash === currentHash) return
  currentHash = location.hash
  current = parseRoute(currentHash)
  for (const l of listeners) l()
}

if (typeof window !== 'undefined') {
  // Back/forward, a typed URL, or a deep link opened by the main process.
  window.addEventListener('hashchange', sync)
  window.addEventListener('popstate', sync)
}

export function getRoute(): AppRoute {
  return current
}

export function subscribeRoute(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useRoute(): AppRoute {
  return useSyncExternalStore(subscribeRoute, getRoute)
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

/** Updates the route from its current value (so rapid updates never act on a stale copy). */
export function updateRoute(
  change: (route: AppRoute) => AppRoute,
  options: NavigateOptions = {},
): void {
  navigate(change(current), options)
}
