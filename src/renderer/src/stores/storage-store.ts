import { create } from 'zustand'
import type { ErrorInfo } from '../../../shared/errors'
import type { DbStatus, RecoveryReport, RestoreReport } from '../../../shared/storage-health'
import { call } from '../api/call'
import { onDatabaseDamaged } from '../api/damage-signal'
import { clearPictureCache } from '../components/CreatorPicture'
import { initialListsState, useListsStore } from './lists-store'
import { initialProfileState, useProfileStore } from './profile-store'
import { useQuotaStore } from './quota-store'
import { initialSearchState, useSearchStore } from './search-store'
import { useSelectionStore } from './selection-store'
import { useSettingsStore } from './settings-store'

export type StorageOutcome =
  { kind: 'recover'; report: RecoveryReport } | { kind: 'restore'; report: RestoreReport }

export interface StorageState {
  status: DbStatus | null
  /** A recovery or a restore under way. */
  working: 'recover' | 'restore' | null
  /** What the last recovery or restore did, shown until the user goes on. */
  outcome: StorageOutcome | null
  error: ErrorInfo | null
  check: () => Promise<void>
  recover: () => Promise<void>
  restore: (name: string) => Promise<void>
  /** Back to the app, on the new database: everything shown before is read again. */
  goOn: () => void
}

export const initialStorageState = { status: null, working: null, outcome: null, error: null }

/** The database file's health: the app shows the recovery screen while it is damaged. */
export const useStorageStore = create<StorageState>()((set, get) => ({
  ...initialStorageState,
  check: async () => {
    const res = await call('db:status', {})
    // An app without these channels (an older main) is taken to be sound.
    if (res.ok) set({ status: res.data })
  },
  recover: async () => {
    if (get().working) return
    set({ working: 'recover', error: null })
    const res = await call('db:recover', {})
    set(res.ok ? { outcome: { kind: 'recover', report: res.data } } : { error: res.error })
    set({ working: null })
    await get().check()
  },
  restore: async (name) => {
    if (get().working) return
    set({ working: 'restore', error: null })
    const res = await call('db:restore-backup', { name })
    set(res.ok ? { outcome: { kind: 'restore', report: res.data } } : { error: res.error })
    set({ working: null })
    await get().check()
  },
  goOn: () => {
    set({ outcome: null, error: null })
    // The file underneath was replaced: nothing read from the old one may be shown as current.
    useSearchStore.setState({ ...initialSearchState, known: {} })
    useListsStore.setState({ ...initialListsState })
    useProfileStore.setState({ ...initialProfileState })
    useSelectionStore.getState().reset()
    clearPictureCache()
    void useSettingsStore.getState().load()
    void useQuotaStore.getState().refresh()
  },
}))

/** True while the recovery screen should replace the app. */
export const selectShowRecovery = (s: StorageState): boolean =>
  s.status?.state === 'damaged' || s.working !== null || s.outcome !== null

onDatabaseDamaged(() => void useStorageStore.getState().check())
