// Small versioned stores in localStorage, validated with zod on every read. A store that cannot
// be read (edited by hand, written by a newer version, truncated) is reset to its default, the
// bad text is kept beside it, and the problem is reported so the UI can say so — never a blank
// screen. Every window of the origin sees the others' writes (the `storage` event), so two tabs
// never overwrite each other's bookmarks, notes or reading positions.
import { describeZodError } from '../../shared/zod-problems'
import type { z } from 'zod'
import { createStore, useStore } from './store'
import type { Store } from './store'

export interface StoreProblem {
  store: string
  detail: string
  backupKey: string
}

/** A store whose every `set` is also saved (a failed save keeps the value for the session). */
export type Persisted<T> = Store<T>

const problems = createStore<readonly StoreProblem[]>([])

function report(p: StoreProblem): void {
  problems.set([...problems.get(), p])
}

export function dismissProblems(): void {
  problems.set([])
}

/** The problems reported so far (what the notice shows). */
export function storeProblems(): readonly StoreProblem[] {
  return problems.get()
}

export function useStoreProblems(): readonly StoreProblem[] {
  return useStore(problems)
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined // Storage disabled: keep everything in memory.
  }
}

export function persisted<T>(key: string, schema: z.ZodType<T>, fallback: () => T): Persisted<T> {
  const store = createStore(read())

  function read(): T {
    const s = storage()
    const raw = s?.getItem(key)
    if (raw === null || raw === undefined) return fallback()
    let detail: string
    try {
      const parsed = schema.safeParse(JSON.parse(raw))
      if (parsed.success) return parsed.data
      detail = describeZodError(parsed.error, { top: 'value' })
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

  // Another window of the same origin (a second reading-room tab) changed this store: take its
  // value, so that this window's next change builds on it. Without this each tab kept what it
  // read at load, and a bookmark or note saved in one tab vanished when the other saved one.
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function')
    window.addEventListener('storage', (e: StorageEvent) => {
      if ((e.key === key || e.key === null) && e.storageArea === storage()) store.set(read())
    })

  return {
    get: store.get,
    set(next) {
      try {
        storage()?.setItem(key, JSON.stringify(next))
      } catch {
        // Keep the value for this session even when it cannot be saved.
      }
      store.set(next)
    },
    subscribe: store.subscribe,
  }
}
