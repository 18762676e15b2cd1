import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  initialBounds,
  loadWindowState,
  saveWindowState,
} from '../../../src/main/electron/window-bounds'
import { makeTempDir } from '../../helpers/temp-dir'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => (tmp = makeTempDir()))
afterEach(() => tmp.cleanup())

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window bounds', () => {
  it('remembers bounds and the maximised flag across runs', () => {
    const file = join(tmp.dir, 'nested', 'window-state.json')
    saveWindowState(file, { bounds: { x: 100, y: 50, width: 1300, height: 900 }, maximized: true })
    expect(loadWindowState(file)).toEqual({
      bounds: { x: 100, y: 50, width: 1300, height: 900 },
      maximized: true,
    })
  })

  it.each([
    ['not JSON', '{nope'],
    ['wrong shape', JSON.stringify({ bounds: { x: 1 }, maximized: false })],
    [
      'absurd size',
      JSON.stringify({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }),
    ],
    [
      'extra keys',
      JSON.stringify({
        bounds: { x: 0, y: 0, width: 1000, height: 700 },
        maximized: false,
        preload: 'x',
      }),
    ],
    [
      'fractions',
      JSON.stringify({ bounds: { x: 0.5, y: 0, width: 1000, height: 700 }, maximized: false }),
    ],
  ])('ignores a state file with %s', (_label, content) => {
    const file = join(tmp.dir, 'window-state.json')
    writeFileSync(file, content)
    expect(loadWindowState(file)).toBeNull()
  })

  it('ignores a missing file', () => {
    expect(loadWindowState(join(tmp.dir, 'missing.json'))).toBeNull()
  })

  it('reopens where it was while a display still shows it', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1300, height: 900 }, maximized: false }
    expect(initialBounds(saved, screen)).toEqual(saved.bounds)
  })

  it('keeps the size but lets the system place a window whose display is gone', () => {
    const saved = { bounds: { x: 2500, y: 50, width: 1300, height: 900 }, maximized: false }
    expect(initialBounds(saved, screen)).toEqual({ width: 1300, height: 900 })
  })

  it('uses the default size on first launch', () => {
    expect(initialBounds(null, screen)).toEqual(DEFAULT_SIZE)
  })

  it('writes plain JSON', () => {
    const file = join(tmp.dir, 'window-state.json')
    saveWindowState(file, { bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ maximized: false })
  })
})
