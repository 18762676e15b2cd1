import { create } from 'zustand'
import type { AppInfo, Settings } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import type { SettingsPatch } from '../../../shared/ipc-contract'
import { call } from '../api/call'

export interface SettingsState {
  settings: Settings | null
  appInfo: AppInfo | null
  error: ErrorInfo | null
  saving: boolean
  load: () => Promise<void>
  save: (patch: SettingsPatch) => Promise<boolean>
}

export const initialSettingsState = { settings: null, appInfo: null, error: null, saving: false }

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initialSettingsState,
  load: async () => {
    const [settings, info] = await Promise.all([call('settings:get', {}), call('app:info', {})])
    set({
      settings: settings.ok ? settings.data : null,
      appInfo: info.ok ? info.data : null,
      error: !settings.ok ? settings.error : !info.ok ? info.error : null,
    })
  },
  save: async (patch) => {
    set({ saving: true })
    const res = await call('settings:set', patch)
    if (res.ok) set({ settings: res.data, error: null, saving: false })
    else set({ error: res.error, saving: false })
    return res.ok
  },
}))

/** Offline forces cache-only answers; sandbox means nothing real is spent. */
export const selectOffline = (s: SettingsState): boolean => s.settings?.offline ?? false
export const selectSandbox = (s: SettingsState): boolean =>
  s.settings?.sandbox ?? s.appInfo?.mode === 'sandbox'
