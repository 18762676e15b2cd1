import { useState } from 'react'
import type { RefreshPlan, RefreshScope } from '../../../../shared/bulk'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'
import { refreshLines } from './job-words'
import { useJobsStore } from './jobs-store'

type Parts = { reports: boolean; pages: boolean; emails: boolean }

/** What in the cache is stale, what a refresh would cost, and a refresh of the part chosen. */
export function RefreshPanel() {
  const lists = useListsStore((s) => s.lists)
  const [scopeValue, setScopeValue] = useState('all')
  const [pageAgeDays, setPageAgeDays] = useState(30)
  const [plan, setPlan] = useState<RefreshPlan | null>(null)
  const [parts, setParts] = useState<Parts>({ reports: true, pages: true, emails: true })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const started = useJobsStore((s) => s.started)

  const scope: RefreshScope =
    scopeValue === 'all' ? { kind: 'all' } : { kind: 'list', listId: Number(scopeValue) }
  const days = Number.isInteger(pageAgeDays) && pageAgeDays >= 1 && pageAgeDays <= 3650

  async function planIt() {
    setBusy(true)
    setError(null)
    const res = await call('refresh:plan', { scope, pageAgeDays })
    setBusy(false)
    setPlan(res.ok ? res.data : null)
    if (!res.ok) setError(res.error)
  }

  async function refresh(current: RefreshPlan) {
    const chosen = {
      reports: parts.reports && current.reports.stale > 0,
      pages: parts.pages && current.pages.stale > 0,
      emails: parts.emails && current.emails.expired > 0,
    }
    const ok = await askConfirm({
      title: 'Refresh the stale data?',
      lines: refreshLines(current, chosen),
      confirmLabel: 'Refresh',
    })
    if (!ok) return
    const res = await call('refresh:start', {
      scope,
      pageAgeDays,
      parts: chosen,
      confirmed: {
        reports: chosen.reports ? current.reports.stale : 0,
        enrichments: chosen.emails ? current.emails.expired : 0,
        discovery: chosen.pages ? current.pages.resultsAtMost : 0,
      },
    })
    if (!res.ok) {
      setError(res.error)
      return
    }
    started(res.data)
    announce(`Started “${res.data.title}”.`)
    setPlan(null)
  }

  const anything =
    plan !== null &&
    ((parts.reports && plan.reports.stale > 0) ||
      (parts.pages && plan.pages.stale > 0) ||
      (parts.emails && plan.emails.expired > 0))
  return (
    <section className="panel" aria-labelledby="refresh-heading">
      <h2 id="refresh-heading">Refresh stale data</h2>
      <div className="row">
        <label>
          What
          <select
            value={scopeValue}
            onChange={(e) => {
              setScopeValue(e.target.value)
              setPlan(null)
            }}
          >
            <option value="all">The whole cache</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                List “{l.name}”
              </option>
            ))}
          </select>
        </label>
        <label>
          Search pages older than (days)
          <input
            type="number"
            min={1}
            max={3650}
            value={pageAgeDays}
            onChange={(e) => {
              setPageAgeDays(Math.round(Number(e.target.value)))
              setPlan(null)
            }}
          />
        </label>
        <button type="button" disabled={busy || !days} onClick={() => void planIt()}>
          Plan a refresh (free)
        </button>
      </div>
      {busy && <Spinner label="Looking for stale data…" />}
      {error && <ErrorMessage error={error} />}
      {plan && (
        <section aria-label="Refresh plan">
          {(['reports', 'pages', 'emails'] as const).map((part) => {
            const [line] = refreshLines(plan, {
              reports: part === 'reports',
              pages: part === 'pages',
              emails: part === 'emails',
            })
            return (
              <label key={part} className="check">
                <input
                  type="checkbox"
                  checked={parts[part]}
                  onChange={(e) => setParts({ ...parts, [part]: e.target.checked })}
                />
                {line}
              </label>
            )
          })}
          <button
            type="button"
            className="primary"
            disabled={!anything}
            onClick={() => void refresh(plan)}
          >
            Refresh…
          </button>
          {!anything && <p className="hint">Nothing chosen is stale.</p>}
        </section>
      )}
    </section>
  )
}
