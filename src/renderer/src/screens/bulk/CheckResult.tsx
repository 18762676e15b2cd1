import type { HandleCheck, HandleEntry, HandleStatus } from '../../../../shared/bulk'
import { formatInt, plural } from '../../lib/format'

const STATUS_WORDS: Record<HandleStatus, string> = {
  cached: 'in the cache',
  resolved: 'found by Modash',
  not_found: 'not found',
  unchecked: 'not checked yet',
  duplicate: 'duplicate',
  invalid: 'invalid',
}

const ORDER: HandleStatus[] = [
  'cached',
  'resolved',
  'not_found',
  'unchecked',
  'duplicate',
  'invalid',
]

function who(entry: HandleEntry): string {
  if (entry.creator) return `@${entry.creator.handle ?? entry.creator.providerId}`
  return entry.handle === null ? '' : `@${entry.handle}`
}

/** What an import names, line by line, before anything is bought. */
export function CheckResult({ check }: { check: HandleCheck }) {
  const attention = check.entries.filter((e) => e.status !== 'cached' && e.status !== 'resolved')
  const found = check.entries.filter((e) => e.status === 'cached' || e.status === 'resolved')
  return (
    <div className="check-result">
      <ul className="check-counts" aria-label="Check result">
        {ORDER.filter((s) => check.counts[s] > 0 || s === 'cached' || s === 'resolved').map((s) => (
          <li key={s} className={`badge badge-${s}`} data-status={s}>
            {formatInt(check.counts[s])} {STATUS_WORDS[s]}
          </li>
        ))}
      </ul>
      <p className="hint">
        {plural(check.creatorIds.length, 'creator')} ready for a batch
        {check.lookups > 0 ? `; ${plural(check.lookups, 'free Modash lookup')} made` : ''}.
      </p>
      {check.lookupProblem && (
        <p role="alert" className="callout callout-warn">
          {check.lookupProblem}
        </p>
      )}
      {attention.length > 0 && (
        <table className="table check-lines">
          <caption>Lines to look at</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Value</th>
              <th scope="col">Result</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {attention.slice(0, 500).map((e, i) => (
              <tr key={`${e.line}-${i}`} data-status={e.status}>
                <td>{e.line}</td>
                <td className="selectable">{e.input}</td>
                <td>{STATUS_WORDS[e.status]}</td>
                <td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.length > 0 && (
        <details>
          <summary>Show the {plural(found.length, 'creator')} found</summary>
          <ul className="found-list">
            {found.map((e) => (
              <li key={`${e.line}-${e.creator?.id ?? 0}`}>
                Line {e.line}: {who(e)} ({e.platform}) — {STATUS_WORDS[e.status]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
