import { BrowserWindow, screen } from 'electron'
import { guardWebContents } from './navigation-guards'
import type { OpenExternal } from './external-links'
import type { RendererLocation } from './renderer-location'
import { initialBounds, loadWindowState, saveWindowState } from './window-bounds'
import { mainWindowOptions } from './window-options'

export interface MainWindowOptions {
  location: RendererLocation
  preloadPath: string
  /** `<userData>/window-state.json`. */
  stateFile: string
  openExternal: OpenExternal
  icon?: string
  log: (message: string) => void
}

/** Opens the one app window where it was last left, guarded, showing our page. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFile)
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      bounds: initialBounds(saved, workAreas),
      ...(options.icon === undefined ? {} : { icon: options.icon }),
    }),
  )
  guardWebContents(window.webContents, options.openExternal)
  if (saved?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      })
    } catch (err) {
      options.log(`Could not remember the window position: ${String(err)}`)
    }
  })
  window.loadURL(options.location.url).catch((err: unknown) => {
    options.log(`The window could not load its page: ${String(err)}`)
  })
  return window
}
