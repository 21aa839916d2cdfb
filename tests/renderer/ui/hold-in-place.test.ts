// holdInPlace: a target that moves while the text around it is laid out is put back until it
// stays put; a scroll by someone else ends the hold. Frames are driven by hand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { holdInPlace } from '../../../src/renderer/ui/hold-in-place'

let queue: (() => void)[] = []
let clock = 0
const frame = (): void => {
  clock += 16
  const now = queue
  queue = []
  for (const f of now) f()
}

beforeEach(() => {
  queue = []
  clock = 0
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => queue.push(f))
  vi.spyOn(performance, 'now').mockImplementation(() => clock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A pane whose target sits at `offset - scrollTop`; `grow` moves it as blocks get laid out. */
function pane(offset: number) {
  const state = { offset, connected: true }
  const body = {
    scrollTop: 0,
    clientHeight: 600,
    getBoundingClientRect: () => ({ top: 0 }) as DOMRect,
  } as unknown as HTMLElement
  const el = {
    get isConnected() {
      return state.connected
    },
    getBoundingClientRect: () => ({ top: state.offset - body.scrollTop }) as DOMRect,
  } as unknown as Element
  const place = vi.fn(() => {
    body.scrollTop = state.offset - 300
  })
  return { state, body, el, place }
}

describe('holdInPlace', () => {
  it('puts the target back whenever it or the pane moves, for the hold time only', () => {
    const p = pane(5000)
    holdInPlace(p.body, p.el, p.place, 1000)
    expect(p.body.scrollTop).toBe(4700)
    p.state.offset += 19 // the blocks that came into view were taller than their estimate
    frame()
    expect(p.body.scrollTop).toBe(4719)
    frame()
    frame()
    expect(p.place).toHaveBeenCalledTimes(2)
    // The pane's header grows a few frames later: the pane is shorter, its centre moved.
    ;(p.body as { clientHeight: number }).clientHeight = 562
    frame()
    expect(p.place).toHaveBeenCalledTimes(3)
    for (let i = 0; i < 70; i++) frame()
    expect(queue).toHaveLength(0)
    p.state.offset += 50
    frame()
    expect(p.place).toHaveBeenCalledTimes(3)
  })

  it('leaves the pane alone once someone else scrolls it', () => {
    const p = pane(5000)
    holdInPlace(p.body, p.el, p.place)
    p.body.scrollTop = 1000 // the reader scrolls
    p.state.offset += 19
    frame()
    expect(p.body.scrollTop).toBe(1000)
    expect(queue).toHaveLength(0)
  })

  it('gives up after its time even if the layout keeps moving', () => {
    const p = pane(5000)
    holdInPlace(p.body, p.el, p.place, 80)
    for (let i = 0; i < 20; i++) {
      p.state.offset += 10
      frame()
    }
    expect(p.place).toHaveBeenCalledTimes(6)
  })

  it('stops when the target leaves the document', () => {
    const p = pane(5000)
    holdInPlace(p.body, p.el, p.place)
    p.state.connected = false
    frame()
    expect(queue).toHaveLength(0)
  })
})
