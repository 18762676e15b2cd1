import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'

/** As the contract allows a client's name (`clientName` in `shared/ipc-contract.ts`). */
const CLIENT_MAX = 80

/**
 * A client (or campaign) name to tag paid work with: typed, then saved with "Set client" or
 * removed with "Clear client". The field follows what is stored when that changes elsewhere;
 * `children` say what the stored value means, beside the buttons.
 */
export function ClientForm({
  label,
  stored,
  onChoose,
  className,
  children,
}: {
  label: string
  stored: string | null
  onChoose: (client: string | null) => void
  className?: string
  children?: ReactNode
}) {
  const [draft, setDraft] = useState(stored ?? '')
  useEffect(() => setDraft(stored ?? ''), [stored])
  const trimmed = draft.trim()
  return (
    <form
      className={className ? `row ${className}` : 'row'}
      onSubmit={(e) => {
        e.preventDefault()
        onChoose(trimmed === '' ? null : trimmed)
      }}
    >
      <label>
        {label}
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
        <button type="button" className="ghost" onClick={() => onChoose(null)}>
          Clear client
        </button>
      )}
      {children}
    </form>
  )
}
