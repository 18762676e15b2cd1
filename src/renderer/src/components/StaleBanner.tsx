import { formatDate } from '../lib/format'

/**
 * Shown whenever an answer came from the cache because the provider could not be used, so a
 * user never mistakes old numbers for live ones.
 */
export function StaleBanner({
  fetchedAt,
  reason,
}: {
  fetchedAt: string | null
  reason?: string | undefined
}) {
  return (
    <div role="status" className="callout callout-warn" data-testid="stale-banner">
      <strong>Showing cached data from {formatDate(fetchedAt)}</strong>
      {reason && <p>{reason}</p>}
    </div>
  )
}
