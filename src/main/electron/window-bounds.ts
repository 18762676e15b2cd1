import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 900, height: 600 }

const coordinate = z.number().int().min(-100_000).max(100_000)
const windowStateSchema = z.strictObject({
  bounds: z.strictObject({
    x: coordinate,
    y: coordinate,
    width: z.number().int().min(MIN_SIZE.width).max(20_000),
    height: z.number().int().min(MIN_SIZE.height).max(20_000),
  }),
  maximized: z.boolean(),
})

/** The remembered state, or null when there is none or it is not something we wrote. */
export function loadWindowState(path: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.tmp`
  writeFileSync(temp, JSON.stringify(state))
  renameSync(temp, path)
}

/**
 * Where to open the window. Remembered bounds are used only while a display still shows a good
 * part of them; a monitor unplugged since would otherwise leave the window off screen.
 */
export function initialBounds(
  saved: WindowState | null,
  workAreas: Rect[],
): { x?: number; y?: number; width: number; height: number } {
  if (saved === null) return { ...DEFAULT_SIZE }
  const { x, y, width, height } = saved.bounds
  const visible = workAreas.some((area) => overlap(saved.bounds, area) >= 0.5 * width * height)
  return visible ? { x, y, width, height } : { width, height }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}
