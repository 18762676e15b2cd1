import type {
  BatchPreview,
  JobSpend,
  JobSummary,
  MeterLeft,
  RefreshPlan,
} from '../../../../shared/bulk'
import { formatCredits } from '../../../../shared/credits'
import { formatInt, plural } from '../../lib/format'

/** Items finished (done, failed or skipped) out of all. */
export function finishedItems(job: JobSummary): number {
  return job.items.done + job.items.failed + job.items.skipped
}

export function isActiveState(state: JobSummary['state']): boolean {
  return state === 'queued' || state === 'running'
}

export function isActive(job: JobSummary): boolean {
  return isActiveState(job.state)
}

export const STATE_WORDS: Record<JobSummary['state'], string> = {
  queued: 'Waiting to start',
  running: 'Running',
  paused: 'Paused',
  stopped: 'Stopped',
  cancelled: 'Cancelled',
  done: 'Done',
}

/** "12 of 30 · 2 failed · 1 skipped" */
export function progressWords(job: JobSummary): string {
  const parts = [`${formatInt(finishedItems(job))} of ${formatInt(job.items.total)}`]
  if (job.items.failed > 0) parts.push(`${formatInt(job.items.failed)} failed`)
  if (job.items.skipped > 0) parts.push(`${formatInt(job.items.skipped)} skipped`)
  return parts.join(' · ')
}

/** "3 reports, 2 email lookups (3.00 Modash credits)"; "nothing yet". */
export function spendWords(spent: JobSpend): string {
  const parts: string[] = []
  if (spent.reports > 0) parts.push(plural(spent.reports, 'report'))
  if (spent.discovery > 0) parts.push(plural(spent.discovery, 'discovery result'))
  if (spent.enrichments > 0) parts.push(plural(spent.enrichments, 'email lookup'))
  if (parts.length === 0) return 'nothing yet'
  const credits =
    spent.milliCredits > 0 ? ` (${formatCredits(spent.milliCredits)} Modash credits)` : ''
  return `${parts.join(', ')}${credits}`
}

/** "about 2 min left", "less than a minute left"; null when unknown. */
export function timeLeftWords(seconds: number | null): string | null {
  if (seconds === null) return null
  if (seconds < 60) return 'less than a minute left'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `about ${plural(minutes, 'minute')} left`
  const hours = Math.floor(minutes / 60)
  return `about ${plural(hours, 'hour')} ${minutes % 60} min left`
}

/** What ended, for the notification. */
export function endWords(job: JobSummary): string {
  const what = `“${job.title}”`
  if (job.state === 'done')
    return `Job ${what} finished: ${progressWords(job)}; charged ${spendWords(job.spent)}.`
  if (job.state === 'cancelled') return `Job ${what} was cancelled: ${progressWords(job)}.`
  return `Job ${what} stopped: ${job.stopReason ?? 'see the Bulk screen.'}`
}

function leftWords(left: number | null, units: string): string {
  return left === null
    ? `no monthly limit for ${units}`
    : `${formatInt(left)} ${units} left this month`
}

/** The lines of the one confirmation a batch is bought with. */
export function previewLines(
  preview: BatchPreview,
  wants: { reports: boolean; emails: boolean },
): string[] {
  const lines: string[] = [`${plural(preview.creators, 'creator')} in this batch.`]
  if (preview.missing > 0)
    lines.push(`${plural(preview.missing, 'creator')} no longer in the cache: skipped.`)
  if (wants.reports) {
    lines.push(
      `Reports: ${formatInt(preview.reports.fresh)} already fresh (free); ${formatInt(preview.reports.toBuy)} to buy, ${formatCredits(preview.reports.milliCredits)} Modash credits (${leftWords(preview.left.report, 'reports')}).`,
    )
  }
  if (wants.emails) {
    const e = preview.emails
    lines.push(
      `Emails: ${formatInt(e.known)} known (free); ${formatInt(e.notFoundRemembered)} “not found” still remembered (free)${e.waiting > 0 ? `; ${formatInt(e.waiting)} lookups waiting for Clay (free)` : ''}.`,
    )
    const lookups =
      e.lookupsAtMost > 0
        ? `${formatInt(e.lookups)} to ${formatInt(e.lookups + e.lookupsAtMost)} (a report bought first may hold the email)`
        : formatInt(e.lookups)
    lines.push(`Clay lookups: ${lookups} (${leftWords(preview.left.enrichment, 'email lookups')}).`)
    if (e.needReport > 0)
      lines.push(
        `${plural(e.needReport, 'creator')} without a report: no email lookup (it needs one).`,
      )
  }
  lines.push(...shortfall(preview.left, preview.reports.toBuy, preview.emails.lookups))
  return lines
}

function shortfall(left: MeterLeft, reports: number, lookups: number): string[] {
  const lines: string[] = []
  if (left.report !== null && reports > left.report)
    lines.push(
      `The monthly report limit allows ${formatInt(left.report)} more: the job will stop there, and say what is left.`,
    )
  if (left.enrichment !== null && lookups > left.enrichment)
    lines.push(
      `The monthly email lookup limit allows ${formatInt(left.enrichment)} more: the job will stop there.`,
    )
  return lines
}

/** What a batch buys at most, for the job's confirmation. */
export function confirmedUnits(preview: BatchPreview) {
  return {
    reports: preview.reports.toBuy,
    enrichments: preview.emails.lookups + preview.emails.lookupsAtMost,
  }
}

export function costsNothing(preview: BatchPreview): boolean {
  const units = confirmedUnits(preview)
  return units.reports === 0 && units.enrichments === 0
}

export function refreshLines(
  plan: RefreshPlan,
  parts: { reports: boolean; pages: boolean; emails: boolean },
): string[] {
  const lines: string[] = []
  if (parts.reports)
    lines.push(
      `${plural(plan.reports.stale, 'report')} past its age limit: ${formatCredits(plan.reports.milliCredits)} Modash credits (${leftWords(plan.left.report, 'reports')}).`,
    )
  if (parts.pages)
    lines.push(
      `${plural(plan.pages.stale, 'search page')} older than ${plural(plan.pages.pageAgeDays, 'day')}: up to ${plural(plan.pages.resultsAtMost, 'discovery result')}, ${formatCredits(plan.pages.milliCreditsAtMost)} Modash credits (${leftWords(plan.left.discovery, 'discovery results')}).`,
    )
  if (parts.emails)
    lines.push(
      `${plural(plan.emails.expired, '“not found” email')} whose memory expired: up to ${plural(plan.emails.expired, 'Clay lookup')} (${leftWords(plan.left.enrichment, 'email lookups')}).`,
    )
  return lines
}
