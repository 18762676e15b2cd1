import { create } from 'zustand'
import type { CreatorDetail } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import { safeText } from '../../../shared/safe-text'
import { call } from '../api/call'
import { remainingLine } from '../lib/cost-lines'
import { reportAction } from '../lib/report-action'
import { applyCreator, applyEmail } from './creator-updates'
import { useQuotaStore } from './quota-store'
import { useSettingsStore } from './settings-store'
import { useUiStore } from './ui-store'

export interface ProfileState {
  creatorId: number | null
  detail: CreatorDetail | null
  loading: boolean
  busy: 'report' | 'email' | null
  error: ErrorInfo | null
  load: (creatorId: number) => Promise<void>
  requestReport: () => Promise<void>
  findEmail: () => Promise<void>
  /** Stops waiting for a Clay lookup that has not answered (it was counted when it started). */
  abandonLookup: () => Promise<void>
}

export const initialProfileState = {
  creatorId: null,
  detail: null,
  loading: false,
  busy: null,
  error: null,
}

const DEFAULT_MAX_AGE_DAYS = 30

const OFFLINE_WORDS = 'Offline mode is on: nothing is bought. Turn it off in Settings to continue.'
const isOffline = () => useSettingsStore.getState().settings?.offline ?? false

/** The confirmation must show the current balance, not one from before the last purchase. */
async function freshQuota() {
  await useQuotaStore.getState().refresh()
  return useQuotaStore.getState().quota
}

export function emailBlockedUntil(detail: CreatorDetail, now = new Date()): string | null {
  const retry = detail.email.retryAfter
  return detail.email.status === 'not_found' && retry && new Date(retry) > now ? retry : null
}

export const useProfileStore = create<ProfileState>()((set, get) => ({
  ...initialProfileState,
  load: async (creatorId) => {
    set({ creatorId, loading: true, error: null, detail: null })
    const res = await call('creators:get', { creatorId })
    if (get().creatorId !== creatorId) return
    if (res.ok) {
      set({ detail: res.data, loading: false })
      applyCreator(res.data.creator)
    } else set({ error: res.error, loading: false })
  },
  requestReport: async () => {
    const { detail, busy } = get()
    if (!detail || busy) return
    const maxAge = useSettingsStore.getState().settings?.reportMaxAgeDays ?? DEFAULT_MAX_AGE_DAYS
    const action = reportAction(detail, maxAge)
    const ui = useUiStore.getState()
    if (!action.paid) {
      ui.announce(
        `The report is already owned (${action.label.toLowerCase()}); showing it costs nothing.`,
      )
      return
    }
    if (isOffline()) return ui.announce(OFFLINE_WORDS)
    const quota = await freshQuota()
    const who = detail.creator.handle ? `@${safeText(detail.creator.handle)}` : 'this creator'
    const ok = await ui.askConfirm({
      title:
        action.kind === 'get'
          ? `Buy a detailed report for ${who}?`
          : `Refresh the report for ${who}?`,
      lines: [
        'Cost: 1 report credit.',
        'Modash charges 1.00 credit for a report.',
        remainingLine(quota, 'report'),
      ],
      confirmLabel: action.kind === 'get' ? 'Get report (1 credit)' : 'Refresh report (1 credit)',
    })
    if (!ok) return
    set({ busy: 'report', error: null })
    const creatorId = detail.creator.id
    const res = await call('creators:select', {
      creatorId,
      ...(action.kind === 'refresh' ? { refresh: true } : {}),
    })
    void useQuotaStore.getState().refresh()
    // The results and lists show what was bought even if the user moved on to another profile.
    if (res.ok) applyCreator(res.data.creator)
    if (get().creatorId !== creatorId) return set({ busy: null })
    if (res.ok) {
      set({ detail: res.data, busy: null })
      ui.announce(
        res.data.reportsCharged > 0
          ? 'Report bought.'
          : 'Report loaded from the cache, nothing charged.',
      )
    } else set({ error: res.error, busy: null })
  },
  findEmail: async () => {
    const { detail, busy } = get()
    if (!detail || busy) return
    const ui = useUiStore.getState()
    if (detail.reportFetchedAt === null) {
      ui.announce('Get the detailed report first: it often contains the email already.')
      return
    }
    if (emailBlockedUntil(detail)) return ui.announce('No email was found recently; retry later.')
    if (isOffline()) return ui.announce(OFFLINE_WORDS)
    // Picking up a lookup Clay is still working on costs nothing: no confirmation to pay.
    if (!detail.email.pendingLookup) {
      const quota = await freshQuota()
      const ok = await ui.askConfirm({
        title: 'Look up an email with Clay?',
        lines: [
          'Cost: up to 1 email lookup (nothing if the report already has one).',
          remainingLine(quota, 'enrichment'),
        ],
        confirmLabel: 'Find email',
      })
      if (!ok) return
    }
    set({ busy: 'email', error: null })
    const creatorId = detail.creator.id
    const res = await call('creators:enrich', { creatorId })
    void useQuotaStore.getState().refresh()
    if (res.ok) applyEmail(creatorId, res.data.email)
    const current = get().detail
    if (get().creatorId !== creatorId || !current) return set({ busy: null })
    if (res.ok) {
      set({ detail: { ...current, email: res.data.email }, busy: null })
      ui.announce(
        res.data.email.status === 'found'
          ? 'Email found.'
          : res.data.email.pendingLookup
            ? 'Clay is still looking. Check again later at no extra cost, or abandon the lookup.'
            : 'No email found.',
      )
      return
    }
    // The lookup may have been closed or left waiting: show its state as main now has it.
    const fresh = await call('creators:get', { creatorId })
    if (fresh.ok) applyEmail(creatorId, fresh.data.email)
    if (get().creatorId !== creatorId) return set({ busy: null })
    set({ error: res.error, busy: null, ...(fresh.ok ? { detail: fresh.data } : {}) })
  },
  abandonLookup: async () => {
    const { detail, busy } = get()
    if (!detail?.email.pendingLookup || busy) return
    const ui = useUiStore.getState()
    const ok = await ui.askConfirm({
      title: 'Abandon this email lookup?',
      lines: [
        'Clay has not answered yet. The lookup was counted when it started; abandoning it refunds nothing.',
        'A new lookup later costs 1 email lookup.',
      ],
      confirmLabel: 'Abandon lookup',
    })
    if (!ok) return
    const creatorId = detail.creator.id
    const res = await call('creators:abandon-lookup', { creatorId })
    if (res.ok) applyEmail(creatorId, res.data.email)
    const current = get().detail
    if (get().creatorId !== creatorId || !current) return
    if (res.ok) {
      set({ detail: { ...current, email: res.data.email }, error: null })
      ui.announce('Lookup abandoned.')
    } else set({ error: res.error })
  },
}))
