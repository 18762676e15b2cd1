import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/ipc-contract'

const exposed = new Map<string, unknown>()
const invocations: unknown[][] = []

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invocations.push(args)
      return Promise.resolve({ ok: true, data: 'answer' })
    },
    send: () => {
      throw new Error('the preload must not use send')
    },
    on: () => {
      throw new Error('the preload must not listen')
    },
  },
}))

await import('../../../src/preload/index')

describe('preload', () => {
  it('exposes only window.api', () => {
    expect([...exposed.keys()]).toEqual(['api'])
  })

  it('has exactly one function per contract channel, and nothing generic', () => {
    const api = exposed.get('api') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort())
    for (const channel of CHANNEL_NAMES) expect(typeof api[channel]).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('ipcRenderer')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes the channel with the input, returning main’s envelope', async () => {
    const api = exposed.get('api') as Record<string, (input: unknown) => Promise<unknown>>
    const input = { listId: 3, name: 'Renamed' }
    await expect(api['lists:rename']?.(input)).resolves.toEqual({ ok: true, data: 'answer' })
    expect(invocations).toEqual([['lists:rename', input]])
  })
})
