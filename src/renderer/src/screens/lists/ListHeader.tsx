import { useState } from 'react'
import type { ListMember, ListSummary } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { plural } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'
import { ListBulkAction } from '../bulk/BulkActions'
import { ExportStatus } from '../../components/ExportStatus'
import { useExport } from './use-export'
import { ListClient } from './ListClient'

async function copyEmails(members: ListMember[], announce: (s: string) => void) {
  const emails = [...new Set(members.flatMap((m) => (m.email ? [m.email] : [])))]
  if (emails.length === 0) return announce('No member of this list has a known email.')
  try {
    await navigator.clipboard.writeText(emails.join('\n'))
    announce(`Copied ${plural(emails.length, 'email')} to the clipboard.`)
  } catch {
    announce('The clipboard is not available.')
  }
}

export function ListHeader({ list, members }: { list: ListSummary; members: ListMember[] }) {
  const rename = useListsStore((s) => s.rename)
  const remove = useListsStore((s) => s.remove)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(list.name)
  const exporter = useExport(list.id)

  async function onDelete() {
    const ok = await askConfirm({
      title: `Delete the list “${safeText(list.name)}”?`,
      lines: [
        `${plural(list.memberCount, 'member')}, their notes, tags and statuses will be removed.`,
        'Cached creator data and reports are kept.',
      ],
      confirmLabel: 'Delete list',
    })
    if (ok && (await remove(list.id))) announce(`Deleted “${safeText(list.name)}”.`)
  }

  return (
    <header className="list-header">
      {editing ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault()
            void rename(list.id, name.trim()).then((ok) => ok && setEditing(false))
          }}
        >
          <label>
            List name
            <input
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" disabled={name.trim() === ''}>
            Save name
          </button>
          <button type="button" className="ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h2>{safeText(list.name)}</h2>
      )}
      <div className="row">
        {!editing && (
          <button
            type="button"
            onClick={() => {
              setName(list.name)
              setEditing(true)
            }}
          >
            Rename
          </button>
        )}
        <button type="button" onClick={() => void copyEmails(members, announce)}>
          Copy all emails
        </button>
        <button
          type="button"
          disabled={exporter.state.kind === 'busy'}
          onClick={() => void exporter.run()}
        >
          Export CSV
        </button>
        <label
          className="check"
          title="A byte order mark makes Excel read names and notes in any language correctly"
        >
          <input
            type="checkbox"
            checked={exporter.bom}
            onChange={(e) => exporter.setBom(e.target.checked)}
          />
          For Excel
        </label>
        <ListBulkAction list={list} />
        <button type="button" className="danger" onClick={() => void onDelete()}>
          Delete list
        </button>
      </div>
      <ListClient list={list} />
      <ExportStatus state={exporter.state} />
    </header>
  )
}
