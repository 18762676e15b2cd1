import type { TeamModeStatus } from '../../../shared/team-contract'
import type { TeamStatus } from '../../team/types'
import type { TeamLink } from './team-link'

/** Settings → Team's answer for a live link: who, where, how it is doing; never a secret. */
export function modeStatus(link: TeamLink, status: TeamStatus): TeamModeStatus {
  const last = link.sync.last
  return {
    mode: 'team',
    user: link.client.user,
    server: link.origin.server,
    from: link.origin.from,
    state: status.state,
    ...(status.error === undefined ? {} : { error: status.error }),
    outboxWaiting: status.outboxWaiting,
    live: status.live,
    ...(last === null ? {} : { lastPull: { ...last } }),
  }
}
