import { useEffect, useState } from 'react'
import type { ListSummary } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { useListsStore } from '../../stores/lists-store'

/** As the contract allows a client's name (`clientName` in `shared/ipc-contract.ts`). */
const CLIENT_MAX = 80

/**
 * The client (or campaign) a list is for, for cost attribution: a bulk job started for the list
 * is billed to it when no current client is set on the Usage screen. Saved only on "Set client";
 * what is shown under the field is what is stored, not what is typed.
 */
export function ListClient({ list }: { list: ListSummary }) {
  const setClient = useListsStore((s) => s.setClient)
  const stored = list.client ?? null
  const [draft, setDraft] = useState(stored ?? '')
  // Another list chosen, or the client changed elsewhere: the field shows what is stored.
  useEffect(() => setDraft(stored ?? ''), [list.id, stored])
  const trimmed = draft.trim()

  return (
    <form
      className="row list-client"
      onSubmit={(e) => {
        e.preventDefault()
        void setClient(list.id, trimmed === '' ? null : trimmed)
      }}
    >
      <label>
        Client
        <input
          value={draft}
          maxLength={CLIENT_MAX}
          placeholder="None"
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" disabled={trimmed === (stored ?? '')}>
        Set client
      </button>
      {stored !== null && (
        <button type="button" className="ghost" onClick={() => void setClient(list.id, null)}>
          Clear client
        </button>
      )}
      <span className="hint" role="status">
        {stored === null
          ? 'Not billed to a client: bulk jobs for this list follow the current client.'
          : `Bulk jobs for this list are billed to “${safeText(stored)}” when no current client is set.`}
      </span>
    </form>
  )
}
