import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  BrowserWindow as ElectronWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  session,
  shell,
} from 'electron'
import type { BrowserWindow } from 'electron'
import { readLaunchMode, resolveAppMode, writeLaunchMode } from '../app/app-mode'
import type { AppMode } from '../app/app-mode'
import { startServices } from '../app/start-services'
import type { RunningServices } from '../app/start-services'
import { openKeyStore, osKeychainBackend } from '../keychain'
import { resolveNativeBinding } from '../native-binding'
import { appMenuTemplate } from './app-menu'
import { registerIpcHandlers } from './ipc-registration'
import { createMainWindow } from './main-window'
import { rendererLocation } from './renderer-location'
import { saveDialogChooser } from './save-dialog'
import { secureSession } from './secure-session'
import { createSenderCheck } from './sender-check'
import {
  setLineScript,
  upgradePageUrl,
  upgradeProgress,
  upgradeWindowOptions,
} from './upgrade-window'
import type { ProgressWindow } from './upgrade-window'
import { WINDOW_STATE_FILE } from './window-bounds'

const log = (message: string) => console.log(`[creator-desk] ${message}`)

/** The Electron app's lifecycle: one instance, services first, then the window. */
export function runElectronApp(): void {
  // One data folder whatever the build calls itself; CREATOR_DATA_DIR isolates test runs. Set
  // before taking the instance lock, which lives in userData, so isolated runs do not collide.
  const baseDataDir = process.env.CREATOR_DATA_DIR
    ? resolve(process.env.CREATOR_DATA_DIR)
    : join(app.getPath('appData'), 'Creator Desk')
  app.setPath('userData', baseDataDir)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()

  const location = rendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtmlPath: join(__dirname, '../renderer/index.html'),
  })
  const mode = resolveAppMode(process.env, readLaunchMode(baseDataDir))
  const openExternal = (url: string) => shell.openExternal(url)
  let window: BrowserWindow | null = null
  let services: RunningServices | null = null

  app.on('second-instance', () => {
    if (window === null) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })

  const openWindow = () => {
    window = createMainWindow({
      location,
      preloadPath: join(__dirname, '../preload/index.cjs'),
      stateFile: join(baseDataDir, WINDOW_STATE_FILE),
      openExternal,
      log,
    })
    window.on('closed', () => (window = null))
  }

  const start = async () => {
    secureSession({ app, session: session.defaultSession, location, openExternal })
    const nativeBinding = resolveNativeBinding({
      isElectron: true,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
      exists: existsSync,
    })
    if (nativeBinding === undefined) {
      log('No Electron build of better-sqlite3 found; run `npm run native:electron`.')
    }
    const keys = openKeyStore({ backend: () => osKeychainBackend(), env: process.env, log })
    // A one-time upgrade of a large cache takes seconds: its progress shows in a small window.
    const upgrade = upgradeProgress({ open: openUpgradeWindow })
    services = await startServices({
      baseDataDir,
      mode,
      keys,
      env: process.env,
      secrets: () => osKeychainBackend(),
      choosePath: saveDialogChooser({
        window: () => window,
        defaultDir: () => app.getPath('downloads'),
      }),
      version: app.getVersion(),
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
      restart: relaunchSoon,
      onUpgradeProgress: upgrade.report,
    }).finally(upgrade.close)
    registerIpcHandlers({
      ipcMain,
      handlers: services.handlers,
      isTrustedSender: createSenderCheck({
        mainContents: () => window?.webContents ?? null,
        location,
      }),
      onUnexpected: (err) =>
        log(`Unexpected error: ${err instanceof Error ? err.stack : String(err)}`),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(mode, baseDataDir)))
    openWindow()
  }

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox(
        'Creator Desk could not start',
        err instanceof Error ? err.message : String(err),
      )
      app.exit(1)
    })

  app.on('activate', () => {
    if (window === null && services !== null) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (services === null || closing) return
    // Let the database checkpoint and the emulators stop before the process goes.
    event.preventDefault()
    closing = true
    services
      .close()
      .catch((err: unknown) => log(`Closing failed: ${String(err)}`))
      .finally(() => {
        services = null
        app.quit()
      })
  })
}

function menuTemplate(mode: AppMode, baseDataDir: string) {
  return appMenuTemplate({
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    mode,
    // SANDBOX in the environment overrides the remembered choice, so switching would not stick.
    canSwitchMode: process.env.SANDBOX === undefined,
    onSwitchMode: () => {
      writeLaunchMode(baseDataDir, mode === 'sandbox' ? 'real' : 'sandbox')
      relaunchSoon()
    },
  })
}

/** The upgrade's progress window (`upgrade-window.ts`), shown once its page has loaded. */
function openUpgradeWindow(): ProgressWindow {
  const window = new ElectronWindow(upgradeWindowOptions())
  const alive = () => !window.isDestroyed()
  return {
    ready: window.loadURL(upgradePageUrl()).then(() => {
      if (alive()) window.show()
    }),
    setLine: async (line) => {
      if (alive()) await window.webContents.executeJavaScript(setLineScript(line))
    },
    close: () => {
      if (alive()) window.destroy()
    },
  }
}

/** Relaunch after the current IPC answer has gone out, so the page hears why it closes. */
function relaunchSoon(): void {
  setTimeout(() => {
    app.relaunch()
    app.quit()
  }, 250)
}
