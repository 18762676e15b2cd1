import { EventEmitter } from 'node:events'
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron'

/*
 * The tests' one fake of Electron: a WebContents and frames for the guards and IPC checks, and
 * (below) just enough of the whole module for `runElectronApp` to run in Node.
 */

/** Just enough of a WebContents to drive the guards: events plus the window-open handler. */
export class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null
  readonly mainFrame: FakeFrame

  constructor(url = 'file:///app/out/renderer/index.html') {
    super()
    this.mainFrame = new FakeFrame(url, null)
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents
  }

  /** Emits an event the way Electron does, returning whether a listener prevented it. */
  fire(name: string, extra: Record<string, unknown> = {}, ...args: unknown[]): boolean {
    let prevented = false
    const event = { ...extra, preventDefault: () => (prevented = true) }
    this.emit(name, event, ...args)
    return prevented
  }
}

let nextRoutingId = 1

export class FakeFrame {
  readonly processId = 4
  readonly routingId = nextRoutingId++
  constructor(
    public url: string,
    public parent: FakeFrame | null,
  ) {}
}

/** What `setWindowOpenHandler`'s handler is called with when a page asks to open `url`. */
export function openDetails(url: string): HandlerDetails {
  return {
    url,
    frameName: '',
    features: '',
    disposition: 'foreground-tab',
    referrer: { url: '', policy: 'no-referrer' },
  }
}

/**
 * Just enough of Electron for `runElectronApp` to run in Node, recording every option, handler
 * and listener it installs, so a test can judge the real values rather than a copy of them.
 */
export interface Recorded {
  windows: FakeWindow[]
  sandboxEnabled: boolean
  headersListener: HeadersListener | null
  permissionRequest: PermissionRequest | null
  permissionCheck: PermissionCheck | null
  appListeners: Map<string, ((...args: unknown[]) => void)[]>
  ipc: Map<string, (event: unknown, input: unknown) => Promise<unknown>>
  opened: string[]
  menu: unknown
  errors: string[]
}

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (ok: boolean) => void,
) => void
type PermissionCheck = (contents: unknown, permission: string) => boolean

export function newRecord(): Recorded {
  return {
    windows: [],
    sandboxEnabled: false,
    headersListener: null,
    permissionRequest: null,
    permissionCheck: null,
    appListeners: new Map(),
    ipc: new Map(),
    opened: [],
    menu: null,
    errors: [],
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents('about:blank')
  loaded: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false
  }
  isMinimized(): boolean {
    return false
  }
  show(): void {}
  restore(): void {}
  focus(): void {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 }
  }
}

function recordingWindow(record: Recorded): typeof FakeWindow {
  return class extends FakeWindow {
    constructor(options: Record<string, unknown>) {
      super(options)
      record.windows.push(this)
    }
  }
}

/** The module `vi.mock('electron')` returns, wired to `record`. */
export function fakeElectron(record: Recorded, dataDir: string) {
  const on = (event: string, listener: (...args: unknown[]) => void) => {
    record.appListeners.set(event, [...(record.appListeners.get(event) ?? []), listener])
  }
  return {
    app: {
      setPath: () => {},
      getPath: () => dataDir,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => {
        record.sandboxEnabled = true
      },
      // Judged as shipped: the packaged app, not the development build.
      isPackaged: true,
      whenReady: () => Promise.resolve(),
      on,
      quit: () => {},
      exit: () => {},
      relaunch: () => {},
      getAppPath: () => dataDir,
      getVersion: () => '1.0.0',
    },
    BrowserWindow: recordingWindow(record),
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        record.menu = menu
      },
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => record.errors.push(message),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
        record.ipc.set(channel, handler),
      removeHandler: (channel: string) => record.ipc.delete(channel),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: HeadersListener) => {
            record.headersListener = listener
          },
        },
        setPermissionRequestHandler: (handler: PermissionRequest) => {
          record.permissionRequest = handler
        },
        setPermissionCheckHandler: (handler: PermissionCheck) => {
          record.permissionCheck = handler
        },
      },
    },
    shell: {
      openExternal: (url: string) => {
        record.opened.push(url)
        return Promise.resolve()
      },
    },
  }
}
