import type { ReactNode } from 'react'
import { formatDate } from '../lib/format'

/**
 * Shown whenever an answer came from the cache because the provider could not be used, so a
 * user never mistakes old numbers for live ones. `title` replaces the date line where the data
 * has no single date (a search answered from many purchases); `children` say more.
 */
export function StaleBanner({
  fetchedAt,
  reason,
  title,
  children,
}: {
  fetchedAt: string | null
  reason?: string | undefined
  title?: string | undefined
  children?: ReactNode
}) {
  return (
    <div role="status" className="callout callout-warn" data-testid="stale-banner">
      <strong>{title ?? `Showing cached data from ${formatDate(fetchedAt)}`}</strong>
      {reason && <p>{reason}</p>}
      {children}
    </div>
  )
}
