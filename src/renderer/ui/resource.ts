// A tiny cache of archive answers keyed by request, read through useSyncExternalStore so
// components never set state from effects. Archive data changes only when the librarian imports
// or removes issues in the app; `invalidate` then drops what changed.
import { useEffect, useSyncExternalStore } from 'react'

export type Entry<T> =
  { status: 'pending' } | { status: 'ok'; data: T } | { status: 'error'; error: Error }

const entries = new Map<string, Entry<unknown>>()
const lastOk = new Map<string, Entry<unknown>>()
const promises = new Map<string, Promise<unknown>>()
const listeners = new Set<() => void>()
const MAX_ENTRIES = 400

function emit(): void {
  for (const l of listeners) l()
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Starts loading `key` unless it is loaded or loading; resolves with the data. */
export function ensure<T>(key: string, load: () => Promise<T>, group?: string): Promise<T> {
  const existing = entries.get(key)
  const inFlight = promises.get(key)
  if (existing && existing.status !== 'error' && inFlight) return inFlight as Promise<T>
  const promise = load()
  promises.set(key, promise)
  entries.set(key, { status: 'pending' })
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value as string
    entries.delete(oldest)
    promises.delete(oldest)
  }
  promise.then(
    (data) => {
      if (promises.get(key) !== promise) return
      const entry: Entry<T> = { status: 'ok', data }
      entries.set(key, entry)
      if (group) lastOk.set(group, entry)
      emit()
    },
    (e: unknown) => {
      if (promises.get(key) !== promise) return
      entries.set(key, { status: 'error', error: e instanceof Error ? e : new Error(String(e)) })
      emit()
    },
  )
  emit()
  return promise
}

/** The loaded value of `key`, if any (for commands that act on what is on screen). */
export function peek<T>(key: string): T | undefined {
  const e = entries.get(key)
  return e?.status === 'ok' ? (e.data as T) : undefined
}

/** Drops a failed entry so the next render retries it. */
export function forget(key: string): void {
  entries.delete(key)
  promises.delete(key)
  emit()
}

/** Drops every entry whose key matches; what is on screen loads again (the archive changed). */
export function invalidate(match: (key: string) => boolean): void {
  for (const key of [...entries.keys()]) {
    if (!match(key)) continue
    entries.delete(key)
    promises.delete(key)
  }
  emit()
}

export interface ResourceState<T> {
  entry: Entry<T> | undefined
  /** The last successful answer in the same group, shown while a new one loads. */
  previous: T | undefined
}

/** `load` must be stable for a given key (wrap it in useCallback). */
export function useResource<T>(
  key: string | null,
  load: () => Promise<T>,
  group?: string,
): ResourceState<T> {
  const entry = useSyncExternalStore(subscribe, () =>
    key ? (entries.get(key) as Entry<T> | undefined) : undefined,
  )
  const prev = useSyncExternalStore(subscribe, () =>
    group ? (lastOk.get(group) as Entry<T> | undefined) : undefined,
  )
  const missing = entry === undefined
  // Also re-runs after `forget`, which is how a retry starts.
  useEffect(() => {
    if (key && missing) ensure(key, load, group).catch(() => {})
  }, [key, load, group, missing])
  return { entry, previous: prev?.status === 'ok' ? prev.data : undefined }
}
