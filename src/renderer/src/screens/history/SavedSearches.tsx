import { useCallback, useEffect, useState } from 'react'
import type { SavedSearch } from '../../../../shared/bulk'
import { formatCredits } from '../../../../shared/credits'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { formatAge, formatInt } from '../../lib/format'
import { useUiStore } from '../../stores/ui-store'
import { refreshLines } from '../bulk/job-words'
import { useJobsStore } from '../bulk/jobs-store'
import { filtersWords } from './filters-words'

/** Named searches: which are older than N days, what refreshing them would cost, and refresh. */
export function SavedSearches({
  version,
  onOpen,
}: {
  /** Changes when a search was saved elsewhere on the screen. */
  version: number
  onOpen: (saved: SavedSearch) => void
}) {
  const [olderThanDays, setOlderThanDays] = useState(30)
  const [searches, setSearches] = useState<SavedSearch[]>([])
  const [error, setError] = useState<ErrorInfo | null>(null)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const started = useJobsStore((s) => s.started)
  const valid = Number.isInteger(olderThanDays) && olderThanDays >= 1 && olderThanDays <= 3650

  const load = useCallback(async () => {
    if (!valid) return
    const res = await call('searches:saved', { olderThanDays })
    if (res.ok) setSearches(res.data.searches)
    setError(res.ok ? null : res.error)
  }, [olderThanDays, valid])
  useEffect(() => {
    void load()
  }, [load, version])

  async function refresh(saved: SavedSearch) {
    const scope = {
      kind: 'search' as const,
      platform: saved.platform,
      filtersHash: saved.filtersHash,
    }
    const plan = await call('refresh:plan', { scope, pageAgeDays: olderThanDays })
    if (!plan.ok) return setError(plan.error)
    const ok = await askConfirm({
      title: `Refresh “${saved.name}”?`,
      lines: refreshLines(plan.data, { reports: false, pages: true, emails: false }),
      confirmLabel: 'Refresh',
    })
    if (!ok) return
    const res = await call('refresh:start', {
      scope,
      pageAgeDays: olderThanDays,
      parts: { reports: false, pages: true, emails: false },
      confirmed: { reports: 0, enrichments: 0, discovery: plan.data.pages.resultsAtMost },
    })
    if (!res.ok) return setError(res.error)
    started(res.data)
    announce(`Started “${res.data.title}”.`)
  }

  async function forget(saved: SavedSearch) {
    const res = await call('searches:forget', { savedId: saved.id })
    if (!res.ok) return setError(res.error)
    announce(`Forgot the saved search “${saved.name}”; its history stays.`)
    await load()
  }

  return (
    <section className="panel" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved searches</h2>
      <label>
        Older than (days)
        <input
          type="number"
          min={1}
          max={3650}
          value={olderThanDays}
          onChange={(e) => setOlderThanDays(Math.round(Number(e.target.value)))}
        />
      </label>
      {error && <ErrorMessage error={error} />}
      {searches.length === 0 ? (
        <p className="hint">No saved search. Save one from the history below.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Pages cached</th>
              <th scope="col">Age</th>
              <th scope="col">Refresh would cost</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {searches.map((s) => (
              <tr key={s.id} data-stale={s.stale}>
                <th scope="row" className="filters-cell">
                  {s.name}
                  <span className="hint">
                    {s.platform} · {filtersWords(s.filters)}
                  </span>
                </th>
                <td>{formatInt(s.pagesCached)}</td>
                <td>
                  {formatAge(s.ageDays)}
                  {s.stale && (
                    <span className="badge badge-stale"> older than {olderThanDays} days</span>
                  )}
                </td>
                <td>
                  {s.stale
                    ? `up to ${formatInt(s.refreshResultsAtMost)} results, ${formatCredits(s.refreshMilliCreditsAtMost)} credits`
                    : 'nothing: not older than that'}
                </td>
                <td>
                  <div className="row">
                    <button type="button" disabled={s.pagesCached === 0} onClick={() => onOpen(s)}>
                      Open (free)
                    </button>
                    <button type="button" disabled={!s.stale} onClick={() => void refresh(s)}>
                      Refresh…
                    </button>
                    <button type="button" className="ghost" onClick={() => void forget(s)}>
                      Forget
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
