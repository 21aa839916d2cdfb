import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  stateOf,
} from '../../src/main/window-state'
import { tempDir } from '../helpers'

const laptop = { x: 0, y: 0, width: 1440, height: 875 }
const rightMonitor = { x: 1440, y: -200, width: 2560, height: 1400 }

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})
const dir = () => {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    const text = JSON.stringify({ x: 10, y: 20, width: 900, height: 700, maximized: true })
    expect(parseWindowState(text)).toEqual({
      state: { x: 10, y: 20, width: 900, height: 700, maximized: true, fullScreen: false },
    })
  })

  it('falls back to defaults, with a reason, for damaged or hand-edited files', () => {
    for (const text of [
      '',
      '{"width":900,',
      'null',
      '[]',
      '{"width":"900","height":700}',
      '{"width":900}',
      '{"width":-5,"height":700}',
      '{"width":900.5,"height":700}',
      '{"width":900,"height":700,"x":1e12,"y":0}',
    ]) {
      const r = parseWindowState(text)
      expect(r.state, text).toEqual(DEFAULT_WINDOW_STATE)
      expect(r.problem, text).toBeTruthy()
    }
  })
})

describe('fitToDisplays', () => {
  it('keeps a window that is on a display, including a secondary one at negative y', () => {
    const s = { x: 1600, y: -100, width: 1200, height: 900, maximized: false, fullScreen: false }
    expect(fitToDisplays(s, [laptop, rightMonitor])).toEqual(s)
  })

  it('drops the position of a window left on an unplugged monitor, and shrinks it to fit', () => {
    const s = { x: 1600, y: -100, width: 2400, height: 1300, maximized: true, fullScreen: false }
    expect(fitToDisplays(s, [laptop])).toEqual({
      width: 1440,
      height: 875,
      maximized: true,
      fullScreen: false,
    })
  })

  it('drops a position whose title bar is off-screen (above the top or barely on the edge)', () => {
    const base = { width: 800, height: 600, maximized: false, fullScreen: false }
    expect(fitToDisplays({ ...base, x: 100, y: -700 }, [laptop]).x).toBeUndefined()
    expect(fitToDisplays({ ...base, x: 1420, y: 100 }, [laptop]).x).toBeUndefined()
    expect(fitToDisplays({ ...base, x: -780, y: 100 }, [laptop]).x).toBeUndefined()
    expect(fitToDisplays({ ...base, x: -700, y: 100 }, [laptop])).toMatchObject({ x: -700, y: 100 })
  })

  it('enforces a minimum size, but never more than the screen has', () => {
    const tiny = { x: 0, y: 0, width: 10, height: 10, maximized: false, fullScreen: false }
    expect(fitToDisplays(tiny, [laptop])).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT })
    const small = { x: 0, y: 0, width: 500, height: 400 }
    expect(fitToDisplays(tiny, [small])).toMatchObject({ width: 500, height: 400 })
  })

  it('copes with no display information at all', () => {
    const s = { x: 5, y: 5, width: 900, height: 700, maximized: false, fullScreen: false }
    expect(fitToDisplays(s, [])).toEqual({
      width: 900,
      height: 700,
      maximized: false,
      fullScreen: false,
    })
  })
})

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through the file, written atomically (no temp file left)', () => {
    const d = dir()
    const path = join(d, 'window-state.json')
    const s = stateOf({ x: 100.4, y: 50.6, width: 1000, height: 720 }, false, false)
    saveWindowState(path, s)
    expect(readdirSync(d)).toEqual(['window-state.json'])
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ ...s, x: 100, y: 51 })
    expect(loadWindowState(path, [laptop])).toEqual({ ...s, x: 100, y: 51 })
  })

  it('gives defaults for a missing file silently and for a corrupt one with a log line', () => {
    const d = dir()
    const logs: string[] = []
    expect(loadWindowState(join(d, 'none.json'), [laptop], (m) => logs.push(m))).toEqual(
      DEFAULT_WINDOW_STATE,
    )
    expect(logs).toEqual([])
    const path = join(d, 'window-state.json')
    writeFileSync(path, '{"width": 900, "height": ')
    expect(loadWindowState(path, [laptop], (m) => logs.push(m))).toEqual(DEFAULT_WINDOW_STATE)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(/damaged .*using defaults/)
  })

  it('logs instead of throwing when the folder cannot be written', () => {
    const d = dir()
    const blocker = join(d, 'file')
    writeFileSync(blocker, 'x')
    const logs: string[] = []
    saveWindowState(join(blocker, 'window-state.json'), DEFAULT_WINDOW_STATE, (m) => logs.push(m))
    expect(logs[0]).toMatch(/could not be saved/)
    mkdirSync(join(d, 'ok'))
  })
})
