import { create } from 'zustand'

export type Screen = 'search' | 'lists' | 'bulk' | 'history' | 'usage' | 'settings'

/** What the profile should do once it has loaded, when opened by a shortcut (r / e). */
export type ProfileIntent = 'report' | 'email' | null

export interface ConfirmRequest {
  title: string
  lines: string[]
  confirmLabel: string
  resolve: (ok: boolean) => void
}

export interface UiState {
  screen: Screen
  profileId: number | null
  profileIntent: ProfileIntent
  paletteOpen: boolean
  helpOpen: boolean
  /** Creators waiting for the "Add to list" dialog, or null when it is closed. */
  addToList: number[] | null
  /** The latest status line for the aria-live region. */
  status: string
  confirm: ConfirmRequest | null
  navigate: (screen: Screen) => void
  openProfile: (creatorId: number, intent?: ProfileIntent) => void
  closeProfile: () => void
  clearIntent: () => void
  setPaletteOpen: (open: boolean) => void
  setHelpOpen: (open: boolean) => void
  openAddToList: (creatorIds: number[]) => void
  closeAddToList: () => void
  announce: (status: string) => void
  askConfirm: (request: Omit<ConfirmRequest, 'resolve'>) => Promise<boolean>
  settleConfirm: (ok: boolean) => void
}

export const initialUiState = {
  screen: 'search' as Screen,
  profileId: null,
  profileIntent: null,
  paletteOpen: false,
  helpOpen: false,
  addToList: null,
  status: '',
  confirm: null,
}

export const useUiStore = create<UiState>()((set, get) => ({
  ...initialUiState,
  navigate: (screen) => set({ screen, profileId: null }),
  openProfile: (creatorId, intent = null) => set({ profileId: creatorId, profileIntent: intent }),
  closeProfile: () => set({ profileId: null, profileIntent: null }),
  clearIntent: () => set({ profileIntent: null }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  openAddToList: (creatorIds) => {
    if (creatorIds.length === 0) {
      set({ status: 'Select at least one creator first.' })
      return
    }
    set({ addToList: creatorIds })
  },
  closeAddToList: () => set({ addToList: null }),
  announce: (status) => set({ status }),
  // A paid action awaits this; a second request cancels the first rather than stacking dialogs.
  askConfirm: (request) =>
    new Promise<boolean>((resolve) => {
      get().confirm?.resolve(false)
      set({ confirm: { ...request, resolve } })
    }),
  settleConfirm: (ok) => {
    const pending = get().confirm
    set({ confirm: null })
    pending?.resolve(ok)
  },
}))
