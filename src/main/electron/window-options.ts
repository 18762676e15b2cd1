import type { BrowserWindowConstructorOptions } from 'electron'
import { MIN_SIZE } from './window-bounds'

/**
 * The main window: the page gets no Node, runs in Chromium's sandbox, in its own JavaScript
 * world apart from the preload, with same-origin rules on.
 */
export function mainWindowOptions(options: {
  preloadPath: string
  bounds: { x?: number; y?: number; width: number; height: number }
  icon?: string
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Creator Desk',
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon === undefined ? {} : { icon: options.icon }),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  }
}
