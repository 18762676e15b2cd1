import type { CreatorSummary, EmailInfo } from '../../../shared/domain'
import { emailPatch } from '../lib/creator-status'
import { useListsStore } from './lists-store'
import { useSearchStore } from './search-store'

/**
 * What a purchase or a list change teaches about a creator reaches every place that shows them
 * at once: the loaded search results (kept per platform) and the open list's members. Nothing is
 * fetched again; the answer main returned is the news.
 */
export function patchCreator(id: number, patch: Partial<CreatorSummary>): void {
  const search = useSearchStore.getState()
  if (search.rows.some((r) => r.creator.id === id)) {
    useSearchStore.setState({
      rows: search.rows.map((r) =>
        r.creator.id === id ? { ...r, creator: { ...r.creator, ...patch } } : r,
      ),
    })
  }
  const lists = useListsStore.getState()
  if (lists.members.some((m) => m.creator.id === id)) {
    useListsStore.setState({
      members: lists.members.map((m) =>
        m.creator.id === id ? { ...m, creator: { ...m.creator, ...patch } } : m,
      ),
    })
  }
}

/** A creator as main now has them (after a report was bought or a profile read). */
export function applyCreator(creator: CreatorSummary): void {
  // A summary without `lists` says nothing about lists: keep what the row knew.
  const { lists, ...rest } = creator
  patchCreator(creator.id, lists === undefined ? rest : creator)
}

export function applyEmail(creatorId: number, email: EmailInfo): void {
  patchCreator(creatorId, emailPatch(email))
  if (email.status === 'found' && email.email !== null) {
    const lists = useListsStore.getState()
    if (lists.members.some((m) => m.creator.id === creatorId)) {
      useListsStore.setState({
        members: lists.members.map((m) =>
          m.creator.id === creatorId ? { ...m, email: email.email } : m,
        ),
      })
    }
  }
}

/** Adds or removes one list on the loaded rows of these creators. */
export function applyListMembership(
  creatorIds: readonly number[],
  list: { id: number; name: string },
  member: boolean,
): void {
  const ids = new Set(creatorIds)
  const { rows } = useSearchStore.getState()
  if (!rows.some((r) => ids.has(r.creator.id))) return
  useSearchStore.setState({
    rows: rows.map((r) => {
      if (!ids.has(r.creator.id)) return r
      const others = (r.creator.lists ?? []).filter((l) => l.id !== list.id)
      const lists = member ? [...others, list] : others
      return { ...r, creator: { ...r.creator, lists } }
    }),
  })
}

/** A list renamed or deleted: the rows that name it follow. */
export function applyListChange(listId: number, name: string | null): void {
  const { rows } = useSearchStore.getState()
  if (!rows.some((r) => r.creator.lists?.some((l) => l.id === listId))) return
  useSearchStore.setState({
    rows: rows.map((r) => {
      const lists = r.creator.lists
      if (!lists?.some((l) => l.id === listId)) return r
      const next =
        name === null
          ? lists.filter((l) => l.id !== listId)
          : lists.map((l) => (l.id === listId ? { ...l, name } : l))
      return { ...r, creator: { ...r.creator, lists: next } }
    }),
  })
}
