import { useEffect, useState } from 'react'
import type { ClientSpend } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ClientForm } from '../../components/ClientForm'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ExportStatus } from '../../components/ExportStatus'
import type { ExportState } from '../../components/ExportStatus'

/** Milli-credits as credits with two decimals, in integer arithmetic (rounded half up). */
export function creditsTwoDecimals(milli: number): string {
  const centi = Math.round(Math.abs(milli) / 10)
  return `${milli < 0 ? '-' : ''}${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`
}

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7)
}

/**
 * Cost attribution: the client paid actions are for now (every audit row carries it), and each
 * client's spend in a calendar month, exportable as CSV for re-billing.
 */
export function ClientSpendPanel() {
  const [current, setCurrent] = useState<string | null>(null)
  const [month, setMonth] = useState(thisMonth)
  const [spend, setSpend] = useState<ClientSpend | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' })

  useEffect(() => {
    void call('settings:get', {}).then((res) => {
      if (!res.ok) return
      setCurrent(res.data.currentClient ?? null)
    })
  }, [])
  useEffect(() => {
    let live = true
    if (!/^\d{4}-\d{2}$/.test(month)) return
    void call('usage:client-spend', { month }).then((res) => {
      if (!live) return
      setSpend(res.ok ? res.data : null)
      setError(res.ok ? null : res.error)
    })
    return () => {
      live = false
    }
  }, [month, current])

  async function choose(client: string | null) {
    const res = await call('settings:set', { currentClient: client })
    if (!res.ok) return setError(res.error)
    setError(null)
    setCurrent(res.data.currentClient ?? null)
  }
  async function exportCsv() {
    setExported({ kind: 'busy' })
    const res = await call('export:client-spend-csv', { month })
    setExported(res.ok ? { kind: 'done', result: res.data } : { kind: 'error', error: res.error })
  }

  return (
    <section className="panel" aria-labelledby="client-spend-heading">
      <h2 id="client-spend-heading">Spend by client</h2>
      <ClientForm label="Current client" stored={current} onChoose={(c) => void choose(c)} />
      <p className="hint" role="status">
        {current === null
          ? 'Paid actions are not tagged with a client.'
          : `Paid actions are tagged with “${current}”.`}
      </p>
      <div className="row">
        <label>
          Month (UTC)
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          Export spend by client (CSV)
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      <ExportStatus state={exported} />
      {spend && spend.rows.length === 0 && (
        <p className="hint">Nothing was spent in {spend.month}.</p>
      )}
      {spend && spend.rows.length > 0 && (
        <table aria-label={`Spend by client, ${spend.month}`}>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Modash credits</th>
              <th scope="col">Discovery results</th>
              <th scope="col">Reports</th>
              <th scope="col">Email lookups</th>
            </tr>
          </thead>
          <tbody>
            {spend.rows.map((r) => (
              <tr key={r.client ?? ''}>
                <th scope="row">{r.client ?? 'No client'}</th>
                <td>{creditsTwoDecimals(r.modashMilliCredits)}</td>
                <td>{r.discoveryResults}</td>
                <td>{r.reports}</td>
                <td>{r.emailLookups}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
