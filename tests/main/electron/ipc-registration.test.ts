import { describe, expect, it } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../../src/shared/ipc-contract'
import type { Handlers } from '../../../src/main/ipc/dispatch'
import { registerIpcHandlers } from '../../../src/main/electron/ipc-registration'
import { rendererLocation } from '../../../src/main/electron/renderer-location'
import { createSenderCheck } from '../../../src/main/electron/sender-check'
import { FakeContents, FakeFrame } from '../../helpers/fake-electron'

const INDEX = '/app/out/renderer/index.html'
const location = rendererLocation({
  isPackaged: true,
  devServerUrl: undefined,
  indexHtmlPath: INDEX,
})

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

function setup() {
  const registered = new Map<string, Listener>()
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      registered.set(channel, listener)
    },
    removeHandler: (channel: string) => {
      registered.delete(channel)
    },
  }
  const window = new FakeContents('file:///app/out/renderer/index.html#/lists')
  const calls: unknown[] = []
  const handlers = {
    'app:info': () => {
      calls.push('app:info')
      return Promise.resolve({ version: '1', dataDir: '/d', mode: 'real', keychain: 'available' })
    },
    'lists:create': (input: unknown) => {
      calls.push(input)
      return Promise.resolve({ id: 1, name: 'x', memberCount: 0, createdAt: '', updatedAt: '' })
    },
  } as unknown as Handlers
  const unregister = registerIpcHandlers({
    ipcMain,
    handlers,
    isTrustedSender: createSenderCheck({ mainContents: () => window.asWebContents(), location }),
    onUnexpected: () => {},
  })
  const invoke = (channel: string, event: Partial<IpcMainInvokeEvent>, input: unknown) => {
    const listener = registered.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener(event as IpcMainInvokeEvent, input)
  }
  const ownEvent = (): Partial<IpcMainInvokeEvent> => ({
    sender: window.asWebContents(),
    senderFrame: window.mainFrame as never,
  })
  return { registered, window, calls, invoke, ownEvent, unregister }
}

const FORBIDDEN = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Creator Desk window.' },
}

describe('IPC registration', () => {
  it('registers one handler per contract channel, and removes them again', () => {
    const { registered, unregister } = setup()
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    unregister()
    expect(registered.size).toBe(0)
  })

  it('answers our window’s main frame', async () => {
    const { invoke, ownEvent, calls } = setup()
    expect(await invoke('app:info', ownEvent(), {})).toEqual({
      ok: true,
      data: { version: '1', dataDir: '/d', mode: 'real', keychain: 'available' },
    })
    expect(calls).toEqual(['app:info'])
  })

  it('rejects another web contents with FORBIDDEN, without running the handler', async () => {
    const { invoke, calls } = setup()
    const stranger = new FakeContents('file:///app/out/renderer/index.html')
    const event = { sender: stranger.asWebContents(), senderFrame: stranger.mainFrame as never }
    expect(await invoke('app:info', event, {})).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
  })

  it('rejects a subframe of our window', async () => {
    const { invoke, window, calls } = setup()
    const child = new FakeFrame('file:///app/out/renderer/index.html', window.mainFrame)
    const event = { sender: window.asWebContents(), senderFrame: child as never }
    expect(await invoke('lists:create', event, { name: 'x' })).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
  })

  it('rejects a top-level frame that is not the main frame (e.g. after a swap)', async () => {
    const { invoke, window } = setup()
    const other = new FakeFrame('file:///app/out/renderer/index.html', null)
    const event = { sender: window.asWebContents(), senderFrame: other as never }
    expect(await invoke('app:info', event, {})).toEqual(FORBIDDEN)
  })

  it('rejects a sender whose frame is gone', async () => {
    const { invoke, window } = setup()
    expect(
      await invoke('app:info', { sender: window.asWebContents(), senderFrame: null }, {}),
    ).toEqual(FORBIDDEN)
  })

  it.each([
    'https://evil.example/',
    'file:///tmp/downloaded.html',
    'file:///app/out/renderer/other.html',
    'http://localhost:5173/',
    'about:blank',
  ])('rejects our main frame when it shows %s', async (url) => {
    const { invoke, window, ownEvent } = setup()
    window.mainFrame.url = url
    expect(await invoke('app:info', ownEvent(), {})).toEqual(FORBIDDEN)
  })

  it('turns malformed input into a VALIDATION envelope through the registered handler', async () => {
    const { invoke, ownEvent, calls } = setup()
    const answer = (await invoke('lists:create', ownEvent(), { name: 42, extra: true })) as {
      ok: boolean
      error: { code: string }
    }
    expect(answer.ok).toBe(false)
    expect(answer.error.code).toBe('VALIDATION')
    expect(await invoke('app:info', ownEvent(), undefined)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(calls).toEqual([])
  })
})

describe('sender check in development', () => {
  it('trusts the dev server origin only while unpackaged', () => {
    const contents = new FakeContents('http://localhost:5173/')
    const dev = rendererLocation({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      indexHtmlPath: INDEX,
    })
    const check = createSenderCheck({ mainContents: () => contents.asWebContents(), location: dev })
    const event = { sender: contents.asWebContents(), senderFrame: contents.mainFrame as never }
    expect(check(event)).toBe(true)
    contents.mainFrame.url = 'http://localhost:5174/'
    expect(check(event)).toBe(false)

    const packaged = rendererLocation({
      isPackaged: true,
      devServerUrl: 'http://localhost:5173',
      indexHtmlPath: INDEX,
    })
    expect(packaged.kind).toBe('file')
  })
})
