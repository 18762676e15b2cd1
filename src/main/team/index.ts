/** Team mode: the shared ledger, cache and audit log on PostgreSQL (see README, "Team mode"). */
export { createTeamClient } from './team-client'
export type { TeamClient, TeamClientOptions } from './team-client'
export type { TeamConnectionOptions } from './connection-config'
export { teamBuy } from './team-purchase'
export type { TeamBought, TeamOrder } from './team-purchase'
export { syncOfflineCopy, cursorKey } from './offline-copy'
export type { SyncResult } from './offline-copy'
export { DEFAULT_APPLIERS, reportApplier, searchPageApplier } from './offline-appliers'
export type { OfflineApplier } from './offline-appliers'
export * from './keys'
export {
  formatInvite,
  parseInvite,
  readTeamPassword,
  storeTeamPassword,
  TEAM_PASSWORD_ACCOUNT,
} from './invite'
export type { TeamInvite } from './invite'
export { UNREACHABLE, isUnreachable, teamError } from './team-errors'
export type * from './types'
