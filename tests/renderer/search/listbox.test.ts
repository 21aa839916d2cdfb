import { describe, expect, it } from 'vitest'
import { CLOSED, keyAction, listReducer } from '../../../src/renderer/search/listbox'
import type { ListAction, ListState } from '../../../src/renderer/search/listbox'

const run = (s: ListState, ...actions: ListAction[]): ListState => actions.reduce(listReducer, s)

describe('listReducer', () => {
  it('opens on new options with none active (Enter keeps the typed text)', () => {
    expect(run(CLOSED, { type: 'items', count: 3 })).toEqual({ open: true, active: -1, count: 3 })
    expect(run(CLOSED, { type: 'items', count: 3, activeFirst: true }).active).toBe(0)
    expect(run(CLOSED, { type: 'items', count: 0 })).toEqual({ open: false, active: -1, count: 0 })
  })

  it('moves down and up, through the text field between the ends', () => {
    const s = run(CLOSED, { type: 'items', count: 3 })
    expect(run(s, { type: 'down' }).active).toBe(0)
    expect(run(s, { type: 'down' }, { type: 'down' }, { type: 'down' }).active).toBe(2)
    expect(
      run(s, { type: 'down' }, { type: 'down' }, { type: 'down' }, { type: 'down' }).active,
    ).toBe(-1)
    expect(run(s, { type: 'up' }).active).toBe(2)
    expect(run(s, { type: 'down' }, { type: 'up' }).active).toBe(-1)
  })

  it('Home, End and hover pick an option; close clears it; open reopens', () => {
    const s = run(CLOSED, { type: 'items', count: 4 }, { type: 'down' })
    expect(run(s, { type: 'end' }).active).toBe(3)
    expect(run(s, { type: 'end' }, { type: 'home' }).active).toBe(0)
    expect(run(s, { type: 'hover', index: 2 }).active).toBe(2)
    expect(run(s, { type: 'hover', index: 9 }).active).toBe(0)
    const closed = run(s, { type: 'close' })
    expect(closed).toEqual({ open: false, active: -1, count: 4 })
    expect(run(closed, { type: 'open' }).open).toBe(true)
    expect(run(closed, { type: 'down' })).toEqual({ open: true, active: 0, count: 4 })
  })

  it('does nothing without options', () => {
    expect(run(CLOSED, { type: 'down' }, { type: 'up' }, { type: 'open' })).toBe(CLOSED)
  })
})

describe('keyAction', () => {
  const open: ListState = { open: true, active: 1, count: 3 }
  it('maps the combobox keys', () => {
    expect(keyAction('ArrowDown', CLOSED)).toEqual({ type: 'down' })
    expect(keyAction('ArrowDown', CLOSED, { alt: true })).toEqual({ type: 'open' })
    expect(keyAction('ArrowUp', open)).toEqual({ type: 'up' })
    expect(keyAction('Escape', open)).toEqual({ type: 'close' })
    expect(keyAction('Home', open)).toEqual({ type: 'home' })
    expect(keyAction('End', open)).toEqual({ type: 'end' })
  })
  it('leaves the field its keys when the list is closed or nothing is active', () => {
    expect(keyAction('Escape', CLOSED)).toBeUndefined()
    expect(keyAction('Home', { ...open, active: -1 })).toBeUndefined()
    expect(keyAction('a', open)).toBeUndefined()
    expect(keyAction('Enter', open)).toBeUndefined()
  })
})
