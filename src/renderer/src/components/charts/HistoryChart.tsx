import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleLinear, scalePoint } from '@visx/scale'
import { Line, LinePath } from '@visx/shape'
import { formatCompact, formatInt } from '../../lib/format'
import { ChartReadout } from './ChartReadout'
import { pointerX, useChartFocus } from './chart-focus'
import { BOTTOM_AXIS, LEFT_AXIS } from './axis-style'

const W = 480
const H = 190
const M = { top: 10, right: 16, bottom: 40, left: 56 }

export interface MonthValue {
  /** "2025-06". */
  month: string
  value: number | null
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2025-06" → "Jun 2025" (or "Jun 25" on a crowded axis). */
export function monthLabel(month: string, short = false): string {
  const [year, m] = month.split('-')
  const name = MONTHS[Number(m) - 1] ?? month
  return `${name} ${short ? `’${(year ?? '').slice(2)}` : year}`
}

/**
 * A monthly series as a line with labelled axes: months along the bottom, the figure up the
 * side. Hover or arrow keys read one month's exact value.
 */
export function HistoryChart({
  title,
  points,
  yLabel,
  unit,
}: {
  title: string
  points: MonthValue[]
  /** The vertical axis' name: "Followers", "Average likes per post". */
  yLabel: string
  /** What the readout calls the value: "followers", "likes". */
  unit: string
}) {
  const known = points.filter((p): p is { month: string; value: number } => p.value !== null)
  const { active, setActive, focusProps } = useChartFocus(known.length)
  if (known.length < 2) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">Not enough history in this report.</p>
      </figure>
    )
  }
  const innerW = W - M.left - M.right
  const innerH = H - M.top - M.bottom
  const values = known.map((p) => p.value)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const pad = (max - min) * 0.1 || Math.max(1, max * 0.05)
  const x = scalePoint<string>({
    domain: known.map((p) => p.month),
    range: [0, innerW],
    padding: 0.2,
  })
  const y = scaleLinear<number>({
    domain: [Math.max(0, min - pad), max + pad],
    range: [innerH, 0],
    nice: true,
  })
  const every = Math.ceil(known.length / 6)
  const ticks = known.filter((_, i) => i % every === 0).map((p) => p.month)
  const first = known[0]
  const last = known[known.length - 1]
  const summary = `${title}: ${formatCompact(first?.value)} in ${monthLabel(first?.month ?? '')}, ${formatCompact(last?.value)} in ${monthLabel(last?.month ?? '')}`
  const current = active === null ? null : known[active]
  const cx = current ? (x(current.month) ?? 0) : 0
  const cy = current ? y(current.value) : 0
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        className="chart-frame"
        {...focusProps}
        role="group"
        aria-label={`${title}, use the arrow keys to read each month`}
      >
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={summary}
          className="history-chart"
          onMouseMove={(e) => {
            const px = pointerX(e, W) - M.left
            let best = 0
            known.forEach((p, i) => {
              const d = Math.abs((x(p.month) ?? 0) - px)
              if (d < Math.abs((x(known[best]?.month ?? '') ?? 0) - px)) best = i
            })
            setActive(best)
          }}
        >
          <Group left={M.left} top={M.top}>
            <AxisLeft
              scale={y}
              numTicks={4}
              tickFormat={(v) => formatCompact(Number(v))}
              label={yLabel}
              labelOffset={36}
              {...LEFT_AXIS}
            />
            <AxisBottom
              top={innerH}
              scale={x}
              tickValues={ticks}
              tickFormat={(v) => monthLabel(String(v), true)}
              label="Month"
              {...BOTTOM_AXIS}
            />
            <LinePath
              data={known}
              x={(p) => x(p.month) ?? 0}
              y={(p) => y(p.value)}
              className="chart-line"
              fill="none"
            />
            {known.map((p, i) => (
              <circle
                key={p.month}
                cx={x(p.month) ?? 0}
                cy={y(p.value)}
                r={i === active ? 5 : 3}
                className="chart-dot"
              >
                <title>{`${monthLabel(p.month)}: ${formatInt(p.value)} ${unit}`}</title>
              </circle>
            ))}
            {current && (
              <Line from={{ x: cx, y: 0 }} to={{ x: cx, y: innerH }} className="chart-crosshair" />
            )}
          </Group>
        </svg>
        <ChartReadout
          text={
            current ? `${monthLabel(current.month)}: ${formatInt(current.value)} ${unit}` : null
          }
          x={(M.left + cx) / W}
          y={(M.top + cy) / H}
        />
      </div>
    </figure>
  )
}
