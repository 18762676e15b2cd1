import type { CreatorDetail } from '../../../shared/domain'
import { formatAge } from './format'

export type ReportAction =
  | { kind: 'get'; label: string; paid: true }
  | { kind: 'cached'; label: string; paid: false }
  | { kind: 'refresh'; label: string; paid: true }

/**
 * What the report button offers. A report younger than the user's max age is already owned and
 * costs nothing to show; only a missing or expired one spends a credit.
 */
export function reportAction(detail: CreatorDetail, maxAgeDays: number): ReportAction {
  const hasReport = detail.reportFetchedAt !== null && detail.report !== null
  if (!hasReport) return { kind: 'get', label: 'Get detailed report (1 report credit)', paid: true }
  const age = detail.reportAgeDays ?? 0
  if (age > maxAgeDays) return { kind: 'refresh', label: 'Refresh report (1 credit)', paid: true }
  return { kind: 'cached', label: `Report from ${formatAge(age)}`, paid: false }
}
