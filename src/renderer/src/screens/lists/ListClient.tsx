import type { ListSummary } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { ClientForm } from '../../components/ClientForm'
import { useListsStore } from '../../stores/lists-store'

/**
 * The client (or campaign) a list is for, for cost attribution: a bulk job started for the list
 * is billed to it when no current client is set on the Usage screen. The line beside the field
 * says what is stored, not what is typed.
 */
export function ListClient({ list }: { list: ListSummary }) {
  const setClient = useListsStore((s) => s.setClient)
  const stored = list.client ?? null
  return (
    <ClientForm
      key={list.id}
      label="Client"
      stored={stored}
      className="list-client"
      onChoose={(client) => void setClient(list.id, client)}
    >
      <span className="hint" role="status">
        {stored === null
          ? 'Not billed to a client: bulk jobs for this list follow the current client.'
          : `Bulk jobs for this list are billed to “${safeText(stored)}” when no current client is set.`}
      </span>
    </ClientForm>
  )
}
