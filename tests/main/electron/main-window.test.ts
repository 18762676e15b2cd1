import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindowConstructorOptions } from 'electron'
import { makeTempDir } from '../../helpers/temp-dir'
import { FakeContents, openDetails } from '../../helpers/fake-electron'

const windows: FakeWindow[] = []

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents()
  loaded: string | null = null
  maximized = false
  shown = false
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    windows.push(this)
  }
  loadURL(url: string) {
    this.loaded = url
    return Promise.resolve()
  }
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  show() {
    this.shown = true
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1111, height: 777 }
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}))

const { createMainWindow } = await import('../../../src/main/electron/main-window')

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
  windows.length = 0
})
afterEach(() => tmp.cleanup())

function open(opened: string[] = []) {
  createMainWindow({
    location: { kind: 'file', url: 'file:///app/out/renderer/index.html' },
    preloadPath: '/app/out/preload/index.cjs',
    stateFile: join(tmp.dir, 'window-state.json'),
    openExternal: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
    log: () => {},
  })
  const window = windows.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

describe('main window', () => {
  it('is created with the safe options, loads our page and shows once painted', () => {
    const window = open()
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(window.loaded).toBe('file:///app/out/renderer/index.html')
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })

  it('is guarded from the start: no navigation, no new windows', () => {
    const opened: string[] = []
    const window = open(opened)
    expect(window.webContents.fire('will-navigate', {}, 'https://evil.example/')).toBe(true)
    expect(window.webContents.windowOpenHandler?.(openDetails('https://x.example/'))).toEqual({
      action: 'deny',
    })
    expect(window.webContents.fire('will-attach-webview', {}, {}, {})).toBe(true)
  })

  it('remembers its bounds on close and reopens there', () => {
    const first = open()
    first.maximized = true
    first.emit('close')
    const file = join(tmp.dir, 'window-state.json')
    expect(existsSync(file)).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1111, height: 777 },
      maximized: true,
    })
    const second = open()
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1111, height: 777 })
    expect(second.maximized).toBe(true)
  })
})
