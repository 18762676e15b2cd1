import { useEffect } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { useListsStore } from '../../stores/lists-store'
import { ListHeader } from './ListHeader'
import { ListSidebar } from './ListSidebar'
import { MemberRow } from './MemberRow'

function Members() {
  const members = useListsStore((s) => s.members)
  const loading = useListsStore((s) => s.membersLoading)
  if (loading) return <Spinner label="Loading members…" />
  if (members.length === 0) {
    return (
      <EmptyState title="This list is empty.">
        Add creators from Search or from a profile (press s).
      </EmptyState>
    )
  }
  return (
    <table className="table">
      <caption className="visually-hidden">List members</caption>
      <thead>
        <tr>
          <th scope="col">Creator</th>
          <th scope="col">Followers</th>
          <th scope="col">ER</th>
          <th scope="col">Email</th>
          <th scope="col">Status</th>
          <th scope="col">Tags</th>
          <th scope="col">Notes</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <MemberRow key={`${m.listId}:${m.creator.id}`} member={m} />
        ))}
      </tbody>
    </table>
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
            <ListHeader key={current.id} list={current} members={members} />
            <Members />
          </>
        ) : (
          loaded && <EmptyState title="Choose a list on the left." />
        )}
      </section>
    </div>
  )
}
