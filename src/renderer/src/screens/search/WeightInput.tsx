/** "At least N % of the audience": Modash's weight, shown as a whole percentage. */
export function WeightInput({
  label,
  value,
  onChange,
}: {
  label: string
  value: number
  onChange: (v: number) => void
}) {
  return (
    <label className="weight">
      {label}
      <input
        type="number"
        min={1}
        max={100}
        step={1}
        value={value}
        onChange={(e) => {
          const n = Number(e.target.value)
          if (Number.isFinite(n)) onChange(Math.min(100, Math.max(1, Math.round(n))))
        }}
      />
      <span aria-hidden="true">%</span>
    </label>
  )
}
