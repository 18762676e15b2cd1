import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../src/shared/ipc-contract'
import { makeTempDir } from '../helpers/temp-dir'
import { FakeContents, FakeFrame, openDetails } from '../helpers/fake-electron'
import type { FakeWindow, Recorded } from '../helpers/fake-electron'
import { recordFigures } from './helpers/figures'

/**
 * Part 6: the Electron shell as it really starts. `runElectronApp` runs against a recording fake
 * of Electron, and the test judges what it installed: window options, the CSP on every response,
 * navigation and permission handlers, the IPC sender checks, the preload's surface and the
 * packaging fuses. Any unsafe value fails.
 */

const tmp = makeTempDir('creator-desk-electron-')
const record = vi.hoisted(() => ({ current: null as Recorded | null }))
const handled: string[] = []
const exposed = new Map<string, unknown>()

vi.mock('electron', async () => {
  const { fakeElectron, newRecord: fresh } = await import('../helpers/fake-electron')
  record.current = fresh()
  return {
    ...fakeElectron(record.current, tmp.dir),
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
    ipcRenderer: { invoke: (channel: string) => Promise.resolve(`sent ${channel}`) },
  }
})
// The shell's wiring is under test, not the services or the OS keychain behind it.
vi.mock('../../src/main/app/start-services', () => ({
  startServices: () =>
    Promise.resolve({
      handlers: Object.fromEntries(
        CHANNEL_NAMES.map((c) => [
          c,
          () => {
            handled.push(c)
            return Promise.resolve({ channel: c })
          },
        ]),
      ),
      core: {},
      info: { version: '1.0.0', dataDir: tmp.dir, mode: 'real', keychain: 'unavailable' },
      close: () => Promise.resolve(),
    }),
}))
vi.mock('../../src/main/keychain', () => ({
  openKeyStore: () => ({ keychain: 'unavailable', get: () => null }),
  osKeychainBackend: () => ({}),
}))

let window: FakeWindow
const rec = () => {
  if (record.current === null) throw new Error('electron was not mocked')
  return record.current
}
let checks = 0
const check = (ok: boolean, what: string) => {
  checks++
  expect(ok, what).toBe(true)
}

beforeAll(async () => {
  process.env.CREATOR_DATA_DIR = tmp.dir
  const { runElectronApp } = await import('../../src/main/electron/run-app')
  runElectronApp()
  await vi.waitFor(() => expect(rec().windows).toHaveLength(1))
  window = rec().windows[0] as FakeWindow
})
afterAll(() => {
  delete process.env.CREATOR_DATA_DIR
  tmp.cleanup()
  recordFigures('electron-hardening', { checks })
})

