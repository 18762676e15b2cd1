import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { useState } from 'react'
import type { Meter, UsageStats } from '../../../../shared/domain'
import { ChartReadout } from '../../components/charts/ChartReadout'
import { pointerX, useChartFocus } from '../../components/charts/chart-focus'
import { formatDate, formatInt } from '../../lib/format'
import { METER_LABELS } from '../../lib/quota-level'
import { BOTTOM_AXIS, LEFT_AXIS } from '../../components/charts/axis-style'

const W = 640
const H = 200
const M = { top: 10, right: 12, bottom: 40, left: 52 }
const METERS: Meter[] = ['discovery', 'report', 'enrichment']

/** "Nov 3": a usage day (UTC calendar day) on the axis. */
function dayLabel(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  })
}

export function DailyUsageChart({ daily, title }: { daily: UsageStats['daily']; title?: string }) {
  const [meter, setMeter] = useState<Meter>('discovery')
  const { active, setActive, focusProps } = useChartFocus(daily.length)
  const values = daily.map((d) => d[meter])
  const max = Math.max(1, ...values)
  const total = values.reduce((a, b) => a + b, 0)
  const label = METER_LABELS[meter]
  const summary = `${label.name} per day: ${formatInt(total)} ${label.units} over ${daily.length} days, at most ${formatInt(max)} a day`
  const innerW = W - M.left - M.right
  const innerH = H - M.top - M.bottom
  const x = scaleBand<string>({ domain: daily.map((d) => d.day), range: [0, innerW], padding: 0.2 })
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true })
  const every = Math.max(1, Math.ceil(daily.length / 8))
  const ticks = daily.filter((_, i) => i % every === 0).map((d) => d.day)
  const current = active === null ? null : daily[active]
  const words = (d: UsageStats['daily'][number]) =>
    `${formatDate(d.day)}: ${formatInt(d[meter])} ${d[meter] === 1 ? label.unit : label.units}`
  return (
    <figure className="chart">
      <figcaption>{title ?? 'Usage per day this billing period'}</figcaption>
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
        <div
          className="chart-frame"
          {...focusProps}
          role="group"
          aria-label={`${label.name} per day, use the arrow keys to read each day`}
        >
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={summary}
            className="usage-chart"
            onMouseMove={(e) => {
              const i = Math.floor((pointerX(e, W) - M.left) / (innerW / daily.length))
              setActive(i >= 0 && i < daily.length ? i : null)
            }}
          >
            <Group left={M.left} top={M.top}>
              {daily.map((d, i) => {
                const v = d[meter]
                return (
                  <Bar
                    key={d.day}
                    x={x(d.day) ?? 0}
                    y={y(v)}
                    width={x.bandwidth()}
                    height={Math.max(0, innerH - y(v))}
                    className={`chart-bar${i === active ? ' is-active' : ''}`}
                  >
                    <title>{words(d)}</title>
                  </Bar>
                )
              })}
              <AxisLeft
                scale={y}
                numTicks={4}
                tickFormat={(v) => formatInt(Number(v))}
                label={label.name}
                labelOffset={34}
                {...LEFT_AXIS}
              />
              <AxisBottom
                top={innerH}
                scale={x}
                tickValues={ticks}
                tickFormat={(v) => dayLabel(String(v))}
                label="Day"
                {...BOTTOM_AXIS}
              />
            </Group>
          </svg>
          <ChartReadout
            text={current ? words(current) : null}
            x={(M.left + (x(current?.day ?? '') ?? 0)) / W}
            y={current ? (M.top + y(current[meter])) / H : 0}
          />
        </div>
      )}
    </figure>
  )
}
