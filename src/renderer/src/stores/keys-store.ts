import { create } from 'zustand'
import type { KeyName, KeysStatus } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import { call } from '../api/call'

/**
 * Only ever holds whether a key is configured. The value typed by the user goes straight from the
 * input to `keys:set` and is never stored here.
 */
export interface KeysState {
  status: KeysStatus | null
  error: ErrorInfo | null
  testResults: Partial<Record<KeyName, { ok: boolean; message: string }>>
  busy: KeyName | null
  load: () => Promise<void>
  setKey: (key: KeyName, value: string) => Promise<boolean>
  clearKey: (key: KeyName) => Promise<void>
  testKey: (key: 'modash' | 'clay') => Promise<void>
}

export const initialKeysState = { status: null, error: null, testResults: {}, busy: null }

export const useKeysStore = create<KeysState>()((set, get) => ({
  ...initialKeysState,
  load: async () => {
    const res = await call('keys:status', {})
    if (res.ok) set({ status: res.data, error: null })
    else set({ error: res.error })
  },
  setKey: async (key, value) => {
    set({ busy: key })
    const res = await call('keys:set', { key, value })
    if (res.ok) set({ status: res.data, error: null, busy: null })
    else set({ error: res.error, busy: null })
    return res.ok
  },
  clearKey: async (key) => {
    set({ busy: key })
    const res = await call('keys:clear', { key })
    if (res.ok)
      set({
        status: res.data,
        error: null,
        busy: null,
        testResults: { ...get().testResults, [key]: undefined },
      })
    else set({ error: res.error, busy: null })
  },
  testKey: async (key) => {
    set({ busy: key })
    const res = await call('keys:test', { key })
    const result = res.ok ? res.data : { ok: false, message: res.error.message }
    set({ busy: null, testResults: { ...get().testResults, [key]: result } })
  },
}))