describe('Electron hardening, as the app starts', () => {
  it('turns on the sandbox for every renderer', () => {
    check(rec().sandboxEnabled, 'app.enableSandbox() was called')
    expect(rec().errors).toEqual([])
  })

  it('opens the window with safe web preferences only', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>
    const required: Record<string, unknown> = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    }
    for (const [key, value] of Object.entries(required))
      check(prefs[key] === value, `webPreferences.${key} must be ${String(value)}`)
    for (const key of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments'])
      check(prefs[key] === undefined || prefs[key] === false, `webPreferences.${key} is unset`)
    check(
      typeof prefs.preload === 'string' && /preload[/\\]index\.cjs$/.test(prefs.preload),
      'the preload is the app’s own',
    )
    check(window.loaded?.startsWith('file://') === true, 'the packaged app loads its own files')
  })

  it('sends a strict CSP with every response, replacing any other', () => {
    const listener = rec().headersListener
    if (listener === null) throw new Error('no CSP listener was installed')
    let headers: Record<string, string[]> = {}
    listener(
      {
        responseHeaders: {
          'content-security-policy': ["default-src * 'unsafe-eval'"],
          'x-a': ['1'],
        },
      },
      (r) => (headers = r.responseHeaders ?? {}),
    )
    const csp = Object.entries(headers).filter(
      ([k]) => k.toLowerCase() === 'content-security-policy',
    )
    expect(csp).toHaveLength(1)
    const policy = (csp[0]?.[1] ?? []).join(';')
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name as string, values]),
    )
    const forbidden = ["'unsafe-eval'", "'unsafe-inline'", '*', 'http:', 'https:', 'data:', 'blob:']
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src']) {
      const values = directives.get(name) ?? directives.get('default-src') ?? []
      for (const bad of forbidden) check(!values.includes(bad), `${name} must not allow ${bad}`)
    }
    for (const [name, value] of [
      ['default-src', "'self'"],
      ['object-src', "'none'"],
      ['base-uri', "'none'"],
      ['form-action', "'none'"],
      ['frame-ancestors', "'none'"],
    ] as const)
      check(directives.get(name)?.join(' ') === value, `${name} must be ${value}`)
    check(
      (directives.get('img-src') ?? []).every((v) => v === "'self'" || v === 'data:'),
      'images come from the app or data: URLs only',
    )
    expect(headers['x-a']).toEqual(['1'])
  })

  it('refuses every permission but writing to the clipboard', () => {
    const request = rec().permissionRequest
    const checkHandler = rec().permissionCheck
    if (request === null || checkHandler === null) throw new Error('no permission handlers')
    const refused = [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'window-management',
      'storage-access',
      'speaker-selection',
      'unknown',
    ]
    for (const permission of refused) {
      let granted: boolean | null = null
      request(window.webContents, permission, (ok) => (granted = ok))
      check(granted === false, `${permission} is refused when asked`)
      check(!checkHandler(window.webContents, permission), `${permission} is refused when checked`)
    }
    let copy: boolean | null = null
    request(window.webContents, 'clipboard-sanitized-write', (ok) => (copy = ok))
    expect(copy).toBe(true)
  })

  it('never navigates, opens windows or hosts webviews; web links go to the browser', () => {
    // The window's own contents, and any contents created later (guarded app-wide).
    const later = new FakeContents('about:blank')
    for (const listener of rec().appListeners.get('web-contents-created') ?? []) listener({}, later)
    for (const contents of [window.webContents, later]) {
      for (const url of [
        'https://evil.test/',
        'http://127.0.0.1:5180/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        window.loaded ?? '',
      ])
        check(contents.fire('will-navigate', {}, url), `navigation to ${url} is stopped`)
      check(contents.fire('will-redirect', {}, 'https://evil.test/'), 'redirects are stopped')
      check(contents.fire('will-attach-webview', {}), 'webviews are refused')
      check(
        contents.fire('will-frame-navigate', { isMainFrame: false, url: 'https://evil.test/' }),
        'subframes do not navigate',
      )
      for (const url of ['https://evil.test/', 'file:///etc/passwd', 'smb://host/share'])
        check(
          contents.windowOpenHandler?.(openDetails(url)).action === 'deny',
          `no window opens for ${url}`,
        )
    }
    // Only plain web links reach the system browser, each once however often it was guarded.
    expect(rec().opened.every((u) => /^https?:\/\//.test(u))).toBe(true)
    // Per contents: the link navigated to and the link opened as a window, never more.
    expect(rec().opened.filter((u) => u === 'https://evil.test/')).toHaveLength(4)
  })

  it('answers IPC only from the window’s own top frame showing the app', async () => {
    expect([...rec().ipc.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    const invoke = rec().ipc.get('lists:list')
    if (!invoke) throw new Error('lists:list is not registered')
    const main = window.webContents.mainFrame
    const stranger = new FakeContents('about:blank')
    stranger.mainFrame.url = main.url
    const senders = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: window.webContents, senderFrame: new FakeFrame(main.url, main) },
      { sender: window.webContents, senderFrame: new FakeFrame('https://evil.test/', null) },
      { sender: window.webContents, senderFrame: null },
    ]
    for (const event of senders) {
      expect(await invoke(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      checks++
    }
    expect(handled).toEqual([])
    expect(await invoke({ sender: window.webContents, senderFrame: main }, {})).toMatchObject({
      ok: true,
    })
    expect(handled).toEqual(['lists:list'])
  })

  it('ships no developer tools or reload in the packaged menu', () => {
    const roles = JSON.stringify(rec().menu)
    for (const role of ['toggleDevTools', 'reload', 'forceReload'])
      check(!roles.includes(`"${role}"`), `no ${role} in the menu`)
  })

  it('exposes only the contract’s functions to the page, never ipcRenderer', async () => {
    await import('../../src/preload/index')
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const value of Object.values(api)) check(typeof value === 'function', 'only functions')
  })
})

describe('packaging fuses', () => {
  it('flips every fuse that would let the shipped binary run other code', () => {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown }
    const config = yaml.load(readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')) as {
      asar?: unknown
      electronFuses?: Record<string, unknown>
      files?: string[]
    }
    check(config.asar === true, 'the app ships as an asar archive')
    const fuses = config.electronFuses ?? {}
    const required: Record<string, boolean> = {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    }
    for (const [fuse, value] of Object.entries(required))
      check(fuses[fuse] === value, `fuse ${fuse} must be ${String(value)}`)
    check(
      (config.files ?? []).includes('!out/preview/**'),
      'the browser preview bridge is never shipped',
    )
  })
})
