// The window's size and position between runs: a small JSON file in userData, validated on read
// (a damaged or hand-edited file falls back to defaults) and written atomically. Pure apart from
// the file access, so it is tested without Electron.
import { describeZodError } from '../shared/zod-problems'
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { writeFileAtomic } from '../node/atomic'

export const WINDOW_STATE_FILE = 'window-state.json'
export const MIN_WIDTH = 640
export const MIN_HEIGHT = 480
const DEFAULT_WIDTH = 1280
const DEFAULT_HEIGHT = 860
/** How much of the window must lie on some display for its saved position to be kept. */
const MIN_VISIBLE = 64

const coordinate = z.number().int().min(-100_000).max(100_000)
const extent = z.number().int().min(1).max(100_000)

export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: extent,
  height: extent,
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
})

export type WindowState = z.infer<typeof windowStateSchema>

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  maximized: false,
  fullScreen: false,
}

/** Parses the saved file; anything unreadable gives the defaults and a reason to log. */
export function parseWindowState(text: string): { state: WindowState; problem?: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { state: { ...DEFAULT_WINDOW_STATE }, problem: 'not valid JSON' }
  }
  const result = windowStateSchema.safeParse(json)
  if (!result.success) {
    return { state: { ...DEFAULT_WINDOW_STATE }, problem: describeZodError(result.error) }
  }
  return { state: result.data }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * Fits a saved state to the displays there are now (a monitor may have been unplugged): the size
 * is kept within the largest work area, and a position that would leave the window (nearly)
 * off-screen is dropped so the window opens centred on the primary display.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const largest = workAreas.reduce(
    (m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }),
    { width: 0, height: 0 },
  )
  const maxW = largest.width > 0 ? largest.width : DEFAULT_WIDTH
  const maxH = largest.height > 0 ? largest.height : DEFAULT_HEIGHT
  const width = Math.max(Math.min(state.width, maxW), Math.min(MIN_WIDTH, maxW))
  const height = Math.max(Math.min(state.height, maxH), Math.min(MIN_HEIGHT, maxH))
  const fitted: WindowState = {
    width,
    height,
    maximized: state.maximized,
    fullScreen: state.fullScreen,
  }
  if (state.x === undefined || state.y === undefined) return fitted
  const rect = { x: state.x, y: state.y, width, height }
  // The title bar (the top strip) must be reachable, or the user cannot move the window back.
  const titleBar = { x: rect.x, y: rect.y, width: rect.width, height: Math.min(32, height) }
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area)
    return o.width >= MIN_VISIBLE && o.height > 0
  })
  return visible ? { ...fitted, x: state.x, y: state.y } : fitted
}

export function loadWindowState(
  path: string,
  workAreas: Rect[],
  log: (message: string) => void = () => {},
): WindowState {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      log(`The saved window position could not be read (${(e as Error).message}); using defaults.`)
    }
    return fitToDisplays({ ...DEFAULT_WINDOW_STATE }, workAreas)
  }
  const { state, problem } = parseWindowState(text)
  if (problem) log(`The saved window position in ${path} is damaged (${problem}); using defaults.`)
  return fitToDisplays(state, workAreas)
}

export function saveWindowState(
  path: string,
  state: WindowState,
  log: (message: string) => void = () => {},
): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`)
  } catch (e) {
    log(`The window position could not be saved (${(e as Error).message}).`)
  }
}

/** The state to save from what the window reports (normal bounds even when maximized). */
export function stateOf(normalBounds: Rect, maximized: boolean, fullScreen: boolean): WindowState {
  const r = (n: number): number => Math.round(n)
  return {
    x: r(normalBounds.x),
    y: r(normalBounds.y),
    width: Math.max(1, r(normalBounds.width)),
    height: Math.max(1, r(normalBounds.height)),
    maximized,
    fullScreen,
  }
}
