import { useEffect } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { plural } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'
import type { BatchSource, ListChoice } from './bulk-store'
import { useBulkStore } from './bulk-store'
import { costsNothing, previewLines } from './job-words'

function sourceWords(source: BatchSource): string {
  if (source.kind === 'list') return `The members of the list “${source.label}”.`
  if (source.kind === 'selection') return `${source.label}.`
  return `${plural(source.creatorIds.length, 'creator')} from the import.`
}

function ListPicker() {
  const lists = useListsStore((s) => s.lists)
  const choice = useBulkStore((s) => s.listChoice)
  const setChoice = useBulkStore((s) => s.setListChoice)
  const value = choice.kind === 'existing' ? String(choice.listId) : choice.kind
  function onSelect(next: string) {
    const picked: ListChoice =
      next === 'none'
        ? { kind: 'none' }
        : next === 'new'
          ? { kind: 'new', name: '' }
          : { kind: 'existing', listId: Number(next) }
    setChoice(picked)
  }
  return (
    <div className="row">
      <label>
        Keep them on a list
        <select value={value} onChange={(e) => onSelect(e.target.value)}>
          <option value="none">No list</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
          <option value="new">A new list…</option>
        </select>
      </label>
      {choice.kind === 'new' && (
        <label>
          New list name
          <input
            value={choice.name}
            maxLength={120}
            onChange={(e) => setChoice({ kind: 'new', name: e.target.value })}
          />
        </label>
      )}
    </div>
  )
}

/** The batch: what to get for it, its one cost preview, and the one confirmation. */
export function BatchPanel() {
  const s = useBulkStore()
  const loadLists = useListsStore((s) => s.load)
  const listsLoaded = useListsStore((s) => s.loaded)
  useEffect(() => {
    if (!listsLoaded) void loadLists()
  }, [listsLoaded, loadLists])
  const source = s.source
  if (source === null) return null
  const empty = source.kind !== 'list' && source.creatorIds.length === 0
  const nothingWanted = !s.wants.reports && !s.wants.emails
  const unnamed = s.listChoice.kind === 'new' && s.listChoice.name.trim() === ''
  return (
    <section className="panel" aria-labelledby="batch-heading">
      <h2 id="batch-heading">Batch</h2>
      <p>{sourceWords(source)}</p>
      <fieldset className="row">
        <legend>What to get</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={s.wants.reports}
            onChange={(e) => s.setWants({ reports: e.target.checked })}
          />
          Detailed reports
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.wants.emails}
            onChange={(e) => s.setWants({ emails: e.target.checked })}
          />
          Emails
        </label>
      </fieldset>
      {source.kind === 'import' && <ListPicker />}
      <div className="row">
        <button
          type="button"
          disabled={empty || nothingWanted || s.previewing}
          onClick={() => void s.runPreview()}
        >
          Preview cost
        </button>
      </div>
      {empty && <p className="hint">No creator to work on: check some handles first.</p>}
      {s.previewing && <Spinner label="Working out the cost…" />}
      {s.error && <ErrorMessage error={s.error} />}
      {s.preview && (
        <section className="cost-preview" aria-label="Cost preview">
          <ul>
            {previewLines(s.preview, s.wants).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button
            type="button"
            className="primary"
            disabled={s.starting || s.preview.creators === 0 || unnamed}
            onClick={() => void s.start()}
          >
            {costsNothing(s.preview) ? 'Start (free)…' : 'Buy…'}
          </button>
          {unnamed && <p className="hint">Name the new list first.</p>}
        </section>
      )}
    </section>
  )
}
