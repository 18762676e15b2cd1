import { useState } from 'react'
import type { ListMember, MemberStatus } from '../../../../shared/domain'
import { MEMBER_STATUSES } from '../../../../shared/domain'
import { splitTokens } from '../../lib/filter-draft'
import { plural } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'
import { STATUS_WORDS, TAG_MAX, TAGS_MAX } from './MemberRow'

export type MemberSort = 'added' | 'handle' | 'followers' | 'status' | 'email'

export const MEMBER_SORTS: [MemberSort, string][] = [
  ['added', 'Recently added'],
  ['handle', 'Handle (A–Z)'],
  ['followers', 'Followers (most first)'],
  ['status', 'Status'],
  ['email', 'Email known first'],
]

/** Members matching the search, in the chosen order; all local, nothing is fetched. */
export function shownMembers(
  members: ListMember[],
  query: string,
  status: MemberStatus | '',
  sort: MemberSort,
): ListMember[] {
  const q = query.trim().toLowerCase()
  const matches = members.filter(
    (m) =>
      (status === '' || m.status === status) &&
      (q === '' ||
        [m.creator.handle, m.creator.fullName, m.email, m.notes, ...m.tags].some((v) =>
          (v ?? '').toLowerCase().includes(q),
        )),
  )
  const by: Record<MemberSort, (a: ListMember, b: ListMember) => number> = {
    added: (a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0),
    handle: (a, b) => (a.creator.handle ?? '').localeCompare(b.creator.handle ?? ''),
    followers: (a, b) => (b.creator.followers ?? -1) - (a.creator.followers ?? -1),
    status: (a, b) => MEMBER_STATUSES.indexOf(a.status) - MEMBER_STATUSES.indexOf(b.status),
    email: (a, b) => Number(b.email !== null) - Number(a.email !== null),
  }
  return [...matches].sort(by[sort])
}

export function MemberFilters({
  query,
  setQuery,
  status,
  setStatus,
  sort,
  setSort,
}: {
  query: string
  setQuery: (q: string) => void
  status: MemberStatus | ''
  setStatus: (s: MemberStatus | '') => void
  sort: MemberSort
  setSort: (s: MemberSort) => void
}) {
  return (
    <div className="row member-filters">
      <label className="grow">
        Search this list
        <input
          type="search"
          value={query}
          maxLength={100}
          placeholder="Handle, name, email, note or tag"
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as MemberStatus | '')}>
          <option value="">Any</option>
          {MEMBER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort by
        <select value={sort} onChange={(e) => setSort(e.target.value as MemberSort)}>
          {MEMBER_SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/** Changes to every checked member at once: status, a tag added or taken off, removal. */
export function BulkBar({
  listId,
  selected,
  members,
  clear,
}: {
  listId: number
  selected: number[]
  members: ListMember[]
  clear: () => void
}) {
  const updateMembers = useListsStore((s) => s.updateMembers)
  const removeMembers = useListsStore((s) => s.removeMembers)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const [tag, setTag] = useState('')
  const [busy, setBusy] = useState(false)
  if (selected.length === 0) return null
  const chosen = members.filter((m) => selected.includes(m.creator.id))
  const count = plural(chosen.length, 'member')

  async function run(work: () => Promise<void>) {
    setBusy(true)
    await work()
    setBusy(false)
  }

  const setStatus = (status: MemberStatus) =>
    run(async () => {
      const changes = chosen
        .filter((m) => m.status !== status)
        .map((m) => ({ creatorId: m.creator.id, status }))
      const n = await updateMembers(listId, changes)
      announce(`${plural(n, 'member')} set to ${STATUS_WORDS[status]}.`)
    })

  const changeTag = (add: boolean) =>
    run(async () => {
      const name = splitTokens(tag)[0]?.slice(0, TAG_MAX)
      if (!name) return announce('Type a tag first.')
      const changes = chosen.flatMap((m) => {
        const has = m.tags.includes(name)
        if (add === has) return []
        if (add && m.tags.length >= TAGS_MAX) return []
        const tags = add ? [...m.tags, name] : m.tags.filter((t) => t !== name)
        return [{ creatorId: m.creator.id, tags }]
      })
      const n = await updateMembers(listId, changes)
      announce(
        add
          ? `Tag “${name}” added to ${plural(n, 'member')}.`
          : `Tag “${name}” removed from ${plural(n, 'member')}.`,
      )
      setTag('')
    })

  const remove = () =>
    run(async () => {
      const ok = await askConfirm({
        title: `Remove ${count} from this list?`,
        lines: ['Their notes, tags and statuses on this list are removed. Cached data is kept.'],
        confirmLabel: `Remove ${count}`,
      })
      if (!ok) return
      await removeMembers(
        listId,
        chosen.map((m) => m.creator.id),
      )
      announce(`Removed ${count}.`)
      clear()
    })

  return (
    <div className="bulk-bar" role="group" aria-label={`Change ${count} at once`}>
      <span className="bulk-count">{count} selected</span>
      <label>
        Set status
        <select
          value=""
          disabled={busy}
          onChange={(e) => e.target.value && void setStatus(e.target.value as MemberStatus)}
        >
          <option value="">Choose…</option>
          {MEMBER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <input value={tag} maxLength={TAG_MAX} onChange={(e) => setTag(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={busy || tag.trim() === ''}
        onClick={() => void changeTag(true)}
      >
        Add tag
      </button>
      <button
        type="button"
        disabled={busy || tag.trim() === ''}
        onClick={() => void changeTag(false)}
      >
        Remove tag
      </button>
      <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
        Remove from list
      </button>
      <button type="button" className="ghost" onClick={clear}>
        Clear selection
      </button>
    </div>
  )
}
