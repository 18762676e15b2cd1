import { useState } from 'react'
import type { Meter, UsageStats } from '../../../../shared/domain'
import { formatDate, formatInt } from '../../lib/format'
import { METER_LABELS } from '../../lib/quota-level'

const W = 640
const H = 180
const PAD = 24
const METERS: Meter[] = ['discovery', 'report', 'enrichment']

export function DailyUsageChart({ daily }: { daily: UsageStats['daily'] }) {
  const [meter, setMeter] = useState<Meter>('discovery')
  const values = daily.map((d) => d[meter])
  const max = Math.max(1, ...values)
  const total = values.reduce((a, b) => a + b, 0)
  const slot = daily.length > 0 ? (W - 2 * PAD) / daily.length : 0
  const barW = Math.max(2, slot * 0.7)
  const label = METER_LABELS[meter]
  const summary = `${label.name} per day: ${formatInt(total)} ${label.units} over ${daily.length} days, at most ${formatInt(max)} a day`
  return (
    <figure className="chart">
      <figcaption>Usage per day this billing period</figcaption>
      <div role="radiogroup" aria-label="Meter shown" className="row">
        {METERS.map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name="usage-meter"
              checked={meter === m}
              onChange={() => setMeter(m)}
            />
            {METER_LABELS[m].name}
          </label>
        ))}
      </div>
      {daily.length === 0 ? (
        <p className="muted">No usage yet this period.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="bar-chart">
          <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} className="axis" />
          <text x={PAD} y={PAD - 8} className="tick">
            {formatInt(max)}
          </text>
          {daily.map((d, i) => {
            const v = d[meter]
            const h = ((H - 2 * PAD) * v) / max
            return (
              <rect
                key={d.day}
                x={PAD + i * slot}
                y={H - PAD - h}
                width={barW}
                height={h}
                className="bar"
              >
                <title>{`${formatDate(d.day)}: ${formatInt(v)} ${label.units}`}</title>
              </rect>
            )
          })}
          <text x={PAD} y={H - 6} className="tick">
            {formatDate(daily[0]?.day)}
          </text>
          <text x={W - PAD} y={H - 6} className="tick" textAnchor="end">
            {formatDate(daily[daily.length - 1]?.day)}
          </text>
        </svg>
      )}
    </figure>
  )
}
