import { describe, expect, it } from 'vitest'
import type { AppInfo, Settings } from '../../../src/shared/domain'
import { CHANNEL_NAMES } from '../../../src/shared/ipc-contract'
import { createHandlers } from '../../../src/main/app/handler-table'
import { clayEmailFixtures } from '../../../src/main/app/sandbox-providers'
import type { KeyStore } from '../../../src/main/keychain'
import type { PictureCache } from '../../../src/main/pictures/picture-cache'
import type { Core } from '../../../src/main/services/core-types'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'

const settings: Settings = {
  userId: 'me',
  billingCycleDay: 1,
  limits: { discovery: 1000, report: 100, enrichment: null },
  offline: false,
  sandbox: false,
  reportMaxAgeDays: 30,
  clayMapping: {
    inputs: { fullName: null, handle: null, profileUrl: null, platform: null, companyDomain: null },
    emailPath: null,
  },
  currentClient: null,
}

function build(mode: 'sandbox' | 'real') {
  const calls: string[] = []
  const core = {
    settings: {
      get: () => Promise.resolve(settings),
      set: () => Promise.resolve(settings),
    },
    cache: {
      clear: () => {
        calls.push('cache.clear')
        return Promise.resolve({ creatorsRemoved: 3 })
      },
    },
    lists: {
      rename: (id: number, name: string) => {
        calls.push(`rename ${id} ${name}`)
        return Promise.resolve({ id, name, memberCount: 0, createdAt: '', updatedAt: '' })
      },
    },
  } as unknown as Core
  const pictures: PictureCache = {
    get: () => Promise.resolve({ dataUrl: null }),
    clear: () => {
      calls.push('pictures.clear')
      return Promise.resolve()
    },
  }
  const info: AppInfo = { version: '1.0.0', dataDir: '/d', mode, keychain: 'unavailable' }
  const handlers = createHandlers({
    core,
    keys: { status: () => ({ keychain: 'unavailable' }) } as unknown as KeyStore,
    clients: { configured: () => false, modash: {} as never, clay: {} as never },
    pictures,
    choosePath: () => Promise.resolve(null),
    mode,
    info: () => info,
    switchMode: (to) =>
      Promise.resolve({ mode: to, restarting: false, message: 'Restart Creator Desk to switch.' }),
    now: () => new Date(),
  })
  return { handlers, calls }
}

describe('handler table', () => {
  it('has a handler for every contract channel', () => {
    const { handlers } = build('real')
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('routes inputs to the core', async () => {
    const { handlers, calls } = build('real')
    await handlers['lists:rename']({ listId: 4, name: 'New' })
    expect(calls).toEqual(['rename 4 New'])
  })

  it('reports the mode the shell runs in through settings and app info', async () => {
    expect((await build('sandbox').handlers['settings:get']({})).sandbox).toBe(true)
    expect((await build('real').handlers['settings:get']({})).sandbox).toBe(false)
    expect((await build('sandbox').handlers['app:info']({})).mode).toBe('sandbox')
  })

  it('forgets pictures along with the cache', async () => {
    const { handlers, calls } = build('real')
    expect(await handlers['cache:clear']({ confirm: true })).toEqual({ creatorsRemoved: 3 })
    expect(calls).toEqual(['cache.clear', 'pictures.clear'])
  })
})

describe('sandbox Clay fixtures', () => {
  it('key every creator by username and handle, never erasing a found email', () => {
    const creators = [
      { username: 'jane', handle: 'JaneDoe', clayEmail: 'jane@x.test' },
      { username: 'jane', handle: null, clayEmail: null },
      { username: 'bob', handle: null, clayEmail: null },
    ] as unknown as SandboxCreator[]
    expect(clayEmailFixtures(creators)).toEqual({
      jane: 'jane@x.test',
      janedoe: 'jane@x.test',
      bob: null,
    })
  })
})
