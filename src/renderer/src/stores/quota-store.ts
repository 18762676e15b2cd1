import { create } from 'zustand'
import type { QuotaStatus } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import { call } from '../api/call'

export interface QuotaState {
  quota: QuotaStatus | null
  error: ErrorInfo | null
  loading: boolean
  refresh: () => Promise<void>
}

export const initialQuotaState = { quota: null, error: null, loading: false }

/** Refreshed at start and after every call that may have spent something. */
export const useQuotaStore = create<QuotaState>()((set) => ({
  ...initialQuotaState,
  refresh: async () => {
    set({ loading: true })
    const res = await call('usage:quota', {})
    if (res.ok) set({ quota: res.data, error: null, loading: false })
    else set({ error: res.error, loading: false })
  },
}))
