import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import type { ReportAgeGender, ReportShare } from '../../../../shared/creator-report'
import { formatPercent } from '../../lib/format'
import { ChartReadout } from './ChartReadout'
import { pointerX, useChartFocus } from './chart-focus'
import { BOTTOM_AXIS, LEFT_AXIS } from './axis-style'

const W = 480
const H = 200
const M = { top: 10, right: 10, bottom: 40, left: 48 }
const KEYS = ['female', 'male'] as const
const NAMES = { female: 'Female', male: 'Male' }

/**
 * Followers by age band, each band split into women and men when the report breaks it down (else
 * one bar per band). Columns left to right from the youngest band.
 */
export function AgeGenderChart({
  ages,
  byGender,
}: {
  ages: ReportShare[]
  byGender: ReportAgeGender[]
}) {
  const split = byGender.length > 0
  const bands = split
    ? byGender.map((b) => ({
        label: b.label,
        female: b.female,
        male: b.male,
        total: b.female + b.male,
      }))
    : ages.map((a) => ({ label: a.label, female: 0, male: 0, total: a.weight }))
  const { active, setActive, focusProps } = useChartFocus(bands.length)
  const title = 'Audience ages'
  if (bands.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">Not in this report.</p>
      </figure>
    )
  }
  const innerW = W - M.left - M.right
  const innerH = H - M.top - M.bottom
  const max = Math.max(...bands.map((b) => (split ? Math.max(b.female, b.male) : b.total)))
  const x = scaleBand<string>({
    domain: bands.map((b) => b.label),
    range: [0, innerW],
    padding: 0.25,
  })
  const inner = scaleBand<string>({ domain: [...KEYS], range: [0, x.bandwidth()], padding: 0.08 })
  const y = scaleLinear<number>({
    domain: [0, Math.min(1, max * 1.15)],
    range: [innerH, 0],
    nice: true,
  })
  const words = (b: (typeof bands)[number]) =>
    split
      ? `${b.label}: ${formatPercent(b.total)} (women ${formatPercent(b.female)}, men ${formatPercent(b.male)})`
      : `${b.label}: ${formatPercent(b.total)}`
  const current = active === null ? null : bands[active]
  return (
    <figure className="chart">
      <figcaption>{split ? `${title} by gender` : title}</figcaption>
      <div
        className="chart-frame"
        {...focusProps}
        role="group"
        aria-label={`${title}, use the arrow keys to read each age band`}
      >
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`${title}: ${bands.map(words).join('; ')}`}
          className="age-chart"
          onMouseMove={(e) => {
            const px = pointerX(e, W) - M.left
            const i = Math.floor(px / (innerW / bands.length))
            setActive(i >= 0 && i < bands.length ? i : null)
          }}
        >
          <Group left={M.left} top={M.top}>
            {bands.map((b, i) => {
              const left = x(b.label) ?? 0
              const parts = split
                ? KEYS.map((k) => ({
                    key: k,
                    value: b[k],
                    x: left + (inner(k) ?? 0),
                    w: inner.bandwidth(),
                  }))
                : [{ key: 'all', value: b.total, x: left, w: x.bandwidth() }]
              return (
                <g key={b.label} className={i === active ? 'is-active' : undefined}>
                  {parts.map((p) => (
                    <Bar
                      key={p.key}
                      x={p.x}
                      y={y(p.value)}
                      width={p.w}
                      height={Math.max(0, innerH - y(p.value))}
                      className={`chart-bar chart-bar-${p.key}`}
                      rx={2}
                    >
                      <title>{words(b)}</title>
                    </Bar>
                  ))}
                </g>
              )
            })}
            <AxisLeft
              scale={y}
              numTicks={4}
              tickFormat={(v) => formatPercent(Number(v), 0)}
              label="Share of followers"
              labelOffset={30}
              {...LEFT_AXIS}
            />
            <AxisBottom top={innerH} scale={x} label="Age" {...BOTTOM_AXIS} />
          </Group>
        </svg>
        {split && (
          <ul className="chart-legend" aria-hidden="true">
            {KEYS.map((k) => (
              <li key={k}>
                <span className={`chart-swatch chart-bar-${k}`} /> {NAMES[k]}
              </li>
            ))}
          </ul>
        )}
        <ChartReadout
          text={current ? words(current) : null}
          x={(M.left + (x(current?.label ?? '') ?? 0)) / W}
          y={
            current
              ? (M.top + y(split ? Math.max(current.female, current.male) : current.total)) / H
              : 0
          }
        />
      </div>
    </figure>
  )
}
