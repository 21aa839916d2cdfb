// The store primitive: listeners run once per change, not for an equal value, not after they
// unsubscribe, and a listener that unsubscribes another while running does not break the loop.
import { describe, expect, it } from 'vitest'
import { createSignal, createStore } from '../../../src/renderer/ui/store'

describe('createStore', () => {
  it('holds a value and tells its listeners when it changes', () => {
    const store = createStore(1)
    const seen: number[] = []
    const off = store.subscribe(() => seen.push(store.get()))
    store.set(2)
    store.set(2) // the same value: nobody is told
    store.set(3)
    off()
    store.set(4)
    expect(seen).toEqual([2, 3])
    expect(store.get()).toBe(4)
  })

  it('compares by identity: a new object with the same content is a change', () => {
    const store = createStore({ n: 1 })
    let calls = 0
    store.subscribe(() => calls++)
    store.set({ n: 1 })
    expect(calls).toBe(1)
  })
})

describe('createSignal', () => {
  it('calls every listener subscribed when it emits, even if one unsubscribes another', () => {
    const signal = createSignal()
    const calls: string[] = []
    let offB: () => void = () => {}
    signal.subscribe(() => {
      calls.push('a')
      offB()
    })
    offB = signal.subscribe(() => calls.push('b'))
    signal.emit()
    signal.emit()
    expect(calls).toEqual(['a', 'b', 'a'])
  })
})
