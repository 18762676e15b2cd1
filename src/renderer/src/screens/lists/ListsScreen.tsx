import { useEffect, useMemo, useState } from 'react'
import type { MemberStatus } from '../../../../shared/domain'
import { ErrorMessage } from '../../components/ErrorMessage'
import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { useListsStore } from '../../stores/lists-store'
import { ListHeader } from './ListHeader'
import { ListSidebar } from './ListSidebar'
import { MemberRow } from './MemberRow'
import type { MemberSort } from './MemberToolbar'
import { BulkBar, MemberFilters, shownMembers } from './MemberToolbar'

function Members({ listId }: { listId: number }) {
  const members = useListsStore((s) => s.members)
  const loading = useListsStore((s) => s.membersLoading)
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<MemberStatus | ''>('')
  const [sort, setSort] = useState<MemberSort>('added')
  const [selected, setSelected] = useState<number[]>([])
  const [anchor, setAnchor] = useState<number | null>(null)
  const shown = useMemo(
    () => shownMembers(members, query, status, sort),
    [members, query, status, sort],
  )
  // Members that left the list leave the selection too.
  useEffect(() => {
    setSelected((s) => s.filter((id) => members.some((m) => m.creator.id === id)))
  }, [members])

  if (loading) return <Spinner label="Loading members…" />
  if (members.length === 0) {
    return (
      <EmptyState title="This list is empty.">
        Add creators from Search or from a profile (press s).
      </EmptyState>
    )
  }
  const ids = shown.map((m) => m.creator.id)
  const allChecked = ids.length > 0 && ids.every((id) => selected.includes(id))
  const onCheck = (id: number, on: boolean, shift: boolean) => {
    const from = anchor === null ? -1 : ids.indexOf(anchor)
    const to = ids.indexOf(id)
    const range =
      shift && from >= 0 && to >= 0 ? ids.slice(Math.min(from, to), Math.max(from, to) + 1) : [id]
    setSelected((s) => (on ? [...new Set([...s, ...range])] : s.filter((x) => !range.includes(x))))
    setAnchor(id)
  }
  return (
    <>
      <MemberFilters
        query={query}
        setQuery={setQuery}
        status={status}
        setStatus={setStatus}
        sort={sort}
        setSort={setSort}
      />
      <BulkBar
        listId={listId}
        selected={selected}
        members={members}
        clear={() => setSelected([])}
      />
      {shown.length === 0 ? (
        <EmptyState title="No member matches." />
      ) : (
        <div className="table-scroll">
          <table className="table members-table">
            <caption className="visually-hidden">List members</caption>
            <thead>
              <tr>
                <th scope="col" className="col-check w-check">
                  <input
                    type="checkbox"
                    aria-label="Select every member shown"
                    checked={allChecked}
                    onChange={(e) =>
                      setSelected(
                        e.target.checked
                          ? [...new Set([...selected, ...ids])]
                          : selected.filter((x) => !ids.includes(x)),
                      )
                    }
                  />
                </th>
                <th scope="col" className="w-creator">
                  Creator
                </th>
                <th scope="col" className="col-num w-num col-followers">
                  Followers
                </th>
                <th scope="col" className="w-email">
                  Email
                </th>
                <th scope="col" className="w-status">
                  Status
                </th>
                <th scope="col" className="w-tags">
                  Tags
                </th>
                <th scope="col">Notes</th>
                <th scope="col" className="w-remove">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <MemberRow
                  key={`${m.listId}:${m.creator.id}`}
                  member={m}
                  checked={selected.includes(m.creator.id)}
                  onCheck={onCheck}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export function ListsScreen() {
  const load = useListsStore((s) => s.load)
  const loaded = useListsStore((s) => s.loaded)
  const lists = useListsStore((s) => s.lists)
  const currentId = useListsStore((s) => s.currentId)
  const members = useListsStore((s) => s.members)
  const error = useListsStore((s) => s.error)
  useEffect(() => {
    void load()
  }, [load])
  const current = lists.find((l) => l.id === currentId) ?? null
  return (
    <div className="lists-screen">
      <h1 className="visually-hidden">Lists</h1>
      <ListSidebar />
      <section className="list-detail" aria-label="List members">
        {error && <ErrorMessage error={error} />}
        {!loaded && <Spinner label="Loading lists…" />}
        {current ? (
          <>
            <ListHeader key={`header-${current.id}`} list={current} members={members} />
            <Members key={`members-${current.id}`} listId={current.id} />
          </>
        ) : (
          loaded && <EmptyState title="Choose a list on the left." />
        )}
      </section>
    </div>
  )
}
