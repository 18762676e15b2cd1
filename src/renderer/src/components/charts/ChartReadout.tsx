/**
 * The value under the pointer (or the keyboard cursor), placed over the chart at `x`/`y` given as
 * fractions of its box. Positioned through the style object (CSSOM), which the strict CSP allows.
 */
export function ChartReadout({ text, x, y }: { text: string | null; x: number; y: number }) {
  return (
    <div
      className="chart-readout"
      aria-live="polite"
      data-testid="chart-readout"
      hidden={text === null}
      style={{
        left: `${Math.round(Math.min(0.98, Math.max(0.02, x)) * 1000) / 10}%`,
        top: `${Math.round(Math.min(0.95, Math.max(0, y)) * 1000) / 10}%`,
        transform: x > 0.6 ? 'translate(-100%, -110%)' : 'translate(0, -110%)',
      }}
    >
      {text}
    </div>
  )
}
