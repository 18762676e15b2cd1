import { useEffect, useState } from 'react'
import { formatCredits } from '../../../../shared/credits'
import type { AuditLogPage } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { safeText } from '../../../../shared/safe-text'
import type { ChannelInput } from '../../../../shared/ipc-contract'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { actionWords, outcomeWords, subjectWords } from '../../lib/audit-words'
import { formatDateTime, formatInt } from '../../lib/format'

const PAGE_SIZE = 50

interface Filters {
  provider: '' | 'modash' | 'clay'
  action: string
  outcome: string
  /** Local calendar days, as a date field gives them ("2026-11-03"); empty for open-ended. */
  from: string
  to: string
}

const NO_FILTERS: Filters = { provider: '', action: '', outcome: '', from: '', to: '' }

/** A local day's first instant; `to` days are included whole, so they end at the next one's. */
function localDayStart(day: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

function query(filters: Filters, page: number): ChannelInput<'usage:log'> {
  const from = localDayStart(filters.from)
  const to = localDayStart(filters.to, 1)
  return {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.provider ? { provider: filters.provider } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }
}

/** What a row cost: the meter's units, and Modash's credits where Modash charged. */
function costWords(r: AuditLogPage['rows'][number]): string {
  if (r.cacheHit || (r.costUnits === 0 && r.costMilliCredits === 0)) return 'free'
  const credits = r.costMilliCredits > 0 ? ` · ${formatCredits(r.costMilliCredits)} cr` : ''
  return `${formatInt(r.costUnits)}${credits}`
}

export function AuditLogTable() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [page, setPage] = useState(0)
  const [data, setData] = useState<AuditLogPage | null>(null)
  const [choices, setChoices] = useState<NonNullable<AuditLogPage['choices']>>({
    actions: [],
    outcomes: [],
  })
  const [error, setError] = useState<ErrorInfo | null>(null)

  useEffect(() => {
    let live = true
    void call('usage:log', query(filters, page)).then((res) => {
      if (!live) return
      setData(res.ok ? res.data : null)
      if (res.ok && res.data.choices) setChoices(res.data.choices)
      setError(res.ok ? null : res.error)
    })
    return () => {
      live = false
    }
  }, [filters, page])

  const setFilter = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch })
    setPage(0)
  }
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)
  const rangeBackwards = filters.from !== '' && filters.to !== '' && filters.from > filters.to
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <div className="row audit-filters">
        <label>
          Provider
          <select
            value={filters.provider}
            onChange={(e) => setFilter({ provider: e.target.value as Filters['provider'] })}
          >
            <option value="">All</option>
            <option value="modash">Modash</option>
            <option value="clay">Clay</option>
          </select>
        </label>
        <label>
          Action
          <select value={filters.action} onChange={(e) => setFilter({ action: e.target.value })}>
            <option value="">All</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {actionWords(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={filters.outcome} onChange={(e) => setFilter({ outcome: e.target.value })}>
            <option value="">All</option>
            {choices.outcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeWords(o)}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => setFilter({ from: e.target.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => setFilter({ to: e.target.value })}
          />
        </label>
        {filtered && (
          <button type="button" className="ghost" onClick={() => setFilter(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      {rangeBackwards && (
        <p className="hint hint-error">
          The “From” day is after the “To” day, so nothing can match.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {!data && !error && <Spinner label="Loading the audit log…" />}
      {data && data.rows.length === 0 && <EmptyState title="No entries match." />}
      {data && data.rows.length > 0 && (
        <table className="table audit-table">
          <thead>
            <tr>
              {['When', 'Who', 'What', 'For', 'Outcome', 'Cost'].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                <td className="cell-wrap">{safeText(r.userId)}</td>
                <td>
                  {actionWords(r.action)}
                  <div className="muted">{r.provider === 'clay' ? 'Clay' : 'Modash'}</div>
                </td>
                <td className="cell-wrap">{subjectWords(r)}</td>
                <td>{outcomeWords(r.outcome)}</td>
                <td className="col-num nowrap">{costWords(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <span>
          Page {page + 1} of {formatInt(pages)}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </div>
    </section>
  )
}
