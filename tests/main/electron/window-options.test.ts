import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../src/main/electron/window-options'

describe('main window options', () => {
  const options = mainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    bounds: { x: 10, y: 20, width: 1200, height: 800 },
  })

  it('isolates the page: sandboxed, no Node, its own world, same-origin rules on', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('never turns on experimental or remote-content features', () => {
    const prefs = options.webPreferences ?? {}
    expect(prefs).not.toHaveProperty('experimentalFeatures', true)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('nodeIntegration', true)
  })

  it('opens where it was asked to, hidden until painted', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false })
  })
})
