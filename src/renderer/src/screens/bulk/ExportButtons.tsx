import { useState } from 'react'
import { call } from '../../api/call'
import { ExportStatus } from '../../components/ExportStatus'
import type { ExportState } from '../../components/ExportStatus'

/** The audit log (a date range, or all of it) and the monthly usage as CSV, for re-billing. */
export function UsageExports() {
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  async function run(which: 'audit' | 'usage') {
    setState({ kind: 'busy' })
    const res =
      which === 'audit'
        ? await call('export:audit-csv', {
            ...(from === '' ? {} : { from }),
            ...(to === '' ? {} : { to }),
          })
        : await call('export:usage-csv', {})
    setState(res.ok ? { kind: 'done', result: res.data } : { kind: 'error', error: res.error })
  }
  return (
    <section className="panel" aria-labelledby="usage-exports-heading">
      <h2 id="usage-exports-heading">Export for re-billing</h2>
      <div className="row">
        <label>
          From (UTC day)
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To (UTC day)
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" disabled={state.kind === 'busy'} onClick={() => void run('audit')}>
          Export the audit log (CSV)
        </button>
        <button type="button" disabled={state.kind === 'busy'} onClick={() => void run('usage')}>
          Export monthly usage (CSV)
        </button>
      </div>
      <ExportStatus state={state} />
    </section>
  )
}
