import { create } from 'zustand'
import type { ListMember, ListSummary, MemberStatus } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import type { ChannelInput } from '../../../shared/ipc-contract'
import { call } from '../api/call'
import { applyListChange, applyListMembership } from './creator-updates'

export interface ListsState {
  lists: ListSummary[]
  loaded: boolean
  error: ErrorInfo | null
  currentId: number | null
  members: ListMember[]
  membersLoading: boolean
  load: () => Promise<void>
  select: (listId: number | null) => Promise<void>
  create: (name: string) => Promise<ListSummary | null>
  rename: (listId: number, name: string) => Promise<boolean>
  /** The client (or campaign) the list is for; null: none. Its bulk jobs are billed to it. */
  setClient: (listId: number, client: string | null) => Promise<boolean>
  remove: (listId: number) => Promise<boolean>
  addCreators: (listId: number, creatorIds: number[]) => Promise<number | null>
  removeMembers: (listId: number, creatorIds: number[]) => Promise<void>
  updateMember: (input: ChannelInput<'lists:update-member'>) => Promise<boolean>
  /** The same change to many members (status, tags); returns how many were changed. */
  updateMembers: (
    listId: number,
    changes: { creatorId: number; status?: MemberStatus; tags?: string[] }[],
  ) => Promise<number>
  /** The list creators were last added to, offered first next time. */
  lastListId: number | null
  rememberList: (listId: number) => void
}

const LAST_LIST_KEY = 'creator-desk:last-list'

function readLastList(): number | null {
  try {
    const n = Number(localStorage.getItem(LAST_LIST_KEY))
    return Number.isSafeInteger(n) && n > 0 ? n : null
  } catch {
    return null
  }
}

export const initialListsState = {
  lists: [],
  loaded: false,
  error: null,
  currentId: null,
  members: [],
  membersLoading: false,
  lastListId: null,
}

export const useListsStore = create<ListsState>()((set, get) => {
  const fail = (error: ErrorInfo) => set({ error })

  return {
    ...initialListsState,
    lastListId: readLastList(),
    rememberList: (listId) => {
      set({ lastListId: listId })
      try {
        localStorage.setItem(LAST_LIST_KEY, String(listId))
      } catch {
        // Remembering is a convenience; without storage the dialog starts on "New list".
      }
    },
    updateMembers: async (listId, changes) => {
      let changed = 0
      const updated = new Map<number, ListMember>()
      for (const change of changes) {
        const res = await call('lists:update-member', { listId, ...change })
        if (!res.ok) {
          fail(res.error)
          break
        }
        updated.set(change.creatorId, res.data)
        changed += 1
      }
      set({
        members: get().members.map((m) =>
          m.listId === listId ? (updated.get(m.creator.id) ?? m) : m,
        ),
      })
      return changed
    },
    load: async () => {
      const res = await call('lists:list', {})
      if (res.ok) set({ lists: res.data, loaded: true, error: null })
      else set({ loaded: true, error: res.error })
    },
    select: async (listId) => {
      set({ currentId: listId, members: [], membersLoading: listId !== null })
      if (listId === null) return
      const res = await call('lists:members', { listId })
      // A slower answer for a list the user already left must not overwrite the current one.
      if (get().currentId !== listId) return
      if (res.ok) set({ members: res.data, membersLoading: false, error: null })
      else set({ membersLoading: false, error: res.error })
    },
    create: async (name) => {
      const res = await call('lists:create', { name })
      if (!res.ok) {
        fail(res.error)
        return null
      }
      set({ lists: [...get().lists, res.data], error: null })
      return res.data
    },
    rename: async (listId, name) => {
      const res = await call('lists:rename', { listId, name })
      if (!res.ok) fail(res.error)
      else {
        set({ lists: get().lists.map((l) => (l.id === listId ? res.data : l)), error: null })
        applyListChange(listId, res.data.name)
      }
      return res.ok
    },
    setClient: async (listId, client) => {
      const res = await call('lists:set-client', { listId, client })
      if (!res.ok) fail(res.error)
      else set({ lists: get().lists.map((l) => (l.id === listId ? res.data : l)), error: null })
      return res.ok
    },
    remove: async (listId) => {
      const res = await call('lists:delete', { listId })
      if (!res.ok) {
        fail(res.error)
        return false
      }
      const wasCurrent = get().currentId === listId
      set({ lists: get().lists.filter((l) => l.id !== listId), error: null })
      applyListChange(listId, null)
      if (wasCurrent) set({ currentId: null, members: [] })
      return true
    },
    addCreators: async (listId, creatorIds) => {
      const res = await call('lists:add', { listId, creatorIds })
      if (!res.ok) {
        fail(res.error)
        return null
      }
      const name = get().lists.find((l) => l.id === listId)?.name
      if (name !== undefined) applyListMembership(creatorIds, { id: listId, name }, true)
      await get().load()
      if (get().currentId === listId) await get().select(listId)
      return res.data.added
    },
    removeMembers: async (listId, creatorIds) => {
      const res = await call('lists:remove', { listId, creatorIds })
      if (!res.ok) return fail(res.error)
      const name = get().lists.find((l) => l.id === listId)?.name ?? ''
      applyListMembership(creatorIds, { id: listId, name }, false)
      set({ members: get().members.filter((m) => !creatorIds.includes(m.creator.id)) })
      await get().load()
    },
    updateMember: async (input) => {
      const res = await call('lists:update-member', input)
      if (!res.ok) {
        fail(res.error)
        return false
      }
      set({
        members: get().members.map((m) =>
          m.creator.id === input.creatorId && m.listId === input.listId ? res.data : m,
        ),
        error: null,
      })
      return true
    },
  }
})
