import { reportAction } from '../../lib/report-action'
import { useProfileStore } from '../../stores/profile-store'
import { selectOffline, useSettingsStore } from '../../stores/settings-store'
import type { CreatorDetail } from '../../../../shared/domain'

export const REPORT_SECTION_ID = 'report-section'

/**
 * One button, three states: buy (1 credit), show the report already owned (free), or refresh one
 * older than the user's limit (1 credit). Paid states go through the confirmation dialog.
 */
export function ReportButton({ detail }: { detail: CreatorDetail }) {
  const maxAge = useSettingsStore((s) => s.settings?.reportMaxAgeDays ?? 30)
  const offline = useSettingsStore(selectOffline)
  const busy = useProfileStore((s) => s.busy)
  const requestReport = useProfileStore((s) => s.requestReport)
  const action = reportAction(detail, maxAge)
  const onClick = () => {
    if (action.paid) void requestReport()
    else document.getElementById(REPORT_SECTION_ID)?.scrollIntoView?.({ behavior: 'smooth' })
  }
  return (
    <button
      type="button"
      className={action.paid ? 'primary' : ''}
      disabled={busy === 'report' || (offline && action.paid)}
      title={offline && action.paid ? 'Offline mode is on: nothing is bought' : undefined}
      onClick={onClick}
      aria-keyshortcuts="r"
      data-report-state={action.kind}
    >
      {busy === 'report' ? 'Getting report…' : action.label}
    </button>
  )
}
