import { useState } from 'react'
import { safeText } from '../../../../shared/safe-text'
import { formatInt } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'

export function ListSidebar() {
  const lists = useListsStore((s) => s.lists)
  const currentId = useListsStore((s) => s.currentId)
  const select = useListsStore((s) => s.select)
  const create = useListsStore((s) => s.create)
  const [name, setName] = useState('')

  async function onCreate() {
    const created = await create(name.trim())
    if (created) {
      setName('')
      await select(created.id)
    }
  }

  return (
    <nav className="list-sidebar" aria-label="Lists">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() !== '') void onCreate()
        }}
      >
        <label>
          New list name
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          Create list
        </button>
      </form>
      {lists.length === 0 ? (
        <p className="muted">No lists yet. Create one, or add creators from search.</p>
      ) : (
        <ul>
          {lists.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={l.id === currentId ? 'true' : undefined}
                onClick={() => void select(l.id)}
              >
                {safeText(l.name)} <span className="muted">({formatInt(l.memberCount)})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
