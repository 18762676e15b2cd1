import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import type { ReportShare } from '../../../../shared/creator-report'
import { safeText } from '../../../../shared/safe-text'
import { formatPercent } from '../../lib/format'
import { ChartReadout } from './ChartReadout'
import { clip, pointerY, useChartFocus } from './chart-focus'
import { BOTTOM_AXIS } from './axis-style'

const W = 480
const BAR = 22
const M = { top: 6, right: 44, bottom: 34, left: 118 }

/**
 * Horizontal bars of shares (countries, cities, ages, interests…), biggest first, each with its
 * percentage printed; the axis says what the percentage is of. Hover or arrow keys read a bar.
 */
export function ShareChart({
  title,
  shares,
  limit = 8,
  axisLabel = 'Share of followers',
  keepOrder = false,
}: {
  title: string
  shares: ReportShare[]
  limit?: number
  axisLabel?: string
  /** Age bands read youngest first; everything else biggest first. */
  keepOrder?: boolean
}) {
  const top = (keepOrder ? shares : [...shares].sort((a, b) => b.weight - a.weight)).slice(0, limit)
  const { active, setActive, focusProps } = useChartFocus(top.length)
  if (top.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">Not in this report.</p>
      </figure>
    )
  }
  const H = M.top + M.bottom + top.length * BAR
  const innerW = W - M.left - M.right
  const max = Math.min(1, Math.max(...top.map((s) => s.weight)) * 1.1)
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerW], nice: true })
  const y = scaleBand<string>({
    domain: top.map((s, i) => `${i}`),
    range: [0, top.length * BAR],
    padding: 0.25,
  })
  const label = (s: ReportShare) => safeText(s.label)
  const summary = `${title}: ${top.map((s) => `${label(s)} ${formatPercent(s.weight)}`).join(', ')}`
  const current = active === null ? null : top[active]
  const readoutY = active === null ? 0 : (M.top + (y(`${active}`) ?? 0)) / H
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div
        className="chart-frame"
        {...focusProps}
        role="group"
        aria-label={`${title}, use the arrow keys to read each value`}
      >
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={summary}
          className="share-chart"
          onMouseMove={(e) => {
            const row = Math.floor((pointerY(e, H) - M.top) / BAR)
            setActive(row >= 0 && row < top.length ? row : null)
          }}
        >
          <Group left={M.left} top={M.top}>
            {top.map((s, i) => {
              const barY = y(`${i}`) ?? 0
              const width = Math.max(1, x(s.weight))
              return (
                <g key={`${s.label}:${i}`} className={i === active ? 'is-active' : undefined}>
                  <Bar
                    x={0}
                    y={barY}
                    width={width}
                    height={y.bandwidth()}
                    className="chart-bar"
                    rx={2}
                  >
                    <title>{`${label(s)}: ${formatPercent(s.weight)}`}</title>
                  </Bar>
                  <text
                    x={width + 4}
                    y={barY + y.bandwidth() / 2}
                    dy="0.33em"
                    className="chart-value"
                  >
                    {formatPercent(s.weight, s.weight < 0.1 ? 1 : 0)}
                  </text>
                </g>
              )
            })}
            <AxisLeft
              scale={y}
              tickFormat={(v) =>
                clip(label(top[Number(v)] ?? { label: '', code: null, weight: 0 }), 18)
              }
              hideTicks
              axisLineClassName="chart-axis-line"
              tickLabelProps={() => ({
                className: 'chart-tick',
                textAnchor: 'end',
                dx: -4,
                dy: '0.33em',
              })}
            />
            <AxisBottom
              top={top.length * BAR}
              scale={x}
              numTicks={4}
              tickFormat={(v) => formatPercent(Number(v), 0)}
              label={axisLabel}
              labelClassName="chart-axis-label"
              {...BOTTOM_AXIS}
            />
          </Group>
        </svg>
        <ChartReadout
          text={current ? `${label(current)}: ${formatPercent(current.weight)}` : null}
          x={(M.left + x(current?.weight ?? 0)) / W}
          y={readoutY}
        />
      </div>
    </figure>
  )
}
