import { formatCompact } from '../../lib/format'

const W = 480
const H = 140
const PAD = 28

/** A small SVG line; the summary in aria-label carries the numbers for non-visual readers. */
export function LineChart({
  title,
  points,
}: {
  title: string
  points: { label: string; value: number }[]
}) {
  if (points.length < 2) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">Not enough history yet.</p>
      </figure>
    )
  }
  const values = points.map((p) => p.value)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (points.length - 1)
  const y = (v: number) => H - PAD - ((v - min) * (H - 2 * PAD)) / span
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ')
  const first = points[0]
  const last = points[points.length - 1]
  const summary = `${title}: ${formatCompact(first?.value)} in ${first?.label} to ${formatCompact(last?.value)} in ${last?.label}`
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="line-chart">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
        <text x={PAD} y={PAD - 10} className="tick">
          {formatCompact(max)}
        </text>
        <text x={PAD} y={H - 8} className="tick">
          {first?.label}
        </text>
        <text x={W - PAD} y={H - 8} className="tick" textAnchor="end">
          {last?.label}
        </text>
        <path d={path} className="line" fill="none" />
        {points.map((p, i) => (
          <circle key={p.label} cx={x(i)} cy={y(p.value)} r={3} className="dot">
            <title>{`${p.label}: ${formatCompact(p.value)}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  )
}
