import { useEffect, useState } from 'react'
import type { AuditLogPage } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { formatDateTime, formatInt } from '../../lib/format'

const PAGE_SIZE = 50

interface Filters {
  provider: '' | 'modash' | 'clay'
  action: string
  outcome: string
}

export function AuditLogTable() {
  const [filters, setFilters] = useState<Filters>({ provider: '', action: '', outcome: '' })
  const [page, setPage] = useState(0)
  const [data, setData] = useState<AuditLogPage | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  useEffect(() => {
    let live = true
    const input = {
      page,
      pageSize: PAGE_SIZE,
      ...(filters.provider ? { provider: filters.provider } : {}),
      ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
      ...(filters.outcome.trim() ? { outcome: filters.outcome.trim() } : {}),
    }
    void call('usage:log', input).then((res) => {
      if (!live) return
      setData(res.ok ? res.data : null)
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
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <div className="row">
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
          <input
            value={filters.action}
            maxLength={40}
            onChange={(e) => setFilter({ action: e.target.value })}
          />
        </label>
        <label>
          Outcome
          <input
            value={filters.outcome}
            maxLength={60}
            onChange={(e) => setFilter({ outcome: e.target.value })}
          />
        </label>
      </div>
      {error && <ErrorMessage error={error} />}
      {!data && !error && <Spinner label="Loading the audit log…" />}
      {data && data.rows.length === 0 && <EmptyState title="No entries match." />}
      {data && data.rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              {['When', 'Provider', 'Action', 'Reason', 'Outcome', 'Cost', 'Cache'].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{r.provider}</td>
                <td>{r.action}</td>
                <td>{r.reason}</td>
                <td>{r.outcome}</td>
                <td className="col-num">{formatInt(r.costUnits)}</td>
                <td>{r.cacheHit ? 'hit' : 'miss'}</td>
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
