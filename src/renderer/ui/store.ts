// The renderer's one store primitive: a value, its listeners, and the React hook that reads it
// through useSyncExternalStore (so components never copy it into state from effects). Every
// module-level store (route, toast, import dialog, persisted settings, the resource cache) is
// one of these instead of its own Set of listeners and emit loop.
import { useSyncExternalStore } from 'react'

export interface Signal {
  /** Calls every listener (after the state they read has changed). */
  emit(): void
  subscribe(listener: () => void): () => void
}

export interface Store<T> {
  get(): T
  /** Replaces the value; listeners run only when it is a different value (Object.is). */
  set(next: T): void
  subscribe(listener: () => void): () => void
}

/** Listeners without a value: for state kept elsewhere (maps, the location hash). */
export function createSignal(): Signal {
  const listeners = new Set<() => void>()
  return {
    emit() {
      for (const l of [...listeners]) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const signal = createSignal()
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      signal.emit()
    },
    subscribe: signal.subscribe,
  }
}

/** The store's current value; the component renders again when it changes. */
export function useStore<T>(store: Pick<Store<T>, 'get' | 'subscribe'>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}
