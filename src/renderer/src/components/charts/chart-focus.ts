import type { KeyboardEvent, MouseEvent } from 'react'
import { useCallback, useState } from 'react'

/**
 * Which datum of a chart is being read: the one under the pointer, or the one the arrow keys
 * moved to once the chart has focus. Charts show it in a readout, so every value can be had by
 * hovering or from the keyboard, not only the ones printed on the axes.
 */
export function useChartFocus(count: number) {
  const [active, setActive] = useState<number | null>(null)

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (count === 0) return
      const step: Record<string, number> = {
        ArrowRight: 1,
        ArrowDown: 1,
        ArrowLeft: -1,
        ArrowUp: -1,
      }
      if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault()
        setActive(e.key === 'Home' ? 0 : count - 1)
        return
      }
      // The first Escape only puts the readout away; the next one reaches the drawer.
      if (e.key === 'Escape') {
        if (active !== null) e.stopPropagation()
        return setActive(null)
      }
      const delta = step[e.key]
      if (delta === undefined) return
      e.preventDefault()
      setActive((a) => (a === null ? 0 : Math.min(count - 1, Math.max(0, a + delta))))
    },
    [count, active],
  )

  return {
    active,
    setActive,
    focusProps: {
      tabIndex: 0,
      onKeyDown,
      onBlur: () => setActive(null),
      onMouseLeave: () => setActive(null),
    },
  }
}

/** The pointer's position along an SVG drawn in a viewBox `width` wide, in viewBox units. */
export function pointerX(e: MouseEvent<SVGSVGElement>, width: number): number {
  const box = e.currentTarget.getBoundingClientRect()
  return box.width === 0 ? 0 : ((e.clientX - box.left) / box.width) * width
}

export function pointerY(e: MouseEvent<SVGSVGElement>, height: number): number {
  const box = e.currentTarget.getBoundingClientRect()
  return box.height === 0 ? 0 : ((e.clientY - box.top) / box.height) * height
}

/** A label cut to fit beside a bar; the readout and the title keep it whole. */
export function clip(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label
}
