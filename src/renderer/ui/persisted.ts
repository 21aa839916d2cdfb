// Small versioned stores in localStorage, validated with zod on every read. A store that cannot
// be read (edited by hand, written by a newer version, truncated) is reset to its default, the
// bad text is kept beside it, and the problem is reported so the UI can say so — never a blank
// screen.
import { useSyncExternalStore } from 'react'
import type { z } from 'zod'

export interface StoreProblem {
  store: string
  detail: string
  backupKey: string
}

export interface Persisted<T> {
  get(): T
  set(value: T): void
  subscribe(listener: () => void): () => void
}

const problems: StoreProblem[] = []
const problemListeners = new Set<() => void>()
let problemsSnapshot: readonly StoreProblem[] = []

function report(p: StoreProblem): void {
  problems.push(p)
  problemsSnapshot = [...problems]
  for (const l of problemListeners) l()
}

export function dismissProblems(): void {
  problems.length = 0
  problemsSnapshot = []
  for (const l of problemListeners) l()
}

/** The problems reported so far (what the notice shows). */
export function storeProblems(): readonly StoreProblem[] {
  return problemsSnapshot
}

export function useStoreProblems(): readonly StoreProblem[] {
  return useSyncExternalStore(
    (l) => {
      problemListeners.add(l)
      return () => problemListeners.delete(l)
    },
    () => problemsSnapshot,
  )
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // Storage disabled: keep everything in memory.
  }
}

export function persisted<T>(key: string, schema: z.ZodType<T>, fallback: () => T): Persisted<T> {
  const listeners = new Set<() => void>()
  let value = read()

  function read(): T {
    const s = storage()
    const raw = s?.getItem(key)
    if (raw === null || raw === undefined) return fallback()
    let detail: string
    try {
      const parsed = schema.safeParse(JSON.parse(raw))
      if (parsed.success) return parsed.data
      const issue = parsed.error.issues[0]
      detail = `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`
    } catch (e) {
      detail = (e as Error).message
    }
    // A second bad copy must not overwrite the first one kept aside: `.corrupt`, `.corrupt-2`…
    let backupKey = `${key}.corrupt`
    for (let n = 2; s?.getItem(backupKey) != null && s.getItem(backupKey) !== raw; n++)
      backupKey = `${key}.corrupt-${n}`
    try {
      s?.setItem(backupKey, raw)
      s?.removeItem(key)
    } catch {
      // Quota or disabled storage: the reset still happens in memory, and the bad text stays
      // where it was until a good value replaces it.
    }
    report({ store: key, detail, backupKey })
    return fallback()
  }

  return {
    get: () => value,
    set(next) {
      value = next
      try {
        storage()?.setItem(key, JSON.stringify(next))
      } catch {
        // Keep the value for this session even when it cannot be saved.
      }
      for (const l of listeners) l()
    },
    subscribe(l) {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
}

export function usePersisted<T>(store: Persisted<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}
