/**
 * How every chart's axes look: the same classes (themed in CSS) and tick placement, spread into
 * visx's `AxisLeft` / `AxisBottom`, so the charts cannot drift apart.
 */
const shared = {
  labelProps: { className: 'chart-axis-label', textAnchor: 'middle' },
  axisLineClassName: 'chart-axis-line',
  tickClassName: 'chart-tick-mark',
} as const

export const LEFT_AXIS = {
  ...shared,
  tickLabelProps: () => ({
    className: 'chart-tick',
    textAnchor: 'end' as const,
    dx: -2,
    dy: '0.33em',
  }),
}

export const BOTTOM_AXIS = {
  ...shared,
  tickLabelProps: () => ({ className: 'chart-tick', textAnchor: 'middle' as const }),
}
