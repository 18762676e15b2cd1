import type { RefObject } from 'react'
import { useCallback, useEffect, useState } from 'react'

/** Used until the container has been measured (and in jsdom, which has no layout). */
const FALLBACK_VIEWPORT = 480

export interface VirtualWindow {
  start: number
  end: number
  onScroll: () => void
  scrollToIndex: (index: number) => void
}

/**
 * Hand-written windowing: only the rows inside the viewport (plus a small overscan) exist in the
 * DOM, so 10,000 results scroll as smoothly as 15. Rows have a fixed height to keep it O(1).
 */
export function useVirtualWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 6,
): VirtualWindow {
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])

  const onScroll = useCallback(() => {
    const el = ref.current
    if (el) setScrollTop(el.scrollTop)
  }, [ref])

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current
      if (!el) return
      const top = index * rowHeight
      const height = el.clientHeight > 0 ? el.clientHeight : viewport
      let next = el.scrollTop
      if (top < next) next = top
      else if (top + rowHeight > next + height) next = top + rowHeight - height
      if (next !== el.scrollTop) el.scrollTop = next
      setScrollTop(next)
    },
    [ref, rowHeight, viewport],
  )

  const first = Math.floor(scrollTop / rowHeight)
  const visible = Math.ceil(viewport / rowHeight)
  const start = Math.max(0, first - overscan)
  const end = Math.min(count, first + visible + overscan)
  return { start, end, onScroll, scrollToIndex }
}
