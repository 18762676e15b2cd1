import type { Share } from '../../lib/report-parse'
import { formatPercent } from '../../lib/format'

/** Horizontal percentage bars; plain list markup so a screen reader reads "United States 62%". */
export function ShareBars({
  title,
  shares,
  limit = 8,
}: {
  title: string
  shares: Share[]
  limit?: number
}) {
  const top = [...shares].sort((a, b) => b.weight - a.weight).slice(0, limit)
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {top.length === 0 ? (
        <p className="muted">No data in this report.</p>
      ) : (
        <ul className="share-bars" aria-label={title}>
          {top.map((s) => (
            <li key={s.label}>
              <span className="share-label">{s.label}</span>
              <span className="share-track" aria-hidden="true">
                <span className="share-fill" style={{ width: `${Math.round(s.weight * 100)}%` }} />
              </span>
              <span className="share-value">{formatPercent(s.weight)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  )
}
