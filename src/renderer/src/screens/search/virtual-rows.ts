import type { Rect, Virtualizer } from '@tanstack/react-virtual'
import { observeElementRect } from '@tanstack/react-virtual'

/** Used until the scroll box has a height (and in jsdom, which has no layout). */
export const FALLBACK_VIEWPORT = 480

/**
 * The virtualizer's own size observer, except that a box of no height counts as
 * `FALLBACK_VIEWPORT` high: before layout (and in jsdom) a zero height would render no row at all.
 */
export function observeRectOrFallback<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): void | (() => void) {
  return observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT }),
  )
}
