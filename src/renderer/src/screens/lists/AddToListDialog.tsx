import { useEffect, useState } from 'react'
import { safeText } from '../../../../shared/safe-text'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Modal } from '../../components/Modal'
import { plural } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'

/** Adds one or many creators to an existing list or to a new one. Free: lists are local. */
export function AddToListDialog() {
  const creatorIds = useUiStore((s) => s.addToList)
  const close = useUiStore((s) => s.closeAddToList)
  const announce = useUiStore((s) => s.announce)
  const lists = useListsStore((s) => s.lists)
  const loaded = useListsStore((s) => s.loaded)
  const error = useListsStore((s) => s.error)
  const load = useListsStore((s) => s.load)
  const create = useListsStore((s) => s.create)
  const addCreators = useListsStore((s) => s.addCreators)
  const lastListId = useListsStore((s) => s.lastListId)
  const rememberList = useListsStore((s) => s.rememberList)
  const [choice, setChoice] = useState<string>('')
  const [newName, setNewName] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (creatorIds && !loaded) void load()
  }, [creatorIds, loaded, load])

  // Each opening starts on the list used last (if it still exists), never on a name typed last
  // time: that would create a duplicate list.
  useEffect(() => {
    setChoice('')
    setNewName('')
  }, [creatorIds])
  useEffect(() => {
    if (creatorIds && lastListId !== null && lists.some((l) => l.id === lastListId))
      setChoice((c) => (c === '' ? String(lastListId) : c))
  }, [creatorIds, lastListId, lists])

  if (!creatorIds) return null
  const count = plural(creatorIds.length, 'creator')

  async function submit() {
    if (!creatorIds) return
    setBusy(true)
    let listId = choice === '' || choice === 'new' ? null : Number(choice)
    let listName = lists.find((l) => l.id === listId)?.name ?? ''
    if (listId === null) {
      const created = newName.trim() === '' ? null : await create(newName.trim())
      listId = created?.id ?? null
      listName = created?.name ?? ''
    }
    const added = listId === null ? null : await addCreators(listId, creatorIds)
    setBusy(false)
    if (added === null || listId === null) return
    rememberList(listId)
    announce(
      `Added ${plural(added, 'creator')} to “${listName}”${added < creatorIds.length ? ' (the rest were already on it)' : ''}.`,
    )
    close()
  }

  const wantsNew = choice === '' || choice === 'new'
  const canSubmit = !busy && (wantsNew ? newName.trim() !== '' : true)
  return (
    <Modal title={`Add ${count} to a list`} onClose={close} testId="add-to-list-dialog">
      <label htmlFor="add-to-list-choice">List</label>
      <select id="add-to-list-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">New list…</option>
        {lists.map((l) => (
          <option key={l.id} value={String(l.id)}>
            {safeText(l.name)} ({l.memberCount})
          </option>
        ))}
      </select>
      {wantsNew && (
        <label>
          New list name
          <input value={newName} maxLength={120} onChange={(e) => setNewName(e.target.value)} />
        </label>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="modal-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canSubmit}
          onClick={() => void submit()}
        >
          {busy ? 'Adding…' : `Add ${count}`}
        </button>
      </div>
    </Modal>
  )
}
