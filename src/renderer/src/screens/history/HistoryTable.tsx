import { useState } from 'react'
import type { SearchHistoryEntry } from '../../../../shared/bulk'
import { formatCredits } from '../../../../shared/credits'
import { ageInDays, formatAge, formatInt } from '../../lib/format'
import { filtersWords } from './filters-words'

function SaveForm({ onSave }: { onSave: (name: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  if (!open)
    return (
      <button type="button" className="ghost" onClick={() => setOpen(true)}>
        Save…
      </button>
    )
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault()
        void onSave(name.trim()).then((ok) => ok && setOpen(false))
      }}
    >
      <label>
        Name
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <button type="submit" disabled={name.trim() === ''}>
        Save search
      </button>
    </form>
  )
}

/** Every search run, with its cost and how much of it the cache still holds. */
export function HistoryTable({
  entries,
  onOpen,
  onSave,
}: {
  entries: SearchHistoryEntry[]
  onOpen: (entry: SearchHistoryEntry) => void
  onSave: (entry: SearchHistoryEntry, name: string) => Promise<boolean>
}) {
  if (entries.length === 0) return <p className="hint">No search yet.</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Search</th>
          <th scope="col">Last run</th>
          <th scope="col">Runs</th>
          <th scope="col">Pages cached</th>
          <th scope="col">Cost</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={`${e.platform}:${e.filtersHash}`}>
            <th scope="row" className="filters-cell">
              {e.savedName ? <strong>{e.savedName}: </strong> : null}
              {e.platform} · {filtersWords(e.filters)}
            </th>
            <td>{formatAge(ageInDays(e.lastRunAt))}</td>
            <td>{formatInt(e.runs)}</td>
            <td>
              {formatInt(e.pagesCached)}
              {e.newestPageAt ? ` (${formatAge(ageInDays(e.oldestPageAt))})` : ''}
            </td>
            <td>
              {formatInt(e.resultsCharged)} results, {formatCredits(e.milliCredits)} credits
            </td>
            <td>
              <div className="row">
                <button type="button" disabled={e.pagesCached === 0} onClick={() => onOpen(e)}>
                  Open (free)
                </button>
                {e.savedId === null && <SaveForm onSave={(name) => onSave(e, name)} />}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
