import type { QuotaStatus } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { TeamModeStatus } from '../../../shared/team-contract'

/** What the `team:*` channels and the quota answer call: the team session (`team-session.ts`). */
export interface TeamControl {
  status(): Promise<TeamModeStatus>
  join(invite: string): Promise<TeamModeStatus>
  leave(): Promise<TeamModeStatus>
  /** The quota answer as given, plus the team's meters in team mode. */
  withTeamMeters(local: QuotaStatus): Promise<QuotaStatus>
}

/**
 * For a handler table built over a bare core (tests, benchmarks): always solo, and joining says
 * plainly that this setup cannot.
 */
export const teamUnavailable: TeamControl = {
  status: () => Promise.resolve({ mode: 'solo' }),
  join: () =>
    Promise.reject(new AppError('PRECONDITION', 'Team mode is not available in this setup.')),
  leave: () => Promise.resolve({ mode: 'solo' }),
  withTeamMeters: (local) => Promise.resolve(local),
}
