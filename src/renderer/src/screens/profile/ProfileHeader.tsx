import type { CreatorDetail } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { CreatorPicture } from '../../components/CreatorPicture'
import { ageInDays, formatAge, formatCompact, formatPercent } from '../../lib/format'
import { PLATFORM_NAMES } from '../search/PlatformTabs'

export function ProfileHeader({ detail }: { detail: CreatorDetail }) {
  const c = detail.creator
  const handle = c.handle ? `@${safeText(c.handle)}` : `#${c.providerId}`
  return (
    <div className="profile-header">
      <CreatorPicture creatorId={c.id} name={c.handle ?? c.fullName ?? '?'} size={64} />
      <div>
        <h2 id="profile-heading" tabIndex={-1}>
          {safeText(c.fullName) ?? handle}
        </h2>
        <p className="muted">
          {handle} · {PLATFORM_NAMES[c.platform]}
          {c.profileUrl && <span className="selectable"> · {safeText(c.profileUrl)}</span>}
        </p>
        <p>
          {formatCompact(c.followers)} followers · {formatPercent(c.engagementRate, 2)} ER
          <span className="muted"> · basic data {formatAge(ageInDays(c.basicFetchedAt))}</span>
        </p>
      </div>
    </div>
  )
}
