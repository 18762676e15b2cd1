import { formatInt } from '../../lib/format'
import { useStorageStore } from '../../stores/storage-store'
import type { StorageOutcome } from '../../stores/storage-store'

/** What a recovery or a restore brought back, table by table, and where the old file is. */
export function RecoveryOutcome({ outcome }: { outcome: StorageOutcome }) {
  const goOn = useStorageStore((s) => s.goOn)
  const { report } = outcome
  const keptAt = report.keptAt
  return (
    <section className="panel recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">
        {outcome.kind === 'recover' ? 'Recovery finished' : 'Backup restored'}
      </h2>
      <p>{report.summary}</p>
      <div
        role={report.ledger.complete ? undefined : 'alert'}
        className={report.ledger.complete ? 'callout' : 'callout callout-warn'}
        data-testid="ledger-outcome"
      >
        <strong>{report.ledger.complete ? 'Usage meters' : 'Check your usage'}</strong>
        <p>{report.ledger.message}</p>
      </div>
      {outcome.kind === 'recover' ? (
        <table className="table" aria-label="What was recovered">
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">Recovered</th>
              <th scope="col">Could not be read</th>
            </tr>
          </thead>
          <tbody>
            {outcome.report.tables.map((t) => (
              <tr key={t.table} data-complete={t.complete}>
                <th scope="row">{t.label}</th>
                <td>{formatInt(t.recovered)}</td>
                <td>{t.lost === null ? 'unknown: unreadable' : formatInt(t.lost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        outcome.report.carriedForward.length > 0 && (
          <ul aria-label="Kept from after the backup">
            {outcome.report.carriedForward.map((c) => (
              <li key={c.table}>
                {c.label}: {formatInt(c.rows)}
              </li>
            ))}
          </ul>
        )
      )}
      {keptAt && (
        <p>
          The {outcome.kind === 'recover' ? 'damaged' : 'replaced'} file was kept at{' '}
          <span className="selectable">{keptAt}</span>. Nothing was deleted.
        </p>
      )}
      <button type="button" className="primary" onClick={goOn}>
        Continue to Creator Desk
      </button>
    </section>
  )
}
